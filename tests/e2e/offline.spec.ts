import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { test, expect, goOffline, LANGS } from './fixtures';
import { DIST } from './pages';

// A classroom without internet. Every page rendering whole offline is checked in every-page.spec.ts; here,
// search offline, and no built file that would load anything from another host.
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
