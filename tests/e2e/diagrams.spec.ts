import { DIST } from './pages';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, LANGS } from './fixtures';

// Lesson pages with at least one diagram, found in the build so a new lesson's diagrams are checked too.
function lessonPaths(lang: string): string[] {
  return readdirSync(join(DIST, lang), { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'glossary')
    .map((d) => `${lang}/${d.name}/`);
}

for (const lang of LANGS) {
  test(`${lang}: every diagram is inline SVG, no Mermaid script is loaded, text stays in its boxes`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (/mermaid/i.test(r.url()) || r.resourceType() === 'script') scripts.push(r.url());
    });
    let diagrams = 0;
    for (const path of lessonPaths(lang)) {
      for (const theme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: theme });
        await page.goto(path);
        await page.evaluate((t) => document.documentElement.setAttribute('data-theme', t), theme);
        const figures = page.locator('figure.diagram');
        const n = await figures.count();
        if (theme === 'light') diagrams += n;
        for (let i = 0; i < n; i++) {
          const fig = figures.nth(i);
          await expect(fig.locator('.diagram-scroll > svg[role="img"]')).toHaveCount(1);
          await expect(fig.locator('svg > title')).not.toBeEmpty();
          await expect(fig.locator('details > summary')).toHaveText(lang === 'zh' ? '以表格显示' : 'Show as table');
          expect(await fig.locator('tbody tr').count()).toBeGreaterThan(0);
          // Every actor/note label lies inside the box drawn for it.
          const clipped = await fig.evaluate((el) => {
            const out: string[] = [];
            for (const text of el.querySelectorAll('svg text.actor, svg text.noteText')) {
              const box = text.previousElementSibling;
              if (!box || box.tagName !== 'rect') continue;
              const t = text.getBoundingClientRect();
              const b = box.getBoundingClientRect();
              if (
                t.left < b.left - 0.5 ||
                t.right > b.right + 0.5 ||
                t.top < b.top - 0.5 ||
                t.bottom > b.bottom + 0.5
              ) {
                out.push(`${text.textContent} (${Math.round(t.width)}px in ${Math.round(b.width)}px)`);
              }
            }
            return out;
          });
          expect(clipped, `${path} ${theme}: labels outside their boxes`).toEqual([]);
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
    expect(scripts.filter((u) => /mermaid/i.test(u))).toEqual([]);
  });

  test(`${lang}: on a 390px phone diagram text is at least 12px and the figure scrolls`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const path of lessonPaths(lang)) {
      await page.goto(path);
      const sizes = await page.locator('figure.diagram svg').evaluateAll((svgs) =>
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
      for (const size of sizes) expect(size, `${path} text size on screen`).toBeGreaterThanOrEqual(12);
      for (const scroll of await page.locator('.diagram-scroll').all()) {
        await expect(scroll).toHaveAttribute('tabindex', '0');
        await expect(scroll).toHaveAttribute('aria-label', /.+/);
      }
    }
  });
}
