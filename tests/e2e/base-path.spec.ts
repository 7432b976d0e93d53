import type { APIRequestContext } from '@playwright/test';
import { test, expect } from './fixtures';
import { builtPages } from './pages';

// Runs under playwright.base.config.ts (`npm run test:base`): the site built with BASE_PATH=/tcp/ and served
// only under /tcp/, where anything that ignores the base gets a 404 from the server.

/** Links that name the canonical site rather than a file here (rel=canonical, hreflang alternates). */
const NOT_FETCHED = 'link[rel="canonical"], link[rel="alternate"]';

/** Every href and src on the page, resolved, except the canonical links. */
async function references(page: import('@playwright/test').Page): Promise<string[]> {
  return page.evaluate((skip) => {
    const urls: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('[href], [src]')) {
      if (el.matches(skip)) continue;
      for (const attr of ['href', 'src']) {
        const value = el.getAttribute(attr);
        if (value !== null) urls.push(new URL(value, location.href).href);
      }
    }
    return urls;
  }, NOT_FETCHED);
}

/** The url() references inside a stylesheet, resolved against it. */
async function cssReferences(request: APIRequestContext, sheet: string): Promise<string[]> {
  const css = await (await request.get(sheet)).text();
  return [...css.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)]
    .map((m) => m[1]!)
    .filter((ref) => !ref.startsWith('data:'))
    .map((ref) => new URL(ref, sheet).href);
}

for (const built of builtPages()) {
  test(`base /tcp/: every link and asset of /${built.path} works and stays under /tcp/`, async ({
    page,
    request,
    baseURL,
  }) => {
    const base = new URL(baseURL!);
    test.skip(base.pathname === '/', 'needs a base path: run `npm run test:base`');
    await page.goto(built.path);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();

    const refs = await references(page);
    const sheets = refs.filter((url) => url.endsWith('.css'));
    for (const sheet of sheets) refs.push(...(await cssReferences(request, sheet)));

    const local = [
      ...new Set(
        refs
          .map((ref) => new URL(ref))
          .filter((url) => url.origin === base.origin)
          .map((url) => url.origin + url.pathname),
      ),
    ];
    expect(local.length, 'the page links somewhere').toBeGreaterThan(0);
    for (const url of local) {
      expect(new URL(url).pathname, `${url} on /${built.path}`).toMatch(/^\/tcp\//);
      const response = await request.get(url, { maxRedirects: 0 });
      expect(response.status(), `${url} on /${built.path}`).toBe(200);
    }
  });
}

test('base /tcp/: search results lead to pages under /tcp/', async ({ page, baseURL }) => {
  test.skip(new URL(baseURL!).pathname === '/', 'needs a base path: run `npm run test:base`');
  await page.goto('zh/');
  await page.getByRole('searchbox').fill('三次握手');
  const first = page.locator('[data-search-results] a').first();
  await expect(first).toHaveAttribute('href', /^\/tcp\/zh\/three-way-handshake\/$/, { timeout: 15_000 });
  await first.click();
  await expect(page).toHaveURL(/\/tcp\/zh\/three-way-handshake\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('三次握手');
});
