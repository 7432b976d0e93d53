// "Renders whole offline" checks for the pass over every page (every-page.spec.ts). The pass cuts every
// request that leaves the local server (fixtures.ts goOffline), and the fixture fails the test on any such
// request, console error or failed request.
import { expect, type Page } from '@playwright/test';
import { tokenPlace } from '../../../src/styles/code-tokens';

/** Islands whose code loads when the reader first uses them, not near the viewport: how a test reaches for one. */
const ON_USE: Record<string, (el: Element) => void> = {
  // The header search (src/search/loader.ts): a press on the box; a focus would fetch Pagefind's index too.
  'hello-search': (el) => el.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true })),
  // A lesson's simulator (src/simulator/loader.ts): a press anywhere in it; the simulator page's loads at once.
  'phone-sim': (el) => el.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true })),
};

/**
 * Whether a tag is an island's: a custom element name (it has a hyphen) other than a highlighted code token's
 * (`<c-2>`, src/styles/code-classes.ts), which is plain markup that no script defines.
 */
export const isIslandTag = (tag: string) => tag.includes('-') && tokenPlace(tag) === undefined;

/**
 * Brings the first element of each custom-element tag near the viewport, which makes the quiz loader fetch
 * that tag's code (an island that loads on use, the search box, is pressed instead, or left alone with
 * `onUse: false`), and waits until every tag on the page is defined: proof that each island's script
 * arrived from the local server. Fails naming the tag that never was. Returns the tags waited for.
 */
export async function wakeIslands(page: Page, { onUse = true } = {}): Promise<string[]> {
  const found = (
    await page.evaluate(() => [
      ...new Set([...document.querySelectorAll('body *')].map((e) => e.localName).filter((n) => n.includes('-'))),
    ])
  ).filter(isIslandTag);
  const tags = onUse ? found : found.filter((tag) => !(tag in ON_USE));
  for (const tag of tags) {
    // Hidden ones (no layout box) are loaded eagerly; scrolling to them does nothing and is not needed.
    await page
      .locator(tag)
      .first()
      .evaluate((el) => el.scrollIntoView({ block: 'center' }));
    if (tag in ON_USE) await page.locator(tag).first().evaluate(ON_USE[tag]!);
    // Resolved by the page the moment the element is defined (a poll from here would wait 100 ms and more
    // between looks); false if it is not within 15 s.
    const defined = await page.evaluate(
      (name) =>
        Promise.race([
          customElements.whenDefined(name).then(() => true),
          new Promise<boolean>((done) => setTimeout(() => done(false), 15_000)),
        ]),
      tag,
    );
    expect(defined, `<${tag}> is defined`).toBe(true);
  }
  return tags;
}

/**
 * The page rendered whole: its first heading shown, every island in <main> (all but the header's search) and
 * every figure's SVG drawn with a box (as Playwright's toBeVisible: some size, not visibility: hidden), and
 * no image or font that failed to load.
 */
export async function expectRenderedWhole(page: Page, tags: string[]): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  const unseen = await page.evaluate((islandTags) => {
    const boxless = (el: Element) => {
      const box = el.getBoundingClientRect();
      return box.width === 0 || box.height === 0 || getComputedStyle(el).visibility === 'hidden';
    };
    return {
      islands: islandTags
        .filter((tag) => tag !== 'hello-search')
        .flatMap((tag) => [...document.querySelectorAll(`main ${tag}`)].filter(boxless).map(() => `<${tag}>`)),
      diagrams: [...document.querySelectorAll('figure svg')].flatMap((svg, i) =>
        boxless(svg) ? [`figure svg #${i}`] : [],
      ),
    };
  }, tags);
  expect(unseen, 'islands and diagrams not shown').toEqual({ islands: [], diagrams: [] });
  await page.evaluate(() => document.fonts.ready);
  const broken = await page.evaluate(() => ({
    images: [...document.images].filter((img) => img.complete && img.naturalWidth === 0).map((img) => img.src),
    fonts: [...document.fonts].filter((font) => font.status === 'error').map((font) => font.family),
  }));
  expect(broken, 'images or fonts that failed to load').toEqual({ images: [], fonts: [] });
}
