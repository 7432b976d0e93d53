// Accessibility checks for the pass over every page (every-page.spec.ts), and the axe runner other specs use.
import axe from 'axe-core';
import { expect, type Page } from '@playwright/test';

/** The rules the site is held to: WCAG 2.0, 2.1 and 2.2, levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Highlighted code: the <code> inside Shiki's <pre>. Its token colours are checked once, in both themes, by
 * tests/unit/lessons/code-contrast.test.ts, and html.spec.ts checks that every block in the build uses the
 * themes that test checks; the <pre> itself (its focusability when it scrolls) stays in axe's run.
 */
export const CODE_TOKENS = 'pre.astro-code > code';

/** What answering a quiz changes: the question islands, the score panel, and the lesson list's "done" marks. */
export const ANSWERED = ['main [data-quiz-id]', 'main quiz-summary', '.lesson-done'];

/**
 * The rules whose result can change with the theme: everything else axe checks (names, roles, structure,
 * focus order) is the same markup in both, so after a switch in place only these need to run again.
 */
export const THEME_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * Which part of the page axe looks at: CSS selectors to include (default: the whole page) and to leave out;
 * and which rules run (default: every WCAG A/AA rule).
 */
export interface AxeScope {
  include?: string[];
  exclude?: string[];
  rules?: string[];
}

/**
 * The WCAG A/AA violations axe-core finds on the page as it is now, one line per element. axe is injected
 * once per document and run in the page itself: @axe-core/playwright injects it again on every run and
 * finishes each run in a new blank page, which made a lesson page's run take 5–7 times as long on a busy
 * machine (all that machinery is for frames, and the site has none). Include selectors that match nothing
 * are dropped; if none matches, there is nothing to check and the result is empty.
 */
export async function axeViolations(page: Page, scope: AxeScope = {}): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  // Off-screen figures skip layout (content-visibility); axe would wait on each one, so draw them all first.
  await page.evaluate(() => document.documentElement.classList.add('draw-all'));
  return page.evaluate(
    async ({ include, exclude, tags, rules }) => {
      const present = include?.filter((s) => document.querySelector(s) !== null);
      if (present && present.length === 0) return [];
      const context = {
        include: present ? present.map((s) => [s]) : [['html']],
        exclude: (exclude ?? []).map((s) => [s]),
      };
      const results = await (window as unknown as { axe: typeof axe }).axe.run(context as axe.ElementContext, {
        runOnly: rules ? { type: 'rule', values: rules } : { type: 'tag', values: tags },
        // Only violations are reported, so axe need not describe every passing element.
        resultTypes: ['violations'],
      });
      return results.violations.flatMap((v) =>
        v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} — ${n.target.join(' ')}\n    ${n.failureSummary ?? ''}`),
      );
    },
    { include: scope.include, exclude: scope.exclude, tags: WCAG_TAGS, rules: scope.rules },
  );
}

/**
 * Switches the theme in place, as the reader's system setting does, and sets it on the page as the theme
 * script would (site.spec.ts tests that the page follows the system setting live; here the switch must not
 * wait on it). Then waits for the page to render a frame in the new theme.
 */
export async function switchTheme(page: Page, scheme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
  await page.evaluate((s) => void (document.documentElement.dataset.theme = s), scheme);
  await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/**
 * Answers every question island in <main>: the first choice of each radio group and the first checkbox are
 * ticked, text and number fields get "1", and Check is clicked, in the page itself (quiz.spec.ts answers
 * questions as a reader does; here only the answered state matters, and a wrong answer shows as much
 * feedback as a right one). Fails, naming them, unless every question was graded. Returns how many were.
 */
export async function answerQuizzes(page: Page): Promise<number> {
  const questions = page.locator('main [data-quiz-id]');
  await questions.evaluateAll((islands) => {
    for (const island of islands) {
      const radios = [...island.querySelectorAll<HTMLInputElement>('input[type="radio"]:enabled')];
      for (const name of new Set(radios.map((r) => r.name))) radios.find((r) => r.name === name)!.click();
      island.querySelector<HTMLInputElement>('input[type="checkbox"]:enabled')?.click();
      for (const field of island.querySelectorAll<HTMLInputElement>('input[type="text"], input[type="number"]')) {
        field.value = '1';
        field.dispatchEvent(new Event('input', { bubbles: true }));
      }
      island.querySelector<HTMLButtonElement>('[data-action="check"]')?.click();
    }
  });
  // A number question grades once the TCP model has arrived, which its check waits for.
  const graded = () =>
    questions.evaluateAll((islands) =>
      islands.map((q) => `${q.getAttribute('data-quiz-id')}: ${q.getAttribute('data-state') ?? 'not graded'}`),
    );
  await expect
    .poll(async () => (await graded()).filter((g) => !/: (right|wrong)$/.test(g)), {
      message: 'questions left ungraded',
    })
    .toEqual([]);
  return (await graded()).length;
}
