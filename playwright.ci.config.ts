import { defineConfig } from '@playwright/test';
import site from './playwright.config';
import basePath from './playwright.base.config';
import classroom from './playwright.classroom.config';

// `npm test` (scripts/test.mjs): the three browser suites in one run, so two workers stay busy from the first
// test to the last instead of each suite starting its browsers and finishing on one worker alone. Each suite
// keeps its own config for running alone: playwright.config.ts (the site, served from dist/),
// playwright.base.config.ts (the site built under /tcp/), playwright.classroom.config.ts (the archive, file://).
export default defineConfig({
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [['list']],
  timeout: 30_000,
  globalSetup: classroom.globalSetup,
  webServer: [site.webServer, basePath.webServer].flat().filter((server) => server !== undefined),
  projects: [
    { name: 'site', testDir: site.testDir, testIgnore: site.testIgnore, use: site.use },
    { name: 'base path', testDir: basePath.testDir, testMatch: basePath.testMatch, use: basePath.use },
    { name: 'classroom', testDir: classroom.testDir, use: classroom.use },
  ],
});
