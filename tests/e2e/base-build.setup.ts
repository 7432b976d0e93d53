// `npm test` (playwright.ci.config.ts): builds the site under the base path /tcp/ into .tmp/dist-base as a setup
// project, on one worker while the other runs the site's browser tests; base-path.spec.ts waits for it.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { test, expect } from '@playwright/test';

test('build the site under /tcp/ (npm run build:base)', async () => {
  test.setTimeout(240_000);
  const run = promisify(execFile);
  const result = await run('npm', ['run', 'build:base', '--silent'], { maxBuffer: 64 * 1024 * 1024 }).catch(
    (error: { stdout?: string; stderr?: string; message: string }) => ({
      failed: `${error.message}\n${error.stdout ?? ''}\n${error.stderr ?? ''}`,
    }),
  );
  expect('failed' in result ? result.failed : '', 'npm run build:base').toBe('');
});
