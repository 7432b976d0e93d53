import { test, expect, LANGS } from './fixtures';
import { lessonFiles } from '../support/lessons';

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

    const titles = await nav.locator('.lesson-name').allTextContents();
    await nav.getByRole('link').first().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(titles[0]!);
    for (const title of titles.slice(1)) {
      await page.locator('a[rel="next"]').click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    }
    await expect(page.locator('a[rel="next"]')).toHaveCount(0);
    await page.locator('a[rel="prev"]').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(titles.at(-2)!);
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

  test(`${lang}: print hides the navigation chrome`, async ({ page }) => {
    await page.goto(`${lang}/socket-phone/`);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.site-header')).toBeHidden();
    await expect(page.locator('.sidebar')).toBeHidden();
    await expect(page.locator('.pager')).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });

  test(`${lang}: the edit link points at the lesson source`, async ({ page }) => {
    await page.goto(`${lang}/socket-phone/`);
    const href = await page
      .getByRole('link', { name: lang === 'zh' ? '编辑此页' : 'Edit this page' })
      .getAttribute('href');
    expect(href).toMatch(new RegExp(`content/lessons/${lang}/01-socket-phone\\.mdx$`));
  });

  test(`${lang}: the table of contents numbers sections and nests their subsections`, async ({ page }) => {
    await page.goto(`${lang}/socket-phone/`);
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
