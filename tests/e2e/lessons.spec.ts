import { readdirSync, readFileSync } from 'node:fs';
import { builtPages, type BuiltPage } from './pages';
import { test, expect, LANGS } from './fixtures';

/**
 * Every lesson, in both languages, as a reader meets it: objectives and reading time at the top, at
 * least one diagram, at least five questions and the score panel, a summary, and the simulator where
 * the lesson has one. The fixture fails a test on any console error or failed request, and the test
 * scrolls every island into view so that their scripts load too.
 */

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
 * Lesson pages of the build: language pages whose main element is a lesson (not the glossary), and
 * whether the lesson lets the reader play a call in the phone simulator (its page has the element).
 */
const lessons: (BuiltPage & { lang: 'zh' | 'en'; slug: string; simulator: boolean })[] = builtPages()
  .map((p) => ({ page: p, html: readFileSync(p.file, 'utf8') }))
  .filter(({ page, html }) => page.lesson && /<main[^>]*\bdata-lesson="/.test(html))
  .map(({ page, html }) => ({
    ...page,
    lang: page.lang!,
    slug: page.path.split('/')[1]!,
    simulator: /<phone-sim\b/.test(html),
  }));

test('the build has a page for every lesson file, in both languages', () => {
  for (const lang of LANGS) {
    const files = readdirSync(`content/lessons/${lang}`)
      .filter((f) => /\.mdx?$/.test(f))
      .map((f) => f.replace(/^\d+-/, '').replace(/\.mdx?$/, ''))
      .sort();
    const built = lessons
      .filter((l) => l.lang === lang)
      .map((l) => l.slug)
      .sort();
    expect(built, `${lang} lesson pages`).toEqual(files);
  }
  expect(lessons.length).toBeGreaterThanOrEqual(8);
});

for (const lesson of lessons) {
  const L = T[lesson.lang];

  test(`${lesson.path}: objectives, reading time, diagrams, quiz, summary${lesson.simulator ? ', simulator' : ''}`, async ({
    page,
  }) => {
    await page.goto(lesson.path);
    const main = page.locator('main.lesson');
    // Soft checks: a lesson that lacks several parts is reported with all of them at once.
    const objectives = main.locator('header .objectives > li');
    expect.soft(await objectives.count(), 'objectives at the top').toBeGreaterThanOrEqual(1);
    if ((await objectives.count()) > 0) await expect.soft(objectives.first()).toBeVisible();
    await expect.soft(main.locator('header .lesson-meta > span').last(), 'reading time').toHaveText(L.readingTime);

    const diagrams = main.locator('article figure:has(svg[role])');
    expect.soft(await diagrams.count(), 'diagrams (a figure with svg[role])').toBeGreaterThanOrEqual(1);
    if ((await diagrams.count()) > 0) await expect.soft(diagrams.first().locator('svg[role]')).toBeVisible();

    const questions = main.locator('article [data-quiz-id]');
    const n = await questions.count();
    expect.soft(n, 'quiz questions').toBeGreaterThanOrEqual(5);
    // Each island shows its buttons only once its script has run.
    for (let i = 0; i < n; i++) {
      const q = questions.nth(i);
      await q.scrollIntoViewIfNeeded();
      await expect.soft(q.locator('.quiz-actions'), `question ${await q.getAttribute('data-quiz-id')}`).toBeVisible();
    }
    const summary = main.locator('quiz-summary');
    await expect.soft(summary, 'one QuizSummary').toHaveCount(1);
    if ((await summary.count()) === 1) {
      await summary.scrollIntoViewIfNeeded();
      await expect.soft(summary.locator('.quiz-score'), 'QuizSummary is running').toHaveText(L.noAnswers);
    }

    if (lesson.simulator) {
      const sim = main.locator('phone-sim');
      await expect(sim, 'the phone simulator').toHaveCount(1);
      await sim.scrollIntoViewIfNeeded();
      await expect(sim.locator('.sim-body'), 'the simulator is running').toBeVisible();
    }

    const summaryHeading = main.locator('article h2').filter({ hasText: new RegExp(`^${L.summary}$`) });
    await expect.soft(summaryHeading, `a "${L.summary}" section`).toHaveCount(1);
    expect
      .soft(
        await summaryHeading.locator('xpath=following-sibling::*[1]').locator('li').count(),
        'points in the summary',
      )
      .toBeGreaterThanOrEqual(3);
    await expect
      .soft(main.getByRole('heading', { level: 2, name: L.furtherReading, exact: true }), 'further reading')
      .toBeVisible();
  });
}
