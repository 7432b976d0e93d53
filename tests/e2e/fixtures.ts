import { test as base, expect, type Page } from '@playwright/test';

/**
 * The browser tests' `test`: every page it opens is watched, and the test fails on a console
 * error, an uncaught exception, a failed request, or any request that leaves the local server.
 */
export const test = base.extend<{ watched: { problems: string[] } }>({
  watched: [
    async ({ page }, use) => {
      const problems: string[] = [];
      watch(page, problems);
      await use({ problems });
      expect(problems, 'console errors, page errors, failed or external requests').toEqual([]);
    },
    { auto: true },
  ],
});

function watch(page: Page, problems: string[]) {
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error on ${page.url()}: ${msg.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error on ${page.url()}: ${error.message}`));
  page.on('requestfailed', (request) => {
    // A test's next navigation cuts short what the page was still loading (a favicon, say);
    // missing files still fail through the status check below.
    if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
    problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
  });
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['127.0.0.1', 'localhost'].includes(url.hostname) && !['data:', 'blob:', 'about:'].includes(url.protocol)) {
      problems.push(`external request: ${request.url()}`);
    }
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
}

export { expect };

/** Both site languages, for tests that run once per language. */
export const LANGS = ['zh', 'en'] as const;

/**
 * Cuts every request that leaves the local server, as in a classroom without internet. (The fixture fails
 * the test on any such request anyway; cutting it shows what the page looks like without it.)
 */
export async function goOffline(page: Page): Promise<void> {
  await page.route('**', (route) => {
    const { hostname, protocol } = new URL(route.request().url());
    if (hostname === '127.0.0.1' || protocol === 'data:' || protocol === 'blob:') return route.continue();
    return route.abort('internetdisconnected');
  });
}
