// Checks the built HTML on disk: every page in dist/ is valid HTML (rules in .htmlvalidate.mjs) and every
// internal link, resource and #fragment resolves to a file and an id in dist/; the build has every lesson;
// the checks across lessons of the diagrams and the highlighted code that the pass over each page
// (every-page.spec.ts) relies on. No browser is needed, so these tests use Playwright's plain `test` rather
// than the watched page of ./fixtures.
import { test, expect } from '@playwright/test';
import { HtmlValidate } from 'html-validate';
import { siteConfig } from '../../site.config.mjs';
import htmlValidateConfig from '../../.htmlvalidate.mjs';
import { builtPages, DIST } from './pages';
import { brokenReason, cachedReader, references, type Site } from './dist-links';
import { lessonCodeBlocks, lessonFiles } from '../support/lessons';
import { CODE_THEMES } from '../support/code-themes';

const rawBase = process.env.BASE_PATH || '/';
const site: Site = {
  dist: DIST,
  base: `/${rawBase.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/'),
  siteOrigin: new URL(siteConfig.site).origin,
};
const pages = builtPages();
const lessons = lessonFiles();
const read = cachedReader();
const validator = new HtmlValidate(htmlValidateConfig);
const classes = (el: { properties: Record<string, unknown> }) =>
  (el.properties.className as string[] | undefined) ?? [];

test('the build has the home page, both language indexes, and the same pages in both languages', () => {
  const paths = pages.map((p) => p.path);
  expect(paths).toEqual(expect.arrayContaining(['', 'zh/', 'en/', '404.html']));
  const zh = pages.filter((p) => p.lang === 'zh').map((p) => p.path.slice(3));
  const en = pages.filter((p) => p.lang === 'en').map((p) => p.path.slice(3));
  expect(zh.length).toBeGreaterThan(0);
  expect(zh).toEqual(en);
});

test('the build has a page for every lesson file, in both languages, and no other lesson page', () => {
  expect(lessons.length, 'lesson files').toBeGreaterThan(0);
  const built = new Set(pages.map((p) => p.path));
  expect(
    lessons.filter((l) => !built.has(l.path)).map((l) => l.file),
    'lesson files without a page',
  ).toEqual([]);
  // Language pages /<lang>/<slug>/ that are lessons by their markup (<main data-lesson>) are exactly those of
  // the lesson files (teacher pages, one level down, carry data-lesson too).
  const marked = pages
    .filter((p) => /^(zh|en)\/[^/]+\/$/.test(p.path))
    .filter((p) => read(p.file).elements.some((e) => e.tagName === 'main' && e.properties.dataLesson !== undefined))
    .map((p) => p.path)
    .sort();
  expect(marked).toEqual(lessons.map((l) => l.path).sort());
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
    const refs = references(read(page.file));
    expect(refs.length, 'a page with no links at all means the parser broke').toBeGreaterThan(0);
    const broken = refs
      .map((ref) => ({ ref, reason: brokenReason(site, page.path, ref, read) }))
      .filter((r) => r.reason !== undefined)
      .map((r) => `${r.ref.attribute}="${r.ref.value}": ${r.reason}`);
    expect(broken, `broken references in ${page.file}`).toEqual([]);
  });
}

test('highlighted code: every block uses the themes the contrast unit test checks, and no lesson has a block it did not check', () => {
  const themes = ['astro-code-themes', CODE_THEMES.light, CODE_THEMES.dark];
  const lessonOf = new Map(lessons.map((l) => [l.path, l]));
  const problems: string[] = [];
  let blocks = 0;
  for (const page of pages) {
    const pres = read(page.file).elements.filter((e) => e.tagName === 'pre' && classes(e).includes('astro-code'));
    blocks += pres.length;
    for (const pre of pres)
      if (!themes.every((t) => classes(pre).includes(t)))
        problems.push(`${page.path}: a block with classes "${classes(pre).join(' ')}", not ${themes.join(' ')}`);
    // tests/unit/lessons/code-contrast.test.ts checks the blocks it finds in the lesson files; a page with
    // more (or any outside a lesson) would have code whose colours nobody checked.
    const lesson = lessonOf.get(page.path);
    const checked = lesson ? lessonCodeBlocks(lesson.file).length : 0;
    if (pres.length !== checked)
      problems.push(`${page.path}: ${pres.length} highlighted blocks, ${checked} in the lesson files' code`);
  }
  expect(blocks, 'highlighted code blocks in the build').toBeGreaterThan(0);
  expect(problems).toEqual([]);
});

test('diagrams across the lessons: several in each language, both kinds, and one wider than a phone', () => {
  const figures = lessons.flatMap((l) =>
    read(pages.find((p) => p.path === l.path)!.file)
      .elements.filter((e) => e.tagName === 'figure' && classes(e).includes('diagram'))
      .map((figure) => ({ lang: l.lang, figure })),
  );
  for (const lang of ['zh', 'en'])
    expect(figures.filter((f) => f.lang === lang).length, `${lang} lesson diagrams`).toBeGreaterThan(1);
  // Both kinds the lessons draw; every-page.spec.ts checks each figure of every lesson, whatever its kind.
  expect([...new Set(figures.map((f) => f.figure.properties.dataDiagramKind))].sort()).toEqual([
    'sequenceDiagram',
    'stateDiagram-v2',
  ]);
  // The screen draws a diagram at its own width; one wider than a 390px phone makes every-page.spec.ts try
  // the sideways scroll (by keyboard too) on a phone.
  const widths = pages
    .filter((p) => p.lesson)
    .flatMap((p) => read(p.file).elements.filter((e) => e.tagName === 'svg' && e.properties.role === 'img'))
    .map((svg) => Number(svg.properties.width));
  expect(Math.max(...widths), 'the widest lesson diagram, in px').toBeGreaterThan(390);
});
