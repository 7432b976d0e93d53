import type { Page } from '@playwright/test';
import { SEARCH_QUERIES as QUERIES } from '../support/search-queries';
import { test, expect, LANGS } from './fixtures';

/** The UI text a zh reader sees must be Chinese: no run of Latin letters other than protocol names. */
const ENGLISH_WORD = /\b(?!SYN\b|ACK\b|FIN\b|TIME_WAIT\b)[A-Za-z]{3,}\b/;

async function search(page: Page, query: string) {
  const box = page.getByRole('searchbox');
  await box.fill(query);
  const results = page.locator('[data-search-results] a');
  // The first search compiles the index's WebAssembly: slow on a busy 2-core machine.
  await expect(page.locator('[data-search-live]')).not.toBeEmpty({ timeout: 15_000 });
  return results;
}

for (const lang of LANGS) {
  test(`${lang}: "/" opens search, and each query finds its lesson first, in this language`, async ({ page }) => {
    await page.goto(`${lang}/`);
    await page.keyboard.press('/');
    await expect(page.getByRole('searchbox')).toBeFocused();
    for (const [query, slug] of QUERIES[lang]) {
      const results = await search(page, query);
      await expect(results.first(), `top result for ${query}`).toHaveAttribute('href', new RegExp(`/${lang}/${slug}/`));
      for (const href of await results.evaluateAll((links) => links.map((a) => a.getAttribute('href')))) {
        expect(href, `every result for ${query} is a ${lang} page`).toMatch(new RegExp(`^/${lang}/`));
      }
      await expect(results.first().locator('mark').first()).toBeVisible();
    }
  });

  test(`${lang}: results are reached and opened with the keyboard, and their count is announced`, async ({ page }) => {
    await page.goto(`${lang}/socket-phone/`);
    const [query, slug] = QUERIES[lang][0]!;
    await page.getByRole('searchbox').focus();
    const results = await search(page, query);
    const live = page.locator('[data-search-live]');
    await expect(live).toHaveAttribute('aria-live', 'polite');
    await expect(live).toHaveText(lang === 'zh' ? /共有 \d+ 条结果/ : /\d+ results? for/);
    await page.keyboard.press('ArrowDown');
    await expect(results.first()).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(page.getByRole('searchbox')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.locator('[data-search-panel]')).toBeHidden();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/${lang}/${slug}/$`));
  });

  test(`${lang}: Enter, or the magnifier button, opens the top result, even before the results show`, async ({
    page,
  }) => {
    const [query, slug] = QUERIES[lang][0]!;
    const button = page.getByRole('button', { name: lang === 'zh' ? '搜索' : 'Search', exact: true });
    await page.goto(`${lang}/`);
    // Typed and sent at once: the box searches first, then opens the top result.
    await page.getByRole('searchbox').fill(query);
    await page.getByRole('searchbox').press('Enter');
    await expect(page).toHaveURL(new RegExp(`/${lang}/${slug}/$`), { timeout: 15_000 });

    await page.goto(`${lang}/glossary/`);
    await expect(button).toBeVisible();
    await button.click();
    await expect(page.getByRole('searchbox'), 'an empty box takes the focus').toBeFocused();
    const results = await search(page, query);
    await expect(results.first()).toHaveAttribute('href', new RegExp(`/${lang}/${slug}/`));
    await button.click();
    await expect(page).toHaveURL(new RegExp(`/${lang}/${slug}/$`));
  });

  test(`${lang}: the scenarios page is found, below the lessons; the teacher pages are not indexed`, async ({
    page,
  }) => {
    await page.goto(`${lang}/`);
    const results = await search(page, lang === 'zh' ? '同时关闭' : 'simultaneous close');
    const hrefs = await results.evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toContain(`/${lang}/scenarios/`);
    // The lesson that teaches it ranks above the scenarios page (the glossary's entry may rank first).
    const lesson = hrefs.findIndex((href) => href?.startsWith(`/${lang}/state-machine/`));
    expect(lesson, 'the state-machine lesson is found').toBeGreaterThanOrEqual(0);
    expect(lesson).toBeLessThan(hrefs.indexOf(`/${lang}/scenarios/`));
    // Words that appear only on the teacher pages (their headings) find none of them.
    const teacherOnly = await search(page, lang === 'zh' ? '练习单' : 'worksheet');
    const found = await teacherOnly.evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(found.filter((href) => href?.includes('/teacher/'))).toEqual([]);
  });

  test(`${lang}: a search with no match says so in this language`, async ({ page }) => {
    const nothing = lang === 'zh' ? '恐龙化石' : 'dinosaurs';
    await page.goto(`${lang}/`);
    await search(page, nothing);
    const status = page.locator('[data-search-status]');
    await expect(status).toBeVisible();
    await expect(status).toContainText(nothing);
    await expect(page.locator('[data-search-results] a')).toHaveCount(0);
    if (lang === 'zh') {
      const ui = [
        (await status.textContent())!.replace(nothing, ''),
        (await page.getByRole('searchbox').getAttribute('placeholder'))!,
        (await page.getByRole('searchbox').getAttribute('aria-label'))!,
        (await page.locator('[data-search-results]').getAttribute('aria-label'))!,
      ];
      for (const text of ui) expect(text, 'zh search UI text').not.toMatch(ENGLISH_WORD);
    }
  });
}

test('without JavaScript the search box stays out of the way', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('zh/three-way-handshake/');
  await expect(page.locator('hello-search')).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await context.close();
});

test('the search bundle loads only when the reader reaches for the box', async ({ page }) => {
  const loaded: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/pagefind/')) loaded.push(request.url());
  });
  await page.goto('en/three-way-handshake/');
  await page.waitForLoadState('networkidle');
  expect(loaded, 'no Pagefind request before the box is used').toEqual([]);
  await page.getByRole('searchbox').focus();
  await expect.poll(() => loaded.some((url) => url.endsWith('/pagefind/pagefind.js'))).toBe(true);
});

test('what the reader types before the search code arrives is kept and searched', async ({ page }) => {
  // The box's code loads on first use (src/search/loader.ts); hold it back until the query is typed.
  let release!: () => void;
  const held = new Promise<void>((done) => (release = done));
  let asked = false;
  await page.route(/\/_astro\/element\.[\w-]+\.js$/, async (route) => {
    asked = true;
    await held;
    await route.continue();
  });
  const [query, slug] = QUERIES.en[1]!;
  await page.goto('en/socket-phone/');
  await page.keyboard.press('/');
  await page.keyboard.type(query);
  await expect.poll(() => asked, 'the code was asked for when the box took the focus').toBe(true);
  await expect(page.getByRole('searchbox')).toHaveValue(query);
  release();
  // Nothing typed after the code arrived: the element searches what the box already holds.
  await expect(page.locator('[data-search-live]')).not.toBeEmpty({ timeout: 15_000 });
  await expect(page.locator('[data-search-results] a').first()).toHaveAttribute('href', `/en/${slug}/`);
});
