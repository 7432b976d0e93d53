// Diagram checks for the pass over every lesson page (every-page.spec.ts): on screen in each theme, on a
// 390px phone, and printed. The build draws every diagram as inline SVG; these check what the reader sees.
// The checks across lessons (both diagram kinds drawn, some diagram wider than a phone) are in html.spec.ts.
import { expect, type Locator, type Page } from '@playwright/test';

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

/**
 * Every diagram of a lesson page on screen, in the theme the page is in now: inline SVG with a title that
 * names the figure and captions it, a table version, labels inside their boxes, colours from the theme; and
 * no diagram script on the page.
 */
export async function expectDiagramsOnScreen(page: Page, lang: 'zh' | 'en', theme: 'light' | 'dark'): Promise<void> {
  const where = `${new URL(page.url()).pathname} ${theme}`;
  // Diagram JavaScript on a lesson page: none. No placeholder for the reader's browser, no script in a figure.
  await expect(page.locator('hello-mermaid')).toHaveCount(0);
  await expect(page.locator('figure.diagram script:not([type="application/json"])')).toHaveCount(0);
  const figures = page.locator('figure.diagram');
  const n = await figures.count();
  expect(n, `${where}: diagrams`).toBeGreaterThan(0);
  for (let i = 0; i < n; i++) {
    const fig = figures.nth(i);
    await expect(fig.locator('.diagram-scroll > svg[role="img"]')).toHaveCount(1);
    const title = (await fig.locator('svg > title').textContent()) ?? '';
    expect(title, `${where} diagram ${i} has an accTitle`).not.toBe('');
    // The caption comes first (valid HTML) and names the figure.
    await expect(fig.locator(':scope > figcaption:first-child')).toHaveText(title);
    await expect(page.getByRole('figure', { name: title, exact: true }).first()).toBeVisible();
    await expect(fig.locator(':scope > details:last-child > summary')).toHaveText(
      lang === 'zh' ? '以表格显示' : 'Show as table',
    );
    expect(await fig.locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await clippedLabels(fig), `${where} diagram ${i}: labels outside their boxes`).toEqual([]);
    // Colours come from the theme: the note/actor fill differs between light and dark.
    const [fill] = await fig.locator('svg rect.actor').evaluateAll((rs) => rs.map((r) => getComputedStyle(r).fill));
    if (fill) expect(fill, `${where} actor fill`).toBe(theme === 'light' ? 'rgb(238, 241, 244)' : 'rgb(37, 44, 52)');
  }
}

/**
 * The page's diagrams on a 390px phone: text at least 12px, no figure past the screen's edge, and every
 * diagram wider than its column (the screen draws SVGs at their own size) scrolls sideways inside its
 * figure, by keyboard too. Resizes the page.
 */
export async function expectDiagramsOnPhone(page: Page): Promise<void> {
  const where = new URL(page.url()).pathname;
  await page.setViewportSize({ width: 390, height: 844 });
  for (const size of await diagramTextSizes(page))
    expect(size, `${where} text size on screen`).toBeGreaterThanOrEqual(12);
  // No figure runs off the screen: a diagram wider than the column scrolls inside its figure.
  for (const right of await page
    .locator('figure.diagram')
    .evaluateAll((fs) => fs.map((f) => f.getBoundingClientRect().right)))
    expect(right, `${where} figure's right edge`).toBeLessThanOrEqual(390);
  for (const scroll of await page.locator('.diagram-scroll').all()) {
    await expect(scroll).toHaveAttribute('tabindex', '0');
    await expect(scroll).toHaveAttribute('aria-label', /.+/);
    const { scrollWidth, clientWidth, drawn } = await scroll.evaluate((el) => ({
      scrollWidth: el.scrollWidth,
      clientWidth: el.clientWidth,
      drawn: el.querySelector('svg')!.width.baseVal.value,
    }));
    // A diagram is never shrunk to fit (its text would fall below 12px): one wider than the column overflows it.
    if (drawn > clientWidth)
      expect(scrollWidth, `${where}: a ${drawn}px diagram in ${clientWidth}px`).toBeGreaterThan(clientWidth);
    if (scrollWidth <= clientWidth) continue;
    // Keyboard users scroll it too: it takes focus, and the arrow key moves it.
    await scroll.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => scroll.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  }
}

/**
 * The page's diagrams printed from the dark theme on A4: black on white, every label at least 4.5:1
 * against what is drawn behind it, within the printable width, text at least 8 pt, no "show as table"
 * button. Resizes the page and switches it to print media in the dark theme.
 */
export async function expectDiagramsPrinted(page: Page): Promise<void> {
  const where = new URL(page.url()).pathname;
  // A4 at 96 dpi less 2 cm margins: about 718 CSS px of printable width.
  await page.setViewportSize({ width: 718, height: 1000 });
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
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
    expect(right, `${where} diagram ${i} fits the paper`).toBeLessThanOrEqual(718);
    expect(background, `${where} diagram ${i} paper`).toBe('rgb(255, 255, 255)');
    expect(faint, `${where} diagram ${i}: labels below 4.5:1 in print`).toEqual([]);
    await expect(fig.locator('details > summary')).toBeHidden();
  }
  // Shrunk to the paper, text stays at least 8 pt (10.7 CSS px).
  for (const size of await diagramTextSizes(page))
    expect(size, `${where} printed text size`).toBeGreaterThanOrEqual(10.6);
}
