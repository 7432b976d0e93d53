// The classroom archive opened straight from disk (file://), as a teacher double-clicks index.html: every page
// in both languages, its links, the language switch, a diagram, a question whose progress other pages see,
// the simulator and search. Any console error, page error, failed request or request that is not a local
// file fails the test.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { test as base, expect } from '@playwright/test';
import { en } from '../../src/i18n/en';
import { zh } from '../../src/i18n/zh';
import { FOLDER } from '../../scripts/classroom.mjs';
import { SEARCH_QUERIES } from '../support/search-queries';
import { wakeIslands } from '../e2e/checks/offline';
import { movedTo } from '../../src/content/moved';

const LANGS = ['zh', 'en'] as const;

/** The unpacked archive (tests/classroom/setup.ts). */
const root = () => process.env.CLASSROOM_DIR!;
/** The file:// URL of a page of the archive, by path from its root: `zh/lab/index.html`. */
const fileUrl = (path: string) => pathToFileURL(join(root(), path)).href;

const test = base.extend<{ problems: string[] }>({
  problems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') problems.push(`console error on ${page.url()}: ${msg.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error on ${page.url()}: ${error.message}`));
      page.on('requestfailed', (request) => {
        if (request.failure()?.errorText === 'net::ERR_ABORTED') return; // cut short by the next navigation
        problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
      });
      page.on('request', (request) => {
        if (!['file:', 'data:', 'blob:', 'about:'].includes(new URL(request.url()).protocol))
          problems.push(`request that is not a local file: ${request.url()}`);
      });
      await use(problems);
      expect(problems, 'console errors, page errors, failed or non-file requests').toEqual([]);
    },
    { auto: true },
  ],
});

/** Every page of the archive, by path from its root, read from the archive's list of files. */
function pages(): string[] {
  const archive = resolve(process.env.CLASSROOM_ARCHIVE ?? 'hello-tcp-classroom.zip');
  if (!existsSync(archive)) return [];
  const names = execFileSync('python3', ['-c', LIST, archive], { encoding: 'utf8' }).split('\n');
  return names
    .filter((name) => name.startsWith(`${FOLDER}/`) && name.endsWith('.html'))
    .map((name) => name.slice(FOLDER.length + 1))
    .sort();
}
const LIST = 'import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))';

/** How many pages one test opens, one after another in the same tab (a tab per page cost more than the page). */
const PAGES_PER_TEST = 12;
const all = pages();
for (let first = 0; first < all.length; first += PAGES_PER_TEST) {
  const some = all.slice(first, first + PAGES_PER_TEST);
  test(`${some[0]} … ${some.at(-1)}: each opens from disk, its islands run, and every link and resource is a file in the archive`, async ({
    page,
  }) => {
    test.setTimeout(some.length * 10_000);
    for (const path of some) {
      await test.step(path, async () => {
        await page.goto(fileUrl(path));
        // An old address (src/content/moved.ts) sends the reader on from disk too; the checks then run there.
        const target = movedTo(path.replace(/index\.html$/, ''));
        if (target !== undefined) await expect(page).toHaveURL(fileUrl(`${target}index.html`));
        await expect(page.getByRole('heading', { level: 1 }).first(), path).toBeVisible();
        await wakeIslands(page);
        const targets = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('a[href], link[href], script[src], img[src]')].map(
            (el) => (el as HTMLAnchorElement).href || (el as HTMLScriptElement).src,
          ),
        );
        expect(targets.length, path).toBeGreaterThan(0);
        for (const target of targets) {
          const url = new URL(target);
          if (url.protocol === 'https:' || url.protocol === 'mailto:') continue;
          expect(url.protocol, `${path}: ${target}`).toBe('file:');
          const file = fileURLToPath(new URL(url.pathname, url));
          expect(existsSync(file) && statSync(file).isFile(), `${path}: ${target} is a file`).toBe(true);
        }
      });
    }
  });
}

test('the archive holds every page in both languages', () => {
  for (const lang of LANGS) expect(all.filter((p) => p.startsWith(`${lang}/`)).length, lang).toBeGreaterThan(10);
  expect(all).toContain('index.html');
});

test('the language switch goes to the same lesson in the other language, and a diagram shows', async ({ page }) => {
  await page.goto(fileUrl('zh/three-way-handshake/index.html'));
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  const figure = page.locator('figure svg').first();
  await figure.scrollIntoViewIfNeeded();
  await expect(figure).toBeVisible();
  expect((await figure.boundingBox())!.height).toBeGreaterThan(100);
  // It steps: the controls come from the page's stepper words, the action from its table twin.
  const stepper = page.locator('figure[data-stepper]').first();
  await stepper.getByRole('button', { name: zh['diagram.step.next'], exact: true }).click();
  const action = await stepper.locator('details.diagram-table tbody tr').first().locator('td').first().textContent();
  await expect(stepper.locator('[aria-live="polite"]')).toContainText(`${action}。`);
  await page.locator('[data-lang-switch]').click();
  await expect(page).toHaveURL(fileUrl('en/three-way-handshake/index.html'));
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.locator('a.site-title').click();
  await expect(page).toHaveURL(fileUrl('en/index.html'));
});

test('an answer is graded and kept: the other language and the lesson list see it', async ({ page }) => {
  const right = 'So that each side hears the other confirm its initial sequence number.';
  await page.goto(fileUrl('en/three-way-handshake/index.html'));
  const q = page.locator('[data-quiz-id="hs-why-three"]');
  await q.scrollIntoViewIfNeeded();
  await q.getByRole('radio', { name: right }).check();
  await q.getByRole('button', { name: en['quiz.check'] }).click();
  await expect(q.getByRole('status')).toContainText(en['quiz.correct']);
  // Another page from disk sees the saved answer: file pages share one origin. (Chromium hands a page's storage
  // writes to the browser process a moment later; on a busy machine an immediate navigation could overtake
  // them, which no reader's click does.)
  const other = await page.context().newPage();
  await other.goto(fileUrl('zh/index.html'));
  await expect
    .poll(() => other.evaluate(() => localStorage.getItem('hello-tcp:quiz') ?? ''), 'progress seen by another page')
    .toContain('hs-why-three');
  await other.close();

  await page.goto(fileUrl('zh/three-way-handshake/index.html'));
  const again = page.locator('[data-quiz-id="hs-why-three"]');
  await again.scrollIntoViewIfNeeded();
  await expect(again.getByRole('status')).toHaveText(zh['quiz.savedRight']);
});

test('the simulator steps through a handshake', async ({ page }) => {
  await page.goto(fileUrl('zh/simulator/index.html'));
  const sim = page.locator('phone-sim');
  await expect(sim.locator('.sim-body')).toBeVisible();
  const press = async (side: 'client' | 'server', call: string) => {
    const name = `${zh[side === 'client' ? 'sim.client' : 'sim.server']}: ${zh['sim.calls']}`;
    await sim
      .getByRole('group', { name, exact: true })
      .getByRole('button', { name: `${call}()`, exact: true })
      .click();
  };
  for (const call of ['socket', 'bind', 'listen']) await press('server', call);
  for (const call of ['socket', 'connect']) await press('client', call);
  await expect(sim.locator('.sim-end[data-side="client"] [data-state]')).toHaveText('SYN_SENT');
  await sim.getByRole('button', { name: zh['sim.deliver'], exact: true }).click();
  await expect(sim.locator('.sim-end[data-side="server"] [data-state]')).toHaveText('SYN_RECEIVED');
});

for (const lang of LANGS) {
  test(`${lang}: search finds each lesson first, in this language, and opens it`, async ({ page }) => {
    await page.goto(fileUrl(`${lang}/index.html`));
    const box = page.getByRole('searchbox');
    const results = page.locator('[data-search-results] a');
    for (const [query, slug] of SEARCH_QUERIES[lang]) {
      await box.fill(query);
      await expect(results.first(), `top result for ${query}`).toHaveAttribute(
        'href',
        new RegExp(`^\\.\\./${lang}/${slug}/index\\.html$`),
      );
      await expect(results.first().locator('mark').first()).toBeVisible();
    }
    await results.first().click();
    const last = SEARCH_QUERIES[lang].at(-1)![1];
    await expect(page).toHaveURL(fileUrl(`${lang}/${last}/index.html`));
  });
}
