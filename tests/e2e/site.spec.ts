import { test, expect, LANGS } from './fixtures';
import { join } from 'node:path';
import { lessonFiles } from '../support/lessons';
import { cachedReader } from './dist-links';
import { DIST } from './pages';

const readPage = cachedReader();
type Node = ReturnType<typeof readPage>['elements'][number];
/** An element's text, as the reader sees it (whitespace squashed). */
const textOf = (node: Node): string => {
  const walk = (n: Node['children'][number]): string =>
    n.type === 'text' ? n.value : 'children' in n ? n.children.map(walk).join('') : '';
  return node.children.map(walk).join('').replace(/\s+/g, ' ').trim();
};

test('the chooser offers both languages without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('./');
  await expect(page.getByRole('link', { name: /中文/ })).toBeVisible();
  await page.getByRole('link', { name: /English/ }).click();
  await expect(page).toHaveURL(/\/en\/$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await context.close();
});

test('the chooser points out the browser language', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.goto('./');
  await expect(page.locator('[data-suggested="en"]')).toBeVisible();
  await expect(page.locator('[data-suggested="zh"]')).toBeHidden();
  await context.close();
});

for (const lang of LANGS) {
  const htmlLang = lang === 'zh' ? 'zh-Hans' : 'en';
  const other = lang === 'zh' ? 'en' : 'zh';

  test(`${lang}: lessons are listed in order and previous/next walk through them`, async ({ page }) => {
    await page.goto(`${lang}/`);
    await expect(page.locator('html')).toHaveAttribute('lang', htmlLang);
    const nav = page.getByRole('navigation', { name: lang === 'zh' ? '课程' : 'Lessons' });
    const numbers = await nav.locator('.lesson-num').allTextContents();
    expect(numbers.length, 'one entry per lesson file').toBe(lessonFiles().filter((l) => l.lang === lang).length);
    expect(numbers.map(Number)).toEqual([...numbers.map(Number)].sort((a, b) => a - b));

    // The previous/next chain, followed through the built pages on disk from the first lesson: every lesson in
    // the list's order, and the last has no next. Then the browser follows one of each.
    const titles = await nav.locator('.lesson-name').allTextContents();
    const first = (await nav.getByRole('link').first().getAttribute('href'))!;
    const walked: string[] = [];
    for (let href: string | undefined = first; href !== undefined;) {
      const tree = readPage(join(DIST, href.replace(/^\//, ''), 'index.html'));
      const h1 = tree.elements.find((e) => e.tagName === 'h1')!;
      walked.push(textOf(h1));
      const next = tree.elements.find((e) => e.tagName === 'a' && String(e.properties.rel) === 'next');
      href = next ? String(next.properties.href) : undefined;
      expect(walked.length, 'the chain ends').toBeLessThanOrEqual(titles.length);
    }
    expect(walked).toEqual(titles);

    await nav.getByRole('link').first().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(titles[0]!);
    await page.locator('a[rel="next"]').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(titles[1]!);
    await page.locator('a[rel="prev"]').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(titles[0]!);
  });

  test(`${lang}: the language switcher lands on the same lesson`, async ({ page }) => {
    await page.goto(`${lang}/three-way-handshake/`);
    const alternates = await page
      .locator('link[rel="alternate"]')
      .evaluateAll((links) => links.map((l) => l.getAttribute('hreflang')));
    expect(alternates.sort()).toEqual(['en', 'zh-Hans']);
    await page.locator('[data-lang-switch]').click();
    await expect(page).toHaveURL(new RegExp(`/${other}/three-way-handshake/$`));
    await expect(page.locator('html')).toHaveAttribute('lang', other === 'zh' ? 'zh-Hans' : 'en');
  });

  test(`${lang}: the dark-mode toggle is remembered across pages`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(`${lang}/socket-phone/`);
    const html = page.locator('html');
    await expect(html).toHaveAttribute('data-theme', 'light');
    const toggle = page.locator('[data-theme-toggle]');
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.click();
    await expect(html).toHaveAttribute('data-theme', 'dark');
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await page.goto(`${lang}/three-way-handshake/`);
    await expect(html).toHaveAttribute('data-theme', 'dark');
    await page.reload();
    await expect(html).toHaveAttribute('data-theme', 'dark');
  });

  test(`${lang}: dark mode follows the system until the reader chooses`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`${lang}/`);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  });

  // One load of a lesson page for what its frame promises: the edit link, the table of contents, and print.
  test(`${lang}: a lesson page links its source, numbers its contents, and prints without its chrome`, async ({
    page,
  }) => {
    await page.goto(`${lang}/socket-phone/`);
    const href = await page
      .getByRole('link', { name: lang === 'zh' ? '编辑此页' : 'Edit this page' })
      .getAttribute('href');
    expect(href).toMatch(new RegExp(`content/lessons/${lang}/01-socket-phone\\.mdx$`));

    // The table of contents numbers sections and nests their subsections.
    const toc = page.locator('nav.toc');
    const sections = await page.locator('.prose h2[id]').evaluateAll((hs) => hs.map((h) => `#${h.id}`));
    const subsections = await page.locator('.prose h3[id]').evaluateAll((hs) => hs.map((h) => `#${h.id}`));
    expect(subsections.length).toBeGreaterThan(0);
    const top = await toc.locator(':scope > ol > li > a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const nested = await toc
      .locator('ol > li > ul > li > a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(top).toEqual(sections);
    expect(nested).toEqual(subsections);

    // Printed: none of the navigation chrome, the lesson itself still there.
    await expect(page.locator('.teacher-link')).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    const chrome = [
      '.site-header',
      'hello-search',
      '[data-theme-toggle]',
      '.sidebar',
      '.toc-wrap',
      '.pager',
      '.teacher-link',
      '.edit-link',
    ];
    const printed = await page.evaluate(
      (selectors) =>
        selectors.filter((s) => [...document.querySelectorAll(s)].some((el) => el.getClientRects().length > 0)),
      chrome,
    );
    expect(printed, 'navigation chrome shown in print').toEqual([]);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });
}

test('a phone-sized screen has no horizontal scroll', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ['zh/socket-phone/', 'en/socket-phone/']) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});

// A slow phone: the header's search box must hold its place from the first paint, and a long lesson that
// arrives in pieces must not paint the lesson list first and then push it away (both once cost CLS 0.3–0.5).
for (const path of ['en/glossary/', 'zh/four-way-close/']) {
  test(`${path}: nothing shifts while the page loads on a slow phone`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 150,
      downloadThroughput: 200_000,
      uploadThroughput: 100_000,
    });
    await page.addInitScript(() => {
      const w = window as unknown as { shifts: number[] };
      w.shifts = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.shifts.push((entry as unknown as { value: number }).value);
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(path, { waitUntil: 'load' });
    await page.waitForTimeout(500);
    const shifts = await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts);
    expect(shifts.reduce((a, b) => a + b, 0)).toBeLessThan(0.05);
    await context.close();
  });
}
