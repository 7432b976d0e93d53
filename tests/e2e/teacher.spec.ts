// The classroom pages: each lesson's worksheet and answer key (/<lang>/teacher/<slug>/), the teachers' index,
// and the page of every scenario (/<lang>/scenarios/), on screen and printed. Answers in the key are checked
// against the TCP model itself (src/tcp), run here on the ISNs the sheet printed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect, LANGS } from './fixtures';
import { parseScenario, runScenario, type Scenario } from '../../src/tcp';
import { segmentId } from '../../src/quiz/answers';
import { componentAttribute, lessonFiles } from '../support/lessons';
import { cachedReader } from './dist-links';
import { DIST } from './pages';

type Lang = (typeof LANGS)[number];
type Side = 'client' | 'server';

/** A key as content/quizzes/<slug>.json writes it (before src/quiz/keys.ts parses it). */
type RawKey =
  | { type: 'choice'; options: string[]; correct: string[] }
  | { type: 'order'; answer: string[] }
  | {
      type: 'order';
      from: { scenario: string; calls: Side } | { scenario: string; segments: true; afterStep?: number };
    }
  | { type: 'number'; scenario: string; segment: number; field: 'seq' | 'ack' }
  | { type: 'state'; scenario: string; step: number; side: Side };

const SCENARIO_IDS = readdirSync('content/scenarios')
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -'.json'.length))
  .sort();
const json = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
const scenario = (id: string): Scenario =>
  parseScenario(json(`content/scenarios/${id}.json`), `content/scenarios/${id}.json`);
const keysOf = (slug: string) => json(`content/quizzes/${slug}.json`) as Record<string, RawKey>;
/** The lessons with questions: those with a key file. */
const SLUGS = readdirSync('content/quizzes')
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -'.json'.length));

/** Every segment the model sends in a scenario, optionally with other ISNs. */
function segments(id: string, isn?: { client: number; server: number }) {
  const s = scenario(id);
  return runScenario(isn ? { ...s, isn } : s).steps.flatMap((step) =>
    step.sent.map((seg) => ({
      from: seg.from,
      flags: [seg.flags.syn && 'SYN', seg.flags.fin && 'FIN', seg.flags.rst && 'RST', seg.flags.ack && 'ACK'].filter(
        (f): f is string => Boolean(f),
      ),
      seq: seg.seq,
      ack: seg.ack,
      step: step.index + 1,
    })),
  );
}

/** The right order of an ordering key, from the model. */
function modelOrder(key: Extract<RawKey, { type: 'order' }>): string[] {
  if ('answer' in key) return key.answer;
  const from = key.from;
  if ('calls' in from)
    return scenario(from.scenario).steps.flatMap((s) => ('call' in s && s.call === from.calls ? [s.op] : []));
  return segments(from.scenario)
    .filter((s) => s.step > (from.afterStep ?? 0))
    .map(segmentId);
}

/** A built page of dist/, as a tree. */
const readPage = cachedReader();
const readLesson = (rel: string) => readPage(join(DIST, rel));

const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
const sheetPath = (lang: Lang, slug: string) => `${lang}/teacher/${slug}/`;

/** Whether an element is laid out (print rules hide with display: none). */
const shown = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((els) => els.some((el) => (el as HTMLElement).getClientRects().length > 0));

for (const lang of LANGS) {
  test(`${lang}: the teachers' page links a sheet for every lesson with questions, and the scenarios page`, async ({
    page,
  }) => {
    await page.goto(`${lang}/`);
    await page.locator(`main a[href$="/${lang}/teacher/"]`).click();
    await expect(page).toHaveURL(new RegExp(`/${lang}/teacher/$`));
    const sheets = await page
      .locator('main a[href*="/teacher/"]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')!.replace(/^.*\/teacher\/([^/]+)\/$/, '$1')));
    expect(sheets.sort()).toEqual([...SLUGS].sort());
    await expect(page.locator(`main a[href$="/${lang}/scenarios/"]`)).toBeVisible();
  });

  for (const slug of SLUGS) {
    // One load of the sheet for both halves: the worksheet, then the answer key below it.
    test(`${lang}: the sheet of ${slug} asks every question, gives no answer away, and its key is what the model computes`, async ({
      page,
    }) => {
      // The lesson's questions, in page order, and its link to the sheet, read from the built page on disk.
      const lesson = readLesson(`${lang}/${slug}/index.html`);
      const asked = lesson.elements.flatMap((e) =>
        typeof e.properties.dataQuizId === 'string' ? [e.properties.dataQuizId] : [],
      );
      expect(asked.length).toBeGreaterThan(0);
      const link = lesson.elements.find(
        (e) => e.tagName === 'a' && String(e.properties.href ?? '').endsWith(`/${lang}/teacher/${slug}/`),
      );
      expect(link, 'the lesson links its sheet').toBeDefined();
      await page.goto(String(link!.properties.href).replace(/^\//, ''));
      await expect(page).toHaveURL(new RegExp(`/${sheetPath(lang, slug)}$`));

      const worksheet = page.locator('[data-sheet="worksheet"]');
      const key = page.locator('[data-sheet="key"]');
      const questions = worksheet.locator('.sheet-question');
      await expect(questions).toHaveCount(asked.length);
      expect(await questions.evaluateAll((els) => els.map((e) => e.getAttribute('data-question-id')))).toEqual(asked);
      await expect(key.locator('.sheet-question')).toHaveCount(asked.length);

      // Nothing of the key shows in the worksheet: no marks, explanations, feedback or computed numbers.
      const sheetText = await text(worksheet);
      expect(sheetText).not.toMatch(/[✓✗]/);
      await expect(worksheet.locator('.is-right, .sheet-why, .sheet-feedback, .sheet-answer')).toHaveCount(0);
      // Explanations without their "Why:" label, and each option's feedback.
      const keyed = [
        ...(await key.locator('.sheet-why').evaluateAll((els) =>
          els.map((el) => {
            const copy = el.cloneNode(true) as HTMLElement;
            copy.querySelector('strong')?.remove();
            return copy.textContent ?? '';
          }),
        )),
        ...(await key.locator('.sheet-feedback').allTextContents()),
      ].map((s) => s.replace(/\s+/g, ' ').trim());
      expect(keyed.length).toBeGreaterThan(0);
      for (const piece of keyed) expect(sheetText, 'key text in the worksheet').not.toContain(piece);
      // A computed number may equal a printed ISN (a SYN's seq is its ISN), but appears nowhere else.
      const withoutIsns = await worksheet.evaluate((el) => {
        const copy = el.cloneNode(true) as HTMLElement;
        for (const isns of copy.querySelectorAll('.sheet-isns')) isns.remove();
        return copy.textContent ?? '';
      });
      for (const answer of await key.locator('[data-type="number"] .sheet-answer').allTextContents()) {
        const value = /\d+/.exec(answer)![0];
        expect(withoutIsns).not.toMatch(new RegExp(`\\b${value}\\b`));
      }

      // The key: each answer is what the TCP model gives, for the ISNs this sheet printed. The sheet is read in
      // one pass: each key item, and what its question printed (option letters, scrambled steps, ISNs).
      const keys = keysOf(slug);
      const items = await page.locator('[data-sheet="key"] .sheet-question').evaluateAll((els) =>
        els.map((item) => {
          const id = item.getAttribute('data-question-id')!;
          const asked = document.getElementById(`ws-${id}`)!;
          const squash = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
          return {
            id,
            answer: item.querySelector('.sheet-answer')!.getAttribute('data-answer')!,
            keyOrder: [...item.querySelectorAll('.sheet-order li')].map((l) => l.getAttribute('data-step-id')),
            numberKey: squash(item.querySelector('.sheet-number-key')),
            letters: Object.fromEntries(
              [...asked.querySelectorAll('[data-option-id]')].map((o) => [
                o.getAttribute('data-option-id')!,
                squash(o.querySelector('.sheet-letter')),
              ]),
            ),
            printed: [...asked.querySelectorAll('.sheet-step')].map((l) => l.getAttribute('data-step-id')!),
            isns: squash(asked.querySelector('.sheet-isns')),
          };
        }),
      );
      expect(items.map((i) => i.id)).toEqual(asked);
      for (const item of items) {
        const { id, answer } = item;
        const k = keys[id]!;
        const letterOf = (optionId: string) => item.letters[optionId];
        if (k.type === 'choice') {
          expect(answer.split(/[,、]\s*/), id).toEqual(k.correct.map(letterOf).sort());
        } else if (k.type === 'state') {
          const state = runScenario(scenario(k.scenario)).steps[k.step - 1]!.after[k.side];
          expect(answer, id).toBe(`${letterOf(state)} ${state}`);
        } else if (k.type === 'order') {
          const right = modelOrder(k);
          expect(item.keyOrder, id).toEqual(right);
          expect(item.printed, `${id} is printed scrambled`).not.toEqual(right);
          expect(answer.split(/[,、]\s*/).map(Number), id).toEqual(item.printed.map((s) => right.indexOf(s) + 1));
        } else {
          const [, client, server] = /ISN = (\d+)\D+ISN = (\d+)/.exec(item.isns)!;
          const isn = { client: Number(client), server: Number(server) };
          const model = segments(k.scenario, isn)[k.segment - 1]![k.field];
          expect(Number(answer), id).toBe(model);
          expect(item.numberKey).toContain(String(model));
          // Not the scenario's own ISNs, whose answer the lesson page shows without JavaScript.
          expect(isn).not.toEqual(runScenario(scenario(k.scenario)).isn);
        }
      }
    });
  }

  test(`${lang}: printed, a sheet has no navigation chrome and the key starts on a new A4 page`, async ({ page }) => {
    await page.goto(sheetPath(lang, 'three-way-handshake'));
    await expect(page.locator('[data-print]')).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    for (const chrome of [
      '.site-header',
      'hello-search',
      '[data-theme-toggle]',
      '[data-lang-switch]',
      '.sheet-toolbar',
      '.site-footer',
    ])
      expect(await shown(page, chrome), `${chrome} in print`).toBe(false);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const style = await page.evaluate(() => {
      const key = getComputedStyle(document.querySelector('[data-sheet="key"]')!);
      const question = getComputedStyle(document.querySelector('.sheet-question')!);
      const main = getComputedStyle(document.querySelector('main')!);
      return {
        breakBefore: key.breakBefore,
        breakInside: question.breakInside,
        color: main.color,
        bg: getComputedStyle(document.body).backgroundColor,
      };
    });
    expect(style).toEqual({
      breakBefore: 'page',
      breakInside: 'avoid',
      color: 'rgb(0, 0, 0)',
      bg: 'rgb(255, 255, 255)',
    });

    const pdf = (await page.pdf({ format: 'A4', preferCSSPageSize: true })).toString('latin1');
    const pages = pdf.match(/\/Type\s*\/Page(?!s)/g) ?? [];
    expect(pages.length, 'PDF pages').toBeGreaterThan(1);
    // 210 × 297 mm is 595 × 842 points: the sheet's own @page size.
    const [, width, height] = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf)!;
    expect(Math.round(Number(width))).toBeGreaterThanOrEqual(594);
    expect(Math.round(Number(height))).toBeLessThanOrEqual(843);
    expect(Math.round(Number(height))).toBeGreaterThanOrEqual(841);
  });

  test(`${lang}: the scenarios page draws every scenario file, each at its own anchor`, async ({ page }) => {
    await page.goto(`${lang}/`);
    await page
      .getByRole('navigation', { name: lang === 'zh' ? '课程' : 'Lessons' })
      .locator(`a[href$="/${lang}/scenarios/"]`)
      .click();
    await expect(page).toHaveURL(new RegExp(`/${lang}/scenarios/$`));
    const sections = page.locator('main section[data-scenario]');
    // A long page: read its sections once the whole document has arrived, not while it is still parsing.
    await page.waitForLoadState('load');
    await expect(sections).toHaveCount(SCENARIO_IDS.length);
    const ids = await sections.evaluateAll((els) => els.map((e) => e.id));
    expect([...ids].sort()).toEqual(SCENARIO_IDS);
    // First comes the first scenario the lessons draw; the table of contents lists the sections in page order.
    const drawn = lessonFiles()
      .filter((l) => l.lang === lang)
      .flatMap((l) => componentAttribute(l.file, 'ScenarioDiagram', 'scenario'));
    expect(ids[0]).toBe(drawn[0]);
    const toc = await page.locator('main nav a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(toc).toEqual(ids.map((id) => `#${id}`));
    for (const id of SCENARIO_IDS) {
      const section = page.locator(`section#${id}`);
      await expect(section.getByRole('heading', { level: 2 })).toHaveText(scenario(id).title[lang]);
      const svg = section.locator('figure svg');
      await expect(svg).toHaveCount(1);
      await svg.scrollIntoViewIfNeeded();
      await expect(svg).toBeVisible();
      expect(await svg.evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(50);
    }
    await page.locator(`main nav a[href="#${ids.at(-1)}"]`).click();
    await expect(page).toHaveURL(new RegExp(`#${ids.at(-1)}$`));
    await expect(page.locator(`section#${ids.at(-1)} h2`)).toBeInViewport();
  });
}

test('zh: the teacher pages speak Chinese: no English words in their own text', async ({ page }) => {
  // Acronyms and protocol names (ISN, SYN, TCP, PDF, A4, TIME_WAIT…) are upper case; an English UI word is not.
  const englishWord = /\b[A-Za-z]*[a-z]{2,}[A-Za-z]*\b/;
  const ui = [
    'h1',
    'h2',
    '.sheet-number',
    '.sheet-hint',
    '.sheet-fields',
    '.sheet-toolbar',
    '.sheet-write',
    '.sheet-isns',
    '.sheet-answer',
    '.sheet-number-key',
    '.sheet-order-label',
    '.sheet-why strong',
  ];
  await page.goto('zh/teacher/four-way-close/');
  for (const selector of ui) {
    for (const t of await page.locator(`main ${selector}`).allTextContents()) {
      expect(t, selector).not.toMatch(englishWord);
    }
  }
  await page.goto('zh/teacher/');
  expect(await text(page.locator('main')), 'teachers’ index').not.toMatch(englishWord);
});
