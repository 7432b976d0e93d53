// Runs under playwright.base.config.ts (`npm run test:base`): the site built with BASE_PATH=/tcp/ into
// .tmp/dist-base. Every page of that build is read from disk: each href, src, srcset candidate and search
// bundle, and each url(…) of its stylesheets, must name a file of that build under /tcp/ (anything that
// ignores the base would point outside it). Two browser tests, with the build served only under /tcp/ (where
// anything outside gets a 404, which the fixture fails on), cover what only runs in the browser: the lesson
// page with the most islands, each loaded, and search.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test as plain } from '@playwright/test';
import { test, expect } from './fixtures';
import { builtPages, type BuiltPage } from './pages';
import { brokenReason, cachedReader, cssUrls, references, type Reference, type Site } from './dist-links';
import { siteConfig } from '../../site.config.mjs';
import { isIslandTag, wakeIslands } from './checks/offline';

const BASE = '/tcp/';
/** The build under test (`npm run test:base` builds it; playwright.base.config.ts serves it). */
const DIST = resolve('.tmp/dist-base');
const site: Site = { dist: DIST, base: BASE, siteOrigin: new URL(siteConfig.site).origin };
// The build is read when the tests run, not when they are listed: in `npm test` it is made by a setup project
// while the other browser tests run (playwright.ci.config.ts).
const read = cachedReader();
const css = new Map<string, string>();
const readCss = (rel: string) => {
  let text = css.get(rel);
  if (text === undefined) css.set(rel, (text = readFileSync(join(DIST, rel), 'utf8')));
  return text;
};

/** What is wrong with the references of one page of the build: [] when every one names a file under BASE. */
function brokenReferences(built: BuiltPage): string[] {
  const tree = read(built.file);
  const refs = references(tree);
  if (refs.length === 0) return ['no links at all: the parser broke'];
  const broken = refs
    .map((ref) => ({ ref, reason: brokenReason(site, built.path, ref, read) }))
    .filter((r) => r.reason !== undefined)
    .map((r) => `${r.ref.attribute}="${r.ref.value}": ${r.reason}`);

  // Stylesheets: the page's own <style> blocks, and every stylesheet it links, with their url(…)s resolved
  // against the sheet itself.
  const check = (from: string, sheet: string) => {
    for (const value of cssUrls(sheet)) {
      const ref: Reference = { attribute: 'url()', value };
      const reason = brokenReason(site, from, ref, read);
      if (reason) broken.push(`url(${value}) in ${from || '/'}: ${reason}`);
    }
  };
  for (const style of tree.styles) check(built.path, style);
  const sheets = tree.elements
    .filter((e) => e.tagName === 'link' && String(e.properties.rel) === 'stylesheet')
    .map((e) => new URL(String(e.properties.href), `http://x${BASE}${built.path}`).pathname);
  for (const sheet of sheets) {
    if (!sheet.startsWith(BASE)) broken.push(`stylesheet ${sheet}: not under ${BASE}`);
    else check(sheet.slice(BASE.length), readCss(sheet.slice(BASE.length)));
  }

  // Any other attribute that holds a root-relative path (a data-* setting a script reads) keeps the base.
  for (const el of tree.elements)
    for (const [name, value] of Object.entries(el.properties))
      if (typeof value === 'string' && /^\/(?!\/)/.test(value) && !value.startsWith(BASE))
        broken.push(`<${el.tagName} ${name}="${value}">: a root path outside ${BASE}`);
  return broken;
}

plain(`base ${BASE}: every reference of every page names a file of the build under ${BASE}`, () => {
  const pages = builtPages(DIST);
  expect(pages.length, 'pages in the build').toBeGreaterThan(20);
  const broken: Record<string, string[]> = {};
  for (const built of pages) {
    const wrong = brokenReferences(built);
    if (wrong.length > 0) broken[built.path || '/'] = wrong;
  }
  expect(broken, `references in ${DIST}`).toEqual({});
});

test(`base ${BASE}: every island of the lesson page with the most kinds of island loads from under ${BASE}`, async ({
  page,
}) => {
  // The lesson page with the most kinds of island (quizzes, the score panel, the simulator, search): each
  // island's code is fetched by the browser at run time, from paths the bundler wrote.
  const richest = builtPages(DIST)
    .filter((p) => p.lesson)
    .map((p) => ({
      page: p,
      tags: new Set(
        read(p.file)
          .elements.map((e) => e.tagName)
          .filter(isIslandTag),
      ).size,
    }))
    .sort((a, b) => b.tags - a.tags)[0]!.page;
  const requested: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto(richest.path);
  const tags = await wakeIslands(page);
  expect(tags.length, richest.path).toBeGreaterThan(1);
  await page.getByRole('searchbox').focus(); // The search bundle loads when the reader reaches for the box.
  await expect.poll(() => requested.some((p) => p.endsWith('/pagefind/pagefind.js'))).toBe(true);
  await page.waitForLoadState('networkidle');
  // The fixture has failed the test on any 404; every request also stayed under the base.
  expect(requested.filter((p) => !p.startsWith(BASE))).toEqual([]);
});

test(`base ${BASE}: search results lead to pages under ${BASE}`, async ({ page }) => {
  await page.goto('zh/');
  await page.getByRole('searchbox').fill('三次握手');
  const first = page.locator('[data-search-results] a').first();
  await expect(first).toHaveAttribute('href', /^\/tcp\/zh\/three-way-handshake\/$/, { timeout: 15_000 });
  await first.click();
  await expect(page).toHaveURL(/\/tcp\/zh\/three-way-handshake\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('三次握手');
});
