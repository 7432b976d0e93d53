// Lighthouse scores (mobile profile, the default) for the lesson pages, in Debian's Chromium.
import { serve } from '../serve.mjs';
import { chromiumPath } from './pages.mjs';

const FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Scores per page (0–100), or { skipped: reason } when Lighthouse cannot run here. */
export async function lighthouseScores(dist, paths, { port = 4432, base = '/', log = () => {} } = {}) {
  let lighthouse, launcher;
  try {
    lighthouse = (await import('lighthouse')).default;
    launcher = await import('chrome-launcher');
  } catch (error) {
    return { skipped: `lighthouse is not installed (${error.message})` };
  }
  const chromePath = process.env.CHROME_PATH ?? chromiumPath();
  if (!chromePath) return { skipped: 'no Chromium found (set CHROME_PATH)' };
  const server = await serve({ dir: dist, port, base });
  let chrome;
  try {
    chrome = await launcher.launch({ chromePath, chromeFlags: FLAGS });
  } catch (error) {
    server.close();
    return { skipped: `Chromium would not start for Lighthouse: ${error.message}` };
  }
  const pages = {};
  try {
    for (const path of paths) {
      const result = await lighthouse(`http://127.0.0.1:${port}${base}${path}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
      });
      const lhr = result?.lhr;
      if (!lhr || lhr.runtimeError) {
        pages[path] = { error: lhr?.runtimeError?.message ?? 'no result' };
      } else {
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
