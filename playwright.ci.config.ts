import { defineConfig } from '@playwright/test';
import site from './playwright.config';
import basePath from './playwright.base.config';
import classroom from './playwright.classroom.config';

const siteServer = [site.webServer].flat()[0]!;
const basePathServer = [basePath.webServer].flat()[0]!;
const basePathPort = Number(new URL(basePathServer.url!).port);

// `npm test` (scripts/test.mjs): the three browser suites in one run, so two workers stay busy from the first
// test to the last instead of each suite starting its browsers and finishing on one worker alone. The site
// built under /tcp/ is made by a setup project (tests/e2e/base-build.setup.ts) on one worker while the other
// runs the site's tests; the base-path tests wait for it, and its server, started before it exists, is ready
// when its port answers. Each suite keeps its own config for running alone: playwright.config.ts (the site,
// served from dist/), playwright.base.config.ts (`npm run test:base`: the site built under /tcp/),
// playwright.classroom.config.ts (the archive, file://).
export default defineConfig({
  // How the site's suite runs (workers, retries, timeout…), for all three.
  fullyParallel: site.fullyParallel,
  workers: site.workers,
  forbidOnly: site.forbidOnly,
  retries: site.retries,
  reporter: site.reporter,
  timeout: site.timeout,
  globalSetup: classroom.globalSetup,
  webServer: [siteServer, { ...basePathServer, url: undefined, port: basePathPort }],
  projects: [
    { name: 'site', testDir: site.testDir, testIgnore: site.testIgnore, use: site.use },
    { name: 'base build', testDir: 'tests/e2e', testMatch: 'base-build.setup.ts' },
    {
      name: 'base path',
      testDir: basePath.testDir,
      testMatch: basePath.testMatch,
      use: basePath.use,
      dependencies: ['base build'],
    },
    { name: 'classroom', testDir: classroom.testDir, use: classroom.use },
  ],
});
