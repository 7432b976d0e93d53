import { test, expect, LANGS } from './fixtures';

// The other specs block service workers so that every request reaches the server they watch; this one is
// about the worker.
test.use({ serviceWorkers: 'allow' });

for (const lang of LANGS) {
  test(`${lang}: after one visit, another lesson reads offline`, async ({ page, context }) => {
    await page.goto(`${lang}/socket-phone/`);
    // Installed means every precached file is in the cache (install waits on cache.addAll).
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(new URL(scope).pathname).toBe(new URL(page.url()).pathname.replace(/[^/]+\/[^/]+\/$/, ''));

    await context.setOffline(true);
    const response = await page.goto(`${lang}/four-way-close/`);
    expect(response?.fromServiceWorker()).toBe(true);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    // Its styles came from the cache too: the page is laid out, not bare HTML.
    const styled = await page.evaluate(
      () => document.styleSheets.length > 0 && [...document.styleSheets].every((s) => s.cssRules.length > 0),
    );
    expect(styled).toBe(true);
  });
}
