// What each lesson page weighs and how fast it loads on a phone, against the budgets of issue 15: every
// lesson page (both languages) at most 50 KB gzip in total and 12 requests, its HTML at most 120 KB raw, and
// Lighthouse mobile performance ≥ 99 with total blocking time ≤ 50 ms, both from a server that sends the
// precompressed copies (scripts/serve.mjs) and from a plain static server that compresses nothing
// (python3 -m http.server, what the classroom README suggests).
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { lighthouseScores } from './lighthouse.mjs';
import { kb, table } from './util.mjs';

export const WEIGHT_BUDGET = { totalGzip: 50 * 1024, requests: 12, htmlRaw: 120 * 1024, performance: 99, tbtMs: 50 };

/** Paths of the lesson pages, "zh/socket-phone/" …, from content/lessons/<lang>/NN-<slug>.mdx. Reads the disk. */
export function lessonPaths(root) {
  return ['zh', 'en'].flatMap((lang) =>
    readdirSync(join(root, 'content/lessons', lang))
      .filter((f) => /^\d+-.+\.mdx$/.test(f))
      .map((f) => `${lang}/${f.replace(/^\d+-/, '').replace(/\.mdx$/, '')}/`),
  );
}

/**
 * The weight rows of the lesson pages (`paths`) from measurePages() (after scrolling, so every island counted), and
 * the budgets they exceed, as sentences. Pure.
 */
export function lessonWeights(pages, paths, budget = WEIGHT_BUDGET) {
  const rows = pages
    .filter((p) => paths.includes(p.path))
    .map(({ path, scrolled: { requests, bytes } }) => ({
      path,
      requests,
      htmlRaw: bytes.html.raw,
      totalGzip: Object.values(bytes).reduce((sum, b) => sum + b.gzip, 0),
    }));
  const over = [];
  for (const r of rows) {
    if (r.totalGzip > budget.totalGzip)
      over.push(`${r.path}: ${kb(r.totalGzip)} gzip in total > ${kb(budget.totalGzip)}`);
    if (r.requests > budget.requests) over.push(`${r.path}: ${r.requests} requests > ${budget.requests}`);
    if (r.htmlRaw > budget.htmlRaw) over.push(`${r.path}: HTML ${kb(r.htmlRaw)} raw > ${kb(budget.htmlRaw)}`);
  }
  return { rows, over };
}

/** Prints the rows of lessonWeights. */
export function printWeights(rows) {
  table(
    ['lesson page', 'total gz', 'requests', 'HTML raw'],
    rows.map((r) => [r.path, kb(r.totalGzip), r.requests, kb(r.htmlRaw)]),
  );
}

/** Resolves once something listens on 127.0.0.1:port (or rejects after `ms`). */
function listening(port, ms = 10_000) {
  const until = Date.now() + ms;
  return new Promise((done, fail) => {
    const attempt = () => {
      const socket = createConnection({ host: '127.0.0.1', port });
      socket.once('connect', () => {
        socket.end();
        done();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > until) fail(new Error(`nothing listens on port ${port}`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

/** `python3 -m http.server` over `dir` (base "/" only): no compression at all. Resolves with { close() }. */
export async function plainServer({ dir, port, base = '/' }) {
  if (base !== '/') throw new Error(`the plain server serves base "/" only, not ${base}`);
  const child = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dir], {
    stdio: 'ignore',
  });
  const exited = new Promise((_, fail) => child.once('exit', (code) => fail(new Error(`python3 exited (${code})`))));
  await Promise.race([listening(port), exited]);
  return { close: () => child.kill() };
}

/**
 * Lighthouse on `paths` from both servers, `runs` runs each (the median is kept), and the budgets the
 * results exceed. { skipped } when Lighthouse cannot run here.
 */
export async function lighthouseBothServers(
  dist,
  paths,
  { runs = 3, log = () => {}, budget = WEIGHT_BUDGET, compressed } = {},
) {
  const servers = { compressed: undefined, plain: plainServer };
  const results = {};
  const over = [];
  for (const [name, server] of Object.entries(servers)) {
    // The bench's own Lighthouse section already ran the compressing server: reuse its results.
    const r =
      name === 'compressed' && compressed
        ? compressed
        : (log(`  ${name} server (${server ? 'python3 -m http.server' : 'scripts/serve.mjs'}), ${runs} run(s) each:`),
          await lighthouseScores(dist, paths, { port: 4433, log, runs, ...(server && { server }) }));
    results[name] = r;
    if (r.skipped) return { skipped: r.skipped };
    for (const [path, s] of Object.entries(r.pages)) {
      if (!paths.includes(path)) continue;
      if (s.error) over.push(`Lighthouse (${name}) on ${path}: ${s.error}`);
      else {
        if (s.performance < budget.performance)
          over.push(`Lighthouse (${name}) performance ${s.performance} < ${budget.performance} on ${path}`);
        if (s.tbtMs > budget.tbtMs) over.push(`Lighthouse (${name}) TBT ${s.tbtMs} ms > ${budget.tbtMs} ms on ${path}`);
      }
    }
  }
  table(
    ['lesson page', 'perf (br/gz)', 'TBT (br/gz)', 'perf (plain)', 'TBT (plain)'],
    paths.map((p) => {
      const [c, n] = [results.compressed.pages[p] ?? {}, results.plain.pages[p] ?? {}];
      return [p, c.performance ?? '-', `${c.tbtMs ?? '-'} ms`, n.performance ?? '-', `${n.tbtMs ?? '-'} ms`];
    }),
  );
  return { results, over };
}
