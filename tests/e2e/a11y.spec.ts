// Accessibility of every built page, in both themes: axe-core with the WCAG 2.0/2.1/2.2 A and AA rules,
// once with every island on the page loaded, and once more after every quiz on it has been answered, so that feedback,
// explanations and retry buttons are checked too. Visiting every page here also puts each one under the
// fixtures' watch for console errors and failed requests.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { builtPages } from './pages';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const THEMES = ['light', 'dark'] as const;

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} — ${n.target.join(' ')}\n    ${n.failureSummary ?? ''}`),
  );
}

/** Scrolls down a screen at a time so every island that loads near the viewport loads, then waits for it. */
async function wakeIslands(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const frame = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 30)));
    for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight / 2) {
      window.scrollTo(0, y);
      await frame();
    }
    window.scrollTo(0, document.documentElement.scrollHeight);
    await frame();
  });
  await page.waitForLoadState('networkidle');
  // Custom elements upgrade once their script runs; give them a moment, but a tag that only styles need not.
  await page
    .waitForFunction(
      () =>
        [...document.querySelectorAll('*')]
          .filter((e) => e.localName.includes('-'))
          .every((e) => customElements.get(e.localName) !== undefined),
      undefined,
      { timeout: 3_000 },
    )
    .catch(() => undefined);
}

// The button that grades an answer, in either language ("Check", "检查答案", a form's submit button…).
const GRADE_BUTTON = /^(check|submit|检查|提交|核对)/i;

/**
 * Answers every quiz in the lesson the way a reader would. A quiz is any island (custom element) or form in
 * <main> that holds a button named like "Check"; in it, the first choice of each radio group and the first
 * checkbox are ticked, text and number fields get "1", and the grade button is clicked. A wrong answer is as
 * good as a right one here: both show feedback that axe must see. Returns how many quizzes were graded.
 */
async function answerQuizzes(page: Page): Promise<number> {
  const count = await page.locator('main').evaluate((main, pattern) => {
    const grade = new RegExp(pattern, 'i');
    const named = (b: Element) => grade.test((b.getAttribute('aria-label') ?? b.textContent ?? '').trim());
    const hosts = new Set<Element>();
    for (const button of main.querySelectorAll('button, input[type="submit"]')) {
      if (button.getAttribute('type') !== 'submit' && !named(button)) continue;
      const host = button.closest('form') ?? ancestorIsland(button);
      if (host) hosts.add(host);
    }
    function ancestorIsland(el: Element): Element | null {
      for (let e = el.parentElement; e && e !== main; e = e.parentElement) if (e.localName.includes('-')) return e;
      return null;
    }
    let n = 0;
    for (const host of hosts) host.setAttribute('data-a11y-quiz', String(n++));
    return n;
  }, GRADE_BUTTON.source);
  let graded = 0;
  for (let i = 0; i < count; i++) {
    const quiz = page.locator(`[data-a11y-quiz="${i}"]`);
    const choices = quiz.getByRole('radio').or(quiz.getByRole('checkbox'));
    const names = await choices.evaluateAll((inputs) => [...new Set(inputs.map((i) => (i as HTMLInputElement).name))]);
    for (const name of names) {
      const first = quiz.locator(`input[name="${name}"]:not([disabled])`).first();
      if ((await first.count()) > 0 && (await first.isVisible())) await first.check();
    }
    const fields = quiz.getByRole('textbox').or(quiz.getByRole('spinbutton'));
    for (let f = 0; f < (await fields.count()); f++) {
      if (await fields.nth(f).isEditable()) await fields.nth(f).fill('1');
    }
    const button = quiz.getByRole('button', { name: GRADE_BUTTON }).first();
    if ((await button.isVisible()) && (await button.isEnabled())) {
      await button.click();
      graded++;
    }
  }
  return graded;
}

for (const built of builtPages()) {
  for (const theme of THEMES) {
    test(`a11y ${theme}: ${built.path || '(home)'}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
      await page.addInitScript((t) => localStorage.setItem('hello-tcp:theme', t), theme);
      await page.goto(built.path);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      // One run once the islands have loaded covers the static page as well: islands only add to it.
      await wakeIslands(page);
      expect(await violations(page), 'axe with the islands loaded').toEqual([]);
      const answered = await answerQuizzes(page);
      test.info().annotations.push({ type: 'quizzes answered', description: String(answered) });
      if (answered > 0) expect(await violations(page), 'axe with every quiz answered').toEqual([]);
    });
  }
}
