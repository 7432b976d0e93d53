// Loads every built page in Chromium and records what it requests: on load without scrolling, and after
// scrolling to the bottom so every island that waits for the viewport has loaded.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../../src/diagrams/chromium.ts';
import { serve } from '../serve.mjs';
import { fileSizes } from './util.mjs';

/** Paths (relative to the base) of every HTML page in dist, sorted. Reads the disk. */
export function pagePaths(dist) {
  const out = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) {
        if (!name.startsWith('_') && name !== 'pagefind') walk(full);
      } else if (name.endsWith('.html')) {
        const rel = relative(dist, full).split(sep).join('/');
        out.push(rel === 'index.html' ? '' : rel.replace(/index\.html$/, ''));
      }
    }
  };
  walk(dist);
  return out.sort();
}

/** True for /zh/<slug>/ and /en/<slug>/ (a lesson or the glossary: any page one level under a language). */
export function isLessonPath(path) {
  return /^(zh|en)\/[^/]+\/$/.test(path);
}

function kind(url) {
  const path = new URL(url).pathname;
  if (/\.m?js$/.test(path)) return 'js';
  if (path.endsWith('.css')) return 'css';
  if (path.endsWith('/') || path.endsWith('.html')) return 'html';
  return 'other';
}

/**
 * Measures every page: bytes of HTML, CSS and JS (raw and gzip, from the files in dist) that the browser
 * requested, the request count, external requests and Mermaid requests, before and after scrolling.
 */
export async function measurePages(dist, { port = 4431, base = '/', log = () => {} } = {}) {
  const server = await serve({ dir: dist, port, base });
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  const origin = `http://127.0.0.1:${port}`;
  const results = [];
  try {
    for (const path of pagePaths(dist)) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const requests = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(`${origin}${base}${path}`, { waitUntil: 'networkidle' });
      const initial = summarize(requests.slice(), dist, origin, base);
      await page.evaluate(async () => {
        const pause = () => new Promise((d) => setTimeout(d, 50));
        for (let y = 0; y <= document.documentElement.scrollHeight; y += innerHeight / 2) {
          scrollTo(0, y);
          await pause();
        }
      });
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(200);
      const scrolled = summarize(requests, dist, origin, base);
      results.push({ path, lesson: isLessonPath(path), initial, scrolled });
      log(`  measured ${path || '(home)'}: ${scrolled.requests} requests`);
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  return results;
}

function summarize(urls, dist, origin, base) {
  const bytes = {
    html: { raw: 0, gzip: 0 },
    css: { raw: 0, gzip: 0 },
    js: { raw: 0, gzip: 0 },
    other: { raw: 0, gzip: 0 },
  };
  const external = [];
  let mermaid = 0;
  for (const url of new Set(urls)) {
    if (url.startsWith('data:') || url.startsWith('blob:')) continue;
    if (!url.startsWith(origin)) {
      external.push(url);
      continue;
    }
    if (/mermaid/i.test(url)) mermaid++;
    const k = kind(url);
    const rel = decodeURIComponent(new URL(url).pathname.slice(base.length));
    let file = join(dist, rel);
    if (rel === '' || rel.endsWith('/') || (existsSync(file) && statSync(file).isDirectory()))
      file = join(file, 'index.html');
    if (!existsSync(file)) continue;
    const s = fileSizes(file);
    bytes[k].raw += s.raw;
    bytes[k].gzip += s.gzip;
  }
  return { requests: urls.length, external, mermaidRequests: mermaid, bytes };
}
