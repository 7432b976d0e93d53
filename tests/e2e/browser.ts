import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium as findSystemChromium } from '../../src/diagrams/chromium';

export { CHROMIUM_ARGS };

/**
 * Finds the Chromium the browser tests run in: $CHROMIUM_PATH, else Debian's headless shell or /usr/bin/chromium (see
 * src/diagrams/chromium.ts), else a browser Playwright installed itself. Throws with instructions when
 * there is none.
 */
export function findChromium(): string | undefined {
  const system = findSystemChromium();
  if (system) return system;
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return undefined; // Playwright's own browser: use its default.
  } catch {
    // No bundled browser either; fall through to the message.
  }
  throw new Error(
    'No Chromium found for the browser tests. Install one: `sudo apt-get install chromium` (Debian/Ubuntu), ' +
      'or set CHROMIUM_PATH to a Chromium or Chrome binary, or run `npx playwright install chromium` where downloads work.',
  );
}
