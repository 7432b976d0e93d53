import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, LANGS } from './fixtures';
import { builtPages, DIST } from './pages';

/**
 * A classroom without internet: every request that leaves the local server is cut, and every page must
 * still render whole. (The fixture also fails a test on any request that leaves, cut or not.)
 */
async function goOffline(page: Page) {
  await page.route('**', (route) => {
    const { hostname, protocol } = new URL(route.request().url());
    if (hostname === '127.0.0.1' || protocol === 'data:' || protocol === 'blob:') return route.continue();
    return route.abort('internetdisconnected');
  });
}

for (const built of builtPages()) {
  test(`offline: /${built.path} renders whole`, async ({ page }) => {
    await goOffline(page);
    await page.goto(built.path);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();

    // Diagrams are drawn at build time: each figure's SVG must be on the page already.
    for (const svg of await page.locator('figure svg').all()) {
      await svg.scrollIntoViewIfNeeded();
      await expect(svg).toBeVisible();
    }

    // Islands (quizzes, the simulator, search) are custom elements; each must be defined once it is in view,
    // which proves its script arrived from the local server.
    const tags = await page.evaluate(() => [
      ...new Set([...document.querySelectorAll('body *')].map((e) => e.localName).filter((n) => n.includes('-'))),
    ]);
    for (const tag of tags) {
      const first = page.locator(tag).first();
      await first.scrollIntoViewIfNeeded().catch(() => undefined); // Hidden ones (no layout box) load eagerly.
      await expect
        .poll(() => page.evaluate((name) => customElements.get(name) !== undefined, tag), {
          message: `<${tag}> is defined`,
        })
        .toBe(true);
      if (tag !== 'hello-search') {
        const inMain = page.locator(`main ${tag}`);
        for (const island of await inMain.all()) await expect(island, `<${tag}> is visible`).toBeVisible();
      }
    }

    // Pictures and fonts: none may fail to load.
    await page.evaluate(() => document.fonts.ready);
    const broken = await page.evaluate(() => ({
      images: [...document.images].filter((img) => img.complete && img.naturalWidth === 0).map((img) => img.src),
      fonts: [...document.fonts].filter((font) => font.status === 'error').map((font) => font.family),
    }));
    expect(broken, 'images or fonts that failed to load').toEqual({ images: [], fonts: [] });
  });
}

for (const lang of LANGS) {
  test(`offline: ${lang} search works from the local index`, async ({ page }) => {
    await goOffline(page);
    await page.goto(`${lang}/`);
    await page.getByRole('searchbox').fill('SYN');
    await expect(page.locator('[data-search-results] a').first()).toHaveAttribute('href', new RegExp(`/${lang}/`), {
      timeout: 15_000, // The first search compiles the index's WebAssembly, slow on a busy 2-core machine.
    });
  });
}

/** Text files a browser might load from: markup, styles, scripts, manifests. */
const TEXT = new Set(['.html', '.css', '.js', '.mjs', '.json', '.svg', '.webmanifest', '.xml']);

// What makes a browser fetch (not merely link to) an outside address: a src, a stylesheet, icon, preload or
// manifest link, a CSS url() or @import, or a JS import.
const EXTERNAL_LOADS = [
  /\ssrc\s*=\s*["']?(?:https?:)?\/\//i,
  /<link\b(?=[^>]*\brel\s*=\s*["']?(?:stylesheet|preload|modulepreload|prefetch|icon|manifest|preconnect|dns-prefetch))[^>]*\bhref\s*=\s*["']?(?:https?:)?\/\//i,
  /url\(\s*["']?(?:https?:)?\/\//i,
  /@import\s+["'](?:https?:)?\/\//i,
  /\bimport\s*\(\s*["'](?:https?:)?\/\//,
  /\bfrom\s*["'](?:https?:)?\/\//,
];

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (TEXT.has(extname(entry.name))) yield full;
  }
}

test('offline: no built file loads anything from another host', () => {
  const found: string[] = [];
  for (const file of files(DIST)) {
    // Code samples in lessons may show URLs as text; they are escaped, so only real markup matches.
    const text = readFileSync(file, 'utf8');
    for (const pattern of EXTERNAL_LOADS) {
      const match = pattern.exec(text);
      if (match) found.push(`${relative(DIST, file)}: …${text.slice(match.index, match.index + 90)}…`);
    }
  }
  expect(found).toEqual([]);
});
