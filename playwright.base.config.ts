import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './tests/e2e/browser';

// `npm run test:base`: the site built with BASE_PATH=/tcp/ into .tmp/dist-base, read from disk and served
// under /tcp/ by tests/e2e/base-path.spec.ts. A port of its own, so it can run beside the main suite.
const port = Number(process.env.E2E_BASE_PORT ?? 4398);
const base = '/tcp/';
// base-path.spec.ts reads the same folder from disk.
const dist = '.tmp/dist-base';

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: 'base-path.spec.ts',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [['list']],
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
