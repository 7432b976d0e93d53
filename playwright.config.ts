import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './tests/e2e/browser';

const port = Number(process.env.E2E_PORT ?? 4399);
const base = process.env.BASE_PATH ?? '/';
// E2E_DIST serves a build kept apart (e.g. `astro build --outDir .tmp/dist-x`) instead of dist/.
const dist = process.env.E2E_DIST ?? 'dist';

export default defineConfig({
  testDir: 'tests/e2e',
  // base-path.spec.ts needs the site built under /tcp/: it runs in `npm run test:base` (playwright.base.config.ts).
  testIgnore: 'base-path.spec.ts',
  fullyParallel: true,
  // CI (and .ci/run) uses both cores of a 2-core machine: a browser test often waits on its page, so two
  // at once finish in well under the time of two in a row. Elsewhere Playwright's default: half the cores.
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}${base}`,
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
    serviceWorkers: 'block',
  },
  webServer: {
    command: `node scripts/serve.mjs ${dist} ${port} ${base}`,
    url: `http://127.0.0.1:${port}${base}`,
    reuseExistingServer: false,
    timeout: 20_000,
  },
});
