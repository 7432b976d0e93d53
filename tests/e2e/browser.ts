import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/**
 * Finds the Chromium the browser tests run in: $CHROMIUM_PATH, then Debian's /usr/bin/chromium,
 * then a browser Playwright installed itself. Throws with instructions when there is none.
 */
export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const path of candidates) if (path && existsSync(path)) return path;
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

/** Flags that keep a headless Chromium from reaching out to the network on its own. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
