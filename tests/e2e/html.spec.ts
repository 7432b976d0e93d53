// Checks the built HTML on disk: every page in dist/ is valid HTML (rules in .htmlvalidate.mjs) and every
// internal link, resource and #fragment resolves to a file and an id in dist/. No browser is needed, so these
// tests use Playwright's plain `test` rather than the watched page of ./fixtures.
import { test, expect } from '@playwright/test';
import { HtmlValidate } from 'html-validate';
import { siteConfig } from '../../site.config.mjs';
import htmlValidateConfig from '../../.htmlvalidate.mjs';
import { builtPages, DIST } from './pages';
import { brokenReason, cachedReader, references, type Site } from './dist-links';

const rawBase = process.env.BASE_PATH || '/';
const site: Site = {
  dist: DIST,
  base: `/${rawBase.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/'),
  siteOrigin: new URL(siteConfig.site).origin,
};
const pages = builtPages();
const read = cachedReader();
const validator = new HtmlValidate(htmlValidateConfig);

test('the build has the home page, both language indexes and lessons in both languages', () => {
  const paths = pages.map((p) => p.path);
  expect(paths).toEqual(expect.arrayContaining(['', 'zh/', 'en/', '404.html']));
  const zh = pages.filter((p) => p.lesson && p.lang === 'zh').map((p) => p.path.slice(3));
  const en = pages.filter((p) => p.lesson && p.lang === 'en').map((p) => p.path.slice(3));
  expect(zh.length).toBeGreaterThan(0);
  expect(zh).toEqual(en);
});

for (const page of pages) {
  const name = page.path || '(home)';

  test(`valid HTML: ${name}`, async () => {
    const report = await validator.validateFile(page.file);
    const problems = report.results.flatMap((r) =>
      r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message} (${m.selector ?? 'document'})`),
    );
    expect(problems, `html-validate on ${page.file}`).toEqual([]);
  });

  test(`links and anchors resolve: ${name}`, () => {
    const html = read(page.file);
    const refs = references(html);
    expect(refs.length, 'a page with no links at all means the parser broke').toBeGreaterThan(0);
    const broken = refs
      .map((ref) => ({ ref, reason: brokenReason(site, page.path, ref, read) }))
      .filter((r) => r.reason !== undefined)
      .map((r) => `${r.ref.attribute}="${r.ref.value}": ${r.reason}`);
    expect(broken, `broken references in ${page.file}`).toEqual([]);
  });
}
