import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './tests/e2e/browser';

// The classroom archive opened from disk: `npm run test:classroom` packs hello-tcp-classroom.zip from dist/,
// and tests/classroom/setup.ts unpacks it; the pages are opened as file:// URLs, with no server.
export default defineConfig({
  testDir: 'tests/classroom',
  globalSetup: './tests/classroom/setup.ts',
  fullyParallel: true,
  // Two at once: each test mostly waits on its page.
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
  },
});
