import { DIST } from './pages';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect, LANGS } from './fixtures';

// Lesson pages, from the lesson files (content/lessons/<lang>/NN-slug.mdx is /<lang>/slug/), so a new
// lesson's diagrams are checked too; the build must have each of them.
function lessonPaths(lang: string): string[] {
  const paths = readdirSync(join('content/lessons', lang))
    .filter((f) => /^\d{2}-.+\.mdx?$/.test(f))
    .sort()
    .map((f) => `${lang}/${f.replace(/^\d{2}-/, '').replace(/\.mdx?$/, '')}/`);
  for (const path of paths)
    if (!existsSync(join(DIST, path, 'index.html'))) throw new Error(`${path} is missing from ${DIST}`);
  return paths;
}

/**
 * Labels drawn outside the box drawn for them, as "label (text width in box width)": a sequence
 * diagram's actor and note texts against their rect, a state's name against its shape, an edge
 * label against the foreignObject that clips it. HTML labels are measured by their text, not
 * their block.
 */
function clippedLabels(figure: Locator): Promise<string[]> {
  return figure.evaluate((el) => {
    const out: string[] = [];
    const textBox = (node: Element) => {
      if (node instanceof SVGElement) return node.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(node);
      return range.getBoundingClientRect();
    };
    const pairs: [Element, Element | null][] = [];
    for (const t of el.querySelectorAll('svg text.actor, svg text.noteText')) pairs.push([t, t.previousElementSibling]);
    for (const t of el.querySelectorAll('svg g.node .nodeLabel')) {
      const node = t.closest('g.node');
      pairs.push([t, node?.querySelector(':scope > rect, :scope > path, :scope > polygon') ?? null]);
    }
    for (const t of el.querySelectorAll('svg .edgeLabel p')) pairs.push([t, t.closest('foreignObject')]);
    for (const [text, box] of pairs) {
      if (!box || (text.textContent ?? '').trim() === '') continue;
      const t = textBox(text);
      const b = box.getBoundingClientRect();
      if (t.left < b.left - 0.5 || t.right > b.right + 0.5 || t.top < b.top - 0.5 || t.bottom > b.bottom + 0.5) {
        out.push(
          `${text.textContent} (${Math.round(t.width)}×${Math.round(t.height)}px in ${Math.round(b.width)}×${Math.round(b.height)}px)`,
        );
      }
    }
    return out;
  });
}

/** On-screen sizes (CSS px, after any scaling of the SVG) of every non-empty text in the page's diagrams. */
function diagramTextSizes(page: Page): Promise<number[]> {
  return page.locator('figure.diagram svg').evaluateAll((svgs) =>
    svgs.flatMap((svg) =>
      [...svg.querySelectorAll('text, foreignObject div')]
        .filter((t) => (t.textContent ?? '').trim() !== '')
        .map((t) => {
          const px = parseFloat(getComputedStyle(t).fontSize);
          const scale = svg.getBoundingClientRect().width / (svg as SVGSVGElement).width.baseVal.value;
          return px * scale;
        }),
    ),
  );
}

for (const lang of LANGS) {
  test(`${lang}: every diagram is inline SVG, no diagram script is loaded, text stays in its boxes`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    let diagrams = 0;
    const kinds = new Set<string>();
    for (const path of lessonPaths(lang)) {
      for (const theme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: theme });
        await page.goto(path);
        await page.evaluate((t) => document.documentElement.setAttribute('data-theme', t), theme);
        // Diagram JavaScript on a lesson page: none. No placeholder for the reader's browser, no script in a
        // figure (the stepper's step data is a JSON block, not code).
        await expect(page.locator('hello-mermaid')).toHaveCount(0);
        await expect(page.locator('figure.diagram script:not([type="application/json"])')).toHaveCount(0);
        const figures = page.locator('figure.diagram');
        const n = await figures.count();
        if (theme === 'light') diagrams += n;
        for (let i = 0; i < n; i++) {
          const fig = figures.nth(i);
          kinds.add((await fig.getAttribute('data-diagram-kind')) ?? '');
          await expect(fig.locator('.diagram-scroll > svg[role="img"]')).toHaveCount(1);
          const title = (await fig.locator('svg > title').textContent()) ?? '';
          expect(title, `${path} diagram ${i} has an accTitle`).not.toBe('');
          // The caption comes first (valid HTML) and names the figure.
          await expect(fig.locator(':scope > figcaption:first-child')).toHaveText(title);
          await expect(page.getByRole('figure', { name: title, exact: true }).first()).toBeVisible();
          await expect(fig.locator(':scope > details:last-child > summary')).toHaveText(
            lang === 'zh' ? '以表格显示' : 'Show as table',
          );
          expect(await fig.locator('tbody tr').count()).toBeGreaterThan(0);
          expect(await clippedLabels(fig), `${path} ${theme}: labels outside their boxes`).toEqual([]);
          // Colours come from the theme: the note/actor fill differs between light and dark.
          const [fill] = await fig
            .locator('svg rect.actor')
            .evaluateAll((rs) => rs.map((r) => getComputedStyle(r).fill));
          if (fill)
            expect(fill, `${theme} actor fill`).toBe(theme === 'light' ? 'rgb(238, 241, 244)' : 'rgb(37, 44, 52)');
          await fig.screenshot({ path: `test-results/diagrams/${path.replace(/\//g, '_')}${i}-${theme}.png` });
        }
      }
    }
    expect(diagrams, 'lessons in this language have diagrams').toBeGreaterThan(1);
    expect([...kinds].sort(), 'both kinds the lessons draw were checked').toEqual([
      'sequenceDiagram',
      'stateDiagram-v2',
    ]);
    expect(requests.filter((u) => /mermaid|diagrams\/client|fallback/i.test(u))).toEqual([]);
  });

  test(`${lang}: on a 390px phone diagram text is at least 12px and a wide figure scrolls sideways by itself`, async ({
    page,
  }) => {
    test.setTimeout(60_000);
    await page.setViewportSize({ width: 390, height: 844 });
    let wide = 0;
    for (const path of lessonPaths(lang)) {
      await page.goto(path);
      for (const size of await diagramTextSizes(page))
        expect(size, `${path} text size on screen`).toBeGreaterThanOrEqual(12);
      // No figure runs off the screen: a diagram wider than the column scrolls inside its figure.
      for (const right of await page
        .locator('figure.diagram')
        .evaluateAll((fs) => fs.map((f) => f.getBoundingClientRect().right)))
        expect(right, `${path} figure's right edge`).toBeLessThanOrEqual(390);
      for (const scroll of await page.locator('.diagram-scroll').all()) {
        await expect(scroll).toHaveAttribute('tabindex', '0');
        await expect(scroll).toHaveAttribute('aria-label', /.+/);
        const { scrollWidth, clientWidth } = await scroll.evaluate((el) => ({
          scrollWidth: el.scrollWidth,
          clientWidth: el.clientWidth,
        }));
        if (scrollWidth <= clientWidth) continue;
        wide++;
        // Keyboard users scroll it too: it takes focus, and the arrow key moves it.
        await scroll.focus();
        await page.keyboard.press('ArrowRight');
        await expect.poll(() => scroll.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
      }
    }
    expect(wide, 'some diagram is wider than a phone, so the sideways scroll was tried').toBeGreaterThan(0);
  });

  test(`${lang}: diagrams print legibly, black on white in either theme and within the page width`, async ({
    page,
  }) => {
    test.setTimeout(60_000);
    // A4 at 96 dpi less 2 cm margins: about 718 CSS px of printable width.
    await page.setViewportSize({ width: 718, height: 1000 });
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    for (const path of lessonPaths(lang)) {
      await page.goto(path);
      await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
      const figures = page.locator('figure.diagram');
      for (let i = 0; i < (await figures.count()); i++) {
        const fig = figures.nth(i);
        const svg = fig.locator('svg').first();
        const { right, background, faint } = await svg.evaluate((el) => {
          // WCAG contrast of each label against what is drawn behind it: its note or actor box, else the paper.
          const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
          const lum = (c: string) => {
            const [r, g, b] = rgb(c).map((v) => {
              const s = v / 255;
              return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
            }) as [number, number, number];
            return 0.2126 * r + 0.7152 * g + 0.0722 * b;
          };
          const contrast = (a: string, b: string) => {
            const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
            return (hi + 0.05) / (lo + 0.05);
          };
          const paper = getComputedStyle(el).backgroundColor;
          const faint: string[] = [];
          for (const t of el.querySelectorAll('text.actor, text.messageText, text.noteText, foreignObject p')) {
            if ((t.textContent ?? '').trim() === '') continue;
            const glyphs = t.querySelector('tspan') ?? t;
            const ink = glyphs instanceof SVGElement ? getComputedStyle(glyphs).fill : getComputedStyle(glyphs).color;
            const box = t instanceof SVGElement ? t.previousElementSibling : null;
            const behind = box?.tagName === 'rect' ? getComputedStyle(box).fill : paper;
            const ratio = contrast(ink, behind);
            if (ratio < 4.5) faint.push(`${t.textContent}: ${ink} on ${behind} (${ratio.toFixed(1)}:1)`);
          }
          return { right: el.getBoundingClientRect().right, background: paper, faint };
        });
        expect(right, `${path} diagram ${i} fits the paper`).toBeLessThanOrEqual(718);
        expect(background, `${path} diagram ${i} paper`).toBe('rgb(255, 255, 255)');
        expect(faint, `${path} diagram ${i}: labels below 4.5:1 in print`).toEqual([]);
        await expect(fig.locator('details > summary')).toBeHidden();
      }
      // Shrunk to the paper, text stays at least 8 pt (10.7 CSS px).
      for (const size of await diagramTextSizes(page))
        expect(size, `${path} printed text size`).toBeGreaterThanOrEqual(10.6);
    }
  });
}
