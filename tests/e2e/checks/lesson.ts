// What every lesson page holds, checked in the pass over every page (every-page.spec.ts) before any quiz is
// answered: objectives and reading time at the top, a diagram, at least five questions with their islands
// running, the score panel, the simulator where the lesson has one, a summary and further reading.
import { expect, type Page } from '@playwright/test';

/** The texts looked for, per language (the same as src/i18n and the lessons' headings). */
const T = {
  en: {
    readingTime: /^\d+ min read$/,
    summary: 'Summary',
    furtherReading: 'Further reading',
    noAnswers: 'No answers yet.',
  },
  zh: { readingTime: /^阅读约 \d+ 分钟$/, summary: '小结', furtherReading: '延伸阅读', noAnswers: '还没有作答。' },
} as const;

/**
 * Checks the parts of one lesson page, softly, so that a lesson lacking several is reported with all of them
 * at once. `simulator`: whether the lesson's MDX places the phone simulator.
 */
export async function expectLessonParts(page: Page, lang: 'zh' | 'en', simulator: boolean): Promise<void> {
  const L = T[lang];
  const main = page.locator('main.lesson');
  const objectives = main.locator('header .objectives > li');
  expect.soft(await objectives.count(), 'objectives at the top').toBeGreaterThanOrEqual(1);
  if ((await objectives.count()) > 0) await expect.soft(objectives.first()).toBeVisible();
  await expect.soft(main.locator('header .lesson-meta > span').last(), 'reading time').toHaveText(L.readingTime);

  const diagrams = main.locator('article figure:has(svg[role])');
  expect.soft(await diagrams.count(), 'diagrams (a figure with svg[role])').toBeGreaterThanOrEqual(1);
  if ((await diagrams.count()) > 0) await expect.soft(diagrams.first().locator('svg[role]')).toBeVisible();

  // Each island shows its buttons only once its script has run.
  const questions = await main.locator('article [data-quiz-id]').evaluateAll((qs) =>
    qs.map((q) => {
      const actions = q.querySelector('.quiz-actions');
      const running = actions !== null && actions.getClientRects().length > 0;
      return { id: q.getAttribute('data-quiz-id'), running };
    }),
  );
  expect.soft(questions.length, 'quiz questions').toBeGreaterThanOrEqual(5);
  expect
    .soft(
      questions.filter((q) => !q.running).map((q) => q.id),
      'questions whose island is not running (no visible .quiz-actions)',
    )
    .toEqual([]);
  const summary = main.locator('quiz-summary');
  await expect.soft(summary, 'one QuizSummary').toHaveCount(1);
  if ((await summary.count()) === 1)
    await expect.soft(summary.locator('.quiz-score'), 'QuizSummary is running').toHaveText(L.noAnswers);

  const sim = main.locator('phone-sim');
  if (simulator) {
    await expect.soft(sim, 'the phone simulator').toHaveCount(1);
    await expect.soft(sim.locator('.sim-body'), 'the simulator is running').toBeVisible();
  } else {
    await expect.soft(sim, 'no phone simulator where the lesson places none').toHaveCount(0);
  }

  const summaryHeading = main.locator('article h2').filter({ hasText: new RegExp(`^${L.summary}$`) });
  await expect.soft(summaryHeading, `a "${L.summary}" section`).toHaveCount(1);
  expect
    .soft(await summaryHeading.locator('xpath=following-sibling::*[1]').locator('li').count(), 'points in the summary')
    .toBeGreaterThanOrEqual(3);
  await expect
    .soft(main.getByRole('heading', { level: 2, name: L.furtherReading, exact: true }), 'further reading')
    .toBeVisible();
}
