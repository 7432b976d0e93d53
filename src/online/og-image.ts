/**
 * Turns a card (./card.ts) into a PNG with the project's Chromium (src/diagrams/chromium.ts), through a
 * committed cache, `card-cache/<key>.png` keyed by a hash of the card's HTML (so of its title, language and
 * design): a machine without a browser builds every card someone has rendered before. Not pure: reads and
 * writes the cache, and starts a browser on a miss.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { CHROMIUM_ARGS, findChromium, HOW_TO_GET_A_BROWSER } from '../diagrams/chromium';
import { CARD_SIZE, cardHtml, type CardText } from './card';

/** Where rendered cards are kept (committed, like diagram-cache/). */
export const CARD_CACHE_DIR = resolve(process.cwd(), 'card-cache');

/** The cache key of a card: a hash of its HTML. Pure. */
export function cardKey(html: string): string {
  return createHash('sha256').update(html).digest('hex').slice(0, 20);
}

/** The PNG of the card for `text`, from the cache or rendered (and then cached). */
export async function cardPng(text: CardText, cacheDir: string = CARD_CACHE_DIR): Promise<Buffer> {
  const html = cardHtml(text);
  const file = join(cacheDir, `${cardKey(html)}.png`);
  if (existsSync(file)) return readFileSync(file);
  const png = await renderPng(html, text.title);
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(file, png);
  return png;
}

async function renderPng(html: string, title: string): Promise<Buffer> {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new Error(
      `[cards] No browser to draw the sharing card of "${title}", and it is not in card-cache/. ${HOW_TO_GET_A_BROWSER}`,
    );
  }
  // Required, not imported, as in src/diagrams/chromium.ts: playwright-core is CommonJS.
  const { chromium } = createRequire(import.meta.url)('playwright-core') as typeof import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: CARD_SIZE, deviceScaleFactor: 1 });
    // The card is self-contained: nothing may load from outside it.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate('document.fonts.ready');
    return await page.screenshot({ type: 'png', clip: { x: 0, y: 0, ...CARD_SIZE } });
  } finally {
    await browser.close();
  }
}
