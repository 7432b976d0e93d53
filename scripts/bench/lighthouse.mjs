// Lighthouse scores (mobile profile, the default) for the lesson pages, in Debian's Chromium.
// Lighthouse is not a dependency of the project (about 180 MB with its own browser tooling, for this
// optional measurement only): the first run that asks for it installs it into .tmp/bench-tools.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHROMIUM_ARGS, findChromium } from '../../src/diagrams/chromium.ts';
import { serve } from '../serve.mjs';

/** The Lighthouse the budgets were set with. */
export const LIGHTHOUSE_VERSION = '13.5.0';
/** Where it is installed on demand, outside the project's node_modules (.tmp/ is ignored by git). */
export const TOOLS_DIR = resolve(import.meta.dirname, '../../.tmp/bench-tools');

function run(command, args, cwd) {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd, stdio: 'inherit' });
    child.on('error', fail);
    child.on('exit', (code) =>
      code === 0 ? done() : fail(new Error(`${command} ${args.join(' ')} exited with ${code}`)),
    );
  });
}

/**
 * Lighthouse and chrome-launcher (which it depends on) from TOOLS_DIR, installing them there first when
 * they are missing or another version, and saying so. Throws when the install fails (offline, say).
 */
export async function loadLighthouse(log = () => {}) {
  const installed = join(TOOLS_DIR, 'node_modules/lighthouse/package.json');
  const version = existsSync(installed) ? JSON.parse(readFileSync(installed, 'utf8')).version : undefined;
  if (version !== LIGHTHOUSE_VERSION) {
    const args = [
      'install',
      '--prefix',
      TOOLS_DIR,
      '--save-exact',
      '--ignore-scripts',
      '--no-audit',
      '--no-fund',
      `lighthouse@${LIGHTHOUSE_VERSION}`,
    ];
    log(
      `  Lighthouse is not a project dependency: installing lighthouse@${LIGHTHOUSE_VERSION} into ${relative(process.cwd(), TOOLS_DIR) || TOOLS_DIR} (once, about 180 MB): npm ${args.join(' ')}`,
    );
    mkdirSync(TOOLS_DIR, { recursive: true });
    const pkg = join(TOOLS_DIR, 'package.json');
    if (!existsSync(pkg))
      writeFileSync(
        pkg,
        `${JSON.stringify({ private: true, description: 'Tools npm run bench installs on demand' }, null, 2)}\n`,
      );
    await run('npm', args, TOOLS_DIR);
  }
  const require = createRequire(join(TOOLS_DIR, 'package.json'));
  const load = (name) => import(pathToFileURL(require.resolve(name)).href);
  return { lighthouse: (await load('lighthouse')).default, launcher: await load('chrome-launcher') };
}

/**
 * Scores per page (0–100) and total blocking time (ms), the median of `runs` runs, or { skipped: reason }
 * when Lighthouse cannot run here. `server` starts the web server (default: scripts/serve.mjs, which sends
 * the precompressed copies) and resolves with something that has close().
 */
export async function lighthouseScores(
  dist,
  paths,
  { port = 4432, base = '/', log = () => {}, runs = 1, server: startServer = serve } = {},
) {
  let lighthouse, launcher;
  try {
    ({ lighthouse, launcher } = await loadLighthouse(log));
  } catch (error) {
    return { skipped: `Lighthouse could not be installed (${error.message}); run with --no-lighthouse to skip it` };
  }
  const chromePath = process.env.CHROME_PATH ?? findChromium();
  if (!chromePath) return { skipped: 'no Chromium found (set CHROME_PATH)' };
  const server = await startServer({ dir: dist, port, base });
  let chrome;
  try {
    chrome = await launcher.launch({ chromePath, chromeFlags: ['--headless=new', ...CHROMIUM_ARGS] });
  } catch (error) {
    server.close();
    return { skipped: `Chromium would not start for Lighthouse: ${error.message}` };
  }
  const pages = {};
  try {
    for (const path of paths) {
      const lhrs = [];
      for (let i = 0; i < runs; i++) {
        const result = await lighthouse(`http://127.0.0.1:${port}${base}${path}`, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
        });
        lhrs.push(result?.lhr);
      }
      // The median run by performance score (runs is odd, or the lower middle).
      const ok = lhrs.filter((l) => l && !l.runtimeError);
      ok.sort((a, b) => (a.categories.performance?.score ?? 0) - (b.categories.performance?.score ?? 0));
      const lhr = ok[Math.floor((ok.length - 1) / 2)] ?? lhrs[0];
      if (!lhr || lhr.runtimeError) {
        pages[path] = { error: lhr?.runtimeError?.message ?? 'no result' };
      } else {
        const tbts = ok.map((l) => l.audits['total-blocking-time']?.numericValue ?? 0).sort((a, b) => a - b);
        const score = (id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
        const failing = Object.values(lhr.audits)
          .filter(
            (a) =>
              a.score !== null &&
              a.score < 0.9 &&
              !['informative', 'notApplicable', 'manual'].includes(a.scoreDisplayMode),
          )
          .map((a) => a.id);
        pages[path] = {
          performance: score('performance'),
          accessibility: score('accessibility'),
          bestPractices: score('best-practices'),
          seo: score('seo'),
          tbtMs: Math.round(tbts[Math.floor((tbts.length - 1) / 2)] ?? 0),
          runs: ok.length,
          failing,
        };
      }
      log(`  lighthouse ${path}: ${JSON.stringify(pages[path])}`);
    }
  } finally {
    chrome.kill();
    server.close();
  }
  return { pages };
}
