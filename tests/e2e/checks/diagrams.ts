// Diagram checks for the pass over every lesson page (every-page.spec.ts): on screen in each theme, on a
// 390px phone, and printed. The build draws every diagram as inline SVG; these check what the reader sees.
// The checks across lessons (both diagram kinds drawn, some diagram wider than a phone) are in html.spec.ts.
import { expect, type Page } from '@playwright/test';

/**
 * Labels drawn outside the box drawn for them in each of the page's diagrams, as "label (text width in box
 * width)": a sequence diagram's actor and note texts against their rect, a state's name against its shape, an
 * edge label against the foreignObject that clips it. HTML labels are measured by their text, not their block.
 * Read in one pass over the page, like everything here: a lesson has up to a dozen figures.
 */
interface FigureOnScreen {
  svgs: number;
  title: string;
  caption: string | null;
  summary: string | null;
  rows: number;
  clipped: string[];
  actorFill: string | null;
}

function figuresOnScreen(page: Page): Promise<FigureOnScreen[]> {
  return page.locator('figure.diagram').evaluateAll((figures) =>
    figures.map((el) => {
      const textBox = (node: Element) => {
        if (node instanceof SVGElement) return node.getBoundingClientRect();
        const range = document.createRange();
        range.selectNodeContents(node);
        return range.getBoundingClientRect();
      };
      const pairs: [Element, Element | null][] = [];
      for (const t of el.querySelectorAll('svg text.actor')) pairs.push([t, t.previousElementSibling]);
      // A note's labels are the texts of its note group (svg-optimize.ts drops their class noteText, mermaid.css
      // finds them so); a note of several lines (the folded set-up) draws its rect, then one text per line.
      for (const t of el.querySelectorAll('svg :is(g[data-et="note"], g[data-mark]) > text'))
        pairs.push([t, t.parentElement?.querySelector(':scope > rect') ?? null]);
      for (const t of el.querySelectorAll('svg g.node .nodeLabel')) {
        const node = t.closest('g.node');
        pairs.push([t, node?.querySelector(':scope > rect, :scope > path, :scope > polygon') ?? null]);
      }
      for (const t of el.querySelectorAll('svg .edgeLabel p')) pairs.push([t, t.closest('foreignObject')]);
      const clipped: string[] = [];
      for (const [text, box] of pairs) {
        if (!box || (text.textContent ?? '').trim() === '') continue;
        const t = textBox(text);
        const b = box.getBoundingClientRect();
        if (t.left < b.left - 0.5 || t.right > b.right + 0.5 || t.top < b.top - 0.5 || t.bottom > b.bottom + 0.5) {
          clipped.push(
            `${text.textContent} (${Math.round(t.width)}×${Math.round(t.height)}px in ${Math.round(b.width)}×${Math.round(b.height)}px)`,
          );
        }
      }
      const actor = el.querySelector('svg rect.actor');
      return {
        svgs: el.querySelectorAll(':scope .diagram-scroll > svg[role="img"]').length,
        title: el.querySelector('svg > title')?.textContent ?? '',
        caption: el.querySelector(':scope > figcaption:first-child')?.textContent?.trim() ?? null,
        summary: el.querySelector(':scope > details:last-child > summary')?.textContent?.trim() ?? null,
        rows: el.querySelectorAll('tbody tr').length,
        clipped,
        actorFill: actor ? getComputedStyle(actor).fill : null,
      };
    }),
  );
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

/** The actor boxes' fill in each theme: the colours come from the theme's CSS variables. */
const ACTOR_FILL = { light: 'rgb(238, 241, 244)', dark: 'rgb(37, 44, 52)' } as const;

/**
 * Every diagram of a lesson page on screen, in the light theme: inline SVG with a title that names the figure
 * and captions it, a table version, labels inside their boxes, colours from the theme; and no diagram script
 * on the page.
 */
export async function expectDiagramsOnScreen(page: Page, lang: 'zh' | 'en'): Promise<void> {
  const where = new URL(page.url()).pathname;
  // Diagram JavaScript on a lesson page: none. No placeholder for the reader's browser, no script in a figure.
  await expect(page.locator('hello-mermaid')).toHaveCount(0);
  await expect(page.locator('figure.diagram script:not([type="application/json"])')).toHaveCount(0);
  const figures = await figuresOnScreen(page);
  expect(figures.length, `${where}: diagrams`).toBeGreaterThan(0);
  const summary = lang === 'zh' ? '以表格显示' : 'Show as table';
  for (const [i, fig] of figures.entries()) {
    const what = `${where} diagram ${i}`;
    expect(fig.svgs, `${what}: one inline SVG image`).toBe(1);
    expect(fig.title, `${what} has an accTitle`).not.toBe('');
    // The caption comes first (valid HTML) and names the figure.
    expect(fig.caption, `${what}: the first child is its caption`).toBe(fig.title);
    expect(fig.summary, `${what}: the table version comes last`).toBe(summary);
    expect(fig.rows, `${what}: table rows`).toBeGreaterThan(0);
    expect(fig.clipped, `${what}: labels outside their boxes`).toEqual([]);
    if (fig.actorFill) expect(fig.actorFill, `${what} actor fill`).toBe(ACTOR_FILL.light);
  }
  // The caption is the figure's accessible name, as a screen reader announces it.
  const named = page.locator('figure.diagram');
  for (const [i, fig] of figures.entries()) await expect(named.nth(i)).toHaveAccessibleName(fig.title);
}

/**
 * The page's diagrams after a switch to the dark theme: what is drawn is the same, only the colours change,
 * and they come from the dark theme.
 */
export async function expectDiagramsDark(page: Page): Promise<void> {
  const where = new URL(page.url()).pathname;
  const fills = await page
    .locator('figure.diagram')
    .evaluateAll((figures) =>
      figures.map((f) => f.querySelector('svg rect.actor')).map((r) => (r ? getComputedStyle(r).fill : null)),
    );
  for (const [i, fill] of fills.entries())
    if (fill) expect(fill, `${where} diagram ${i} actor fill, dark`).toBe(ACTOR_FILL.dark);
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
  const scrolls = await page.locator('.diagram-scroll').evaluateAll((all) =>
    all.map((el) => ({
      right: el.closest('figure')!.getBoundingClientRect().right,
      tabindex: el.getAttribute('tabindex'),
      label: el.getAttribute('aria-label') ?? '',
      scrollWidth: el.scrollWidth,
      clientWidth: el.clientWidth,
      drawn: el.querySelector('svg')!.width.baseVal.value,
    })),
  );
  for (const [i, s] of scrolls.entries()) {
    // No figure runs off the screen: a diagram wider than the column scrolls inside its figure.
    expect(s.right, `${where} diagram ${i}: the figure's right edge`).toBeLessThanOrEqual(390);
    // Keyboard users scroll it too: it takes focus and has a name.
    expect(s.tabindex, `${where} diagram ${i}: focusable`).toBe('0');
    expect(s.label, `${where} diagram ${i}: named`).not.toBe('');
    // A diagram is never shrunk to fit (its text would fall below 12px): one wider than the column overflows it.
    if (s.drawn > s.clientWidth)
      expect(s.scrollWidth, `${where}: a ${s.drawn}px diagram in ${s.clientWidth}px`).toBeGreaterThan(s.clientWidth);
  }
  // The arrow key moves one that overflows (the same element and CSS for every figure of the page).
  const wide = scrolls.findIndex((s) => s.scrollWidth > s.clientWidth);
  if (wide >= 0) {
    const scroll = page.locator('.diagram-scroll').nth(wide);
    await scroll.focus();
    await expect(scroll).toBeFocused();
    // Pressed again while it has not moved: on a loaded machine the first press can arrive before the figure,
    // just brought on screen by the focus, has been laid out (off-screen figures skip layout until then).
    await expect
      .poll(async () => {
        await page.keyboard.press('ArrowRight');
        return scroll.evaluate((el) => el.scrollLeft);
      })
      .toBeGreaterThan(0);
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
  const printed = await page.locator('figure.diagram').evaluateAll((figures) =>
    figures.map((fig) => {
      const el = fig.querySelector('svg')!;
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
      const labels = 'text.actor, text.messageText, :is(g[data-et="note"], g[data-mark]) > text';
      for (const t of el.querySelectorAll(`${labels}, foreignObject p`)) {
        if ((t.textContent ?? '').trim() === '') continue;
        const glyphs = t.querySelector('tspan') ?? t;
        const ink = glyphs instanceof SVGElement ? getComputedStyle(glyphs).fill : getComputedStyle(glyphs).color;
        const box = t instanceof SVGElement ? t.previousElementSibling : null;
        const behind = box?.tagName === 'rect' ? getComputedStyle(box).fill : paper;
        const ratio = contrast(ink, behind);
        if (ratio < 4.5) faint.push(`${t.textContent}: ${ink} on ${behind} (${ratio.toFixed(1)}:1)`);
      }
      const summary = fig.querySelector('details > summary');
      const summaryBox = summary?.getBoundingClientRect();
      return {
        right: el.getBoundingClientRect().right,
        background: paper,
        faint,
        summaryShown:
          summaryBox !== undefined &&
          summaryBox.width > 0 &&
          summaryBox.height > 0 &&
          getComputedStyle(summary!).visibility !== 'hidden',
      };
    }),
  );
  for (const [i, p] of printed.entries()) {
    expect(p.right, `${where} diagram ${i} fits the paper`).toBeLessThanOrEqual(718);
    expect(p.background, `${where} diagram ${i} paper`).toBe('rgb(255, 255, 255)');
    expect(p.faint, `${where} diagram ${i}: labels below 4.5:1 in print`).toEqual([]);
    expect(p.summaryShown, `${where} diagram ${i}: the "show as table" button is not printed`).toBe(false);
  }
  // Shrunk to the paper, text stays at least 8 pt (10.7 CSS px).
  for (const size of await diagramTextSizes(page))
    expect(size, `${where} printed text size`).toBeGreaterThanOrEqual(10.6);
}
