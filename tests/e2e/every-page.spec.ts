// One pass over every built page. The page loads once, with every request that leaves the local server cut
// (a classroom without internet), and in that one load:
//   - it renders whole offline (checks/offline.ts); the fixture also fails the test on a console error, a
//     failed request or any request to another host;
//   - a lesson page has all its parts (checks/lesson.ts) and its diagrams are right in the light theme;
//   - axe finds no WCAG A/AA violation with the islands loaded in the light theme; switched in place to the dark
//     one, the rules that depend on colour run again (checks/a11y.ts), and the diagrams take the dark colours;
//   - every quiz is answered, and axe checks the answered islands in the dark theme, then the rules colour can
//     change in the light one;
//   - a lesson page's diagrams are checked on a phone and printed (checks/diagrams.ts).
// An old address (src/content/moved.ts) is checked to send the reader on to the page that replaced it.
// Highlighted code blocks are left out of axe: their token colours are checked once, in both themes, by
// tests/unit/lessons/code-contrast.test.ts, and html.spec.ts checks every block uses the themes it checks.
import { existsSync } from 'node:fs';
import { test, expect, goOffline } from './fixtures';
import { builtPages } from './pages';
import { componentCount, lessonFiles } from '../support/lessons';
import { ANSWERED, CODE_TOKENS, THEME_RULES, answerQuizzes, axeViolations, switchTheme } from './checks/a11y';
import { expectLessonParts } from './checks/lesson';
import {
  expectDiagramsDark,
  expectDiagramsOnPhone,
  expectDiagramsOnScreen,
  expectDiagramsPrinted,
} from './checks/diagrams';
import { expectRenderedWhole, wakeIslands } from './checks/offline';

const lessons = new Map(lessonFiles().map((l) => [l.path, l]));

for (const built of builtPages()) {
  const lesson = lessons.get(built.path);
  const simulator = lesson ? componentCount(lesson.file, 'PhoneSimulator') > 0 : false;

  test(`every page: ${built.path || '(home)'}`, async ({ page }) => {
    // A page gets the checks that several separate page loads used to make (a11y in each theme, offline, and
    // on a lesson page its parts and diagrams), so it has the time of two tests.
    test.setTimeout(60_000);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await goOffline(page);
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
    await page.goto(built.path);
    if (built.movedTo !== undefined) {
      // An old address sends the reader on at once; the page it sends them to has its own pass.
      await expect(page).toHaveURL(new RegExp(`/${built.movedTo}$`));
      await expect(page.locator('main[data-lesson]')).toBeVisible();
      // What a browser that does not follow the refresh shows: links to the new pages, and nothing axe finds.
      await page.route(`**/${built.path}`, async (route) => {
        const response = await route.fetch();
        const body = (await response.text()).replace(/<meta http-equiv="refresh"[^>]*>/, '');
        await route.fulfill({ response, body });
      });
      await page.goto(built.path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.locator(`main a[href$="/${built.movedTo}"]`)).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);
      return;
    }
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');

    await test.step('renders whole offline', async () => expectRenderedWhole(page, await wakeIslands(page)));
    if (lesson) {
      await test.step('lesson parts', () => expectLessonParts(page, lesson.lang, simulator));
      await test.step('diagrams, light', () => expectDiagramsOnScreen(page, lesson.lang));
    }
    await test.step('axe, light', async () => {
      expect(await axeViolations(page, { exclude: [CODE_TOKENS] })).toEqual([]);
    });
    await switchTheme(page, 'dark');
    if (lesson) await test.step('diagrams, dark', () => expectDiagramsDark(page));
    await test.step('axe, dark', async () => {
      expect(await axeViolations(page, { exclude: [CODE_TOKENS], rules: THEME_RULES })).toEqual([]);
    });

    await test.step('axe, every quiz answered, both themes', async () => {
      const answered = await answerQuizzes(page);
      test.info().annotations.push({ type: 'quizzes answered', description: String(answered) });
      if (lesson && existsSync(`content/quizzes/${lesson.slug}.json`))
        expect(answered, `${lesson.slug} has an answer key, so its page has questions`).toBeGreaterThan(0);
      if (answered === 0) return;
      expect(await axeViolations(page, { include: ANSWERED }), 'dark theme').toEqual([]);
      await switchTheme(page, 'light');
      expect(await axeViolations(page, { include: ANSWERED, rules: THEME_RULES }), 'light theme').toEqual([]);
    });

    if (lesson) {
      await test.step('diagrams on a phone', () => expectDiagramsOnPhone(page));
      await test.step('diagrams printed', () => expectDiagramsPrinted(page));
      expect(
        requests.filter((u) => /mermaid|diagrams\/client|fallback/i.test(u)),
        'diagram scripts loaded',
      ).toEqual([]);
    }
  });
}
