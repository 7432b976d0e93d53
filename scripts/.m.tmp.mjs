import { chromium } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { CHROMIUM_ARGS, findChromium } from '/work/wt/sim/src/diagrams/chromium.ts';
import { serve } from '/work/wt/sim/scripts/serve.mjs';
const port = 47311;
const server = serve({ dir: 'dist', port, base: '/' });
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
for (const path of process.argv.slice(2)) {
  const page = await browser.newPage();
  const js = new Map();
  page.on('response', async (r) => { if (/\.m?js$/.test(new URL(r.url()).pathname)) js.set(r.url(), await r.body()); });
  await page.goto(`http://127.0.0.1:${port}/${path}`);
  await page.waitForLoadState('networkidle');
  const initial = [...js.values()].reduce((a, b) => a + gzipSync(b).length, 0);
  await page.locator('phone-sim').scrollIntoViewIfNeeded(); await page.locator('quiz-summary').scrollIntoViewIfNeeded(); await page.waitForTimeout(800);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  const all = [...js.entries()].map(([u, b]) => [u.split('/').pop(), gzipSync(b).length]);
  console.log(path, 'initial', initial, 'after', all.reduce((a, [, n]) => a + n, 0));
  for (const [u, n] of all) console.log('   ', u, n);
}
await browser.close();
server.close?.();
process.exit(0);
