// The benchmark: builds the site and prints what it weighs and how fast it is, against the budgets.
// Exits 1 only when a budget is exceeded. Results go to bench-results/latest.json (+ a timestamped copy),
// and a run is compared with the previous latest.json.
//   npm run bench                    everything (a few minutes on 2 cores)
//   npm run bench -- --no-scale      skip the 10×/50× content builds
//   npm run bench -- --no-lighthouse skip Lighthouse
//   npm run bench -- --no-interaction skip the step and simulator timings (alone: node scripts/bench/interaction.mjs)
//   npm run bench -- --lighthouse-runs=1  one Lighthouse run per page and server instead of the median of 3
//   npx node scripts/bench/capture.mjs   only the capture page's section (its size needs a build in dist/)
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { kb, ms, table, timed } from './bench/util.mjs';
import { isLessonPath, measurePages } from './bench/pages.mjs';
import { lighthouseScores } from './bench/lighthouse.mjs';
import { tcpBundle, tcpTimings } from './bench/tcp.mjs';
import { buildCopy, makeCopy, replicateLessons } from './bench/scale.mjs';
import { interactionTimings } from './bench/interaction.mjs';
import { lessonPaths as lessonPagePaths, lessonWeights, lighthouseBothServers, printWeights } from './bench/weight.mjs';
import { captureSection } from './bench/capture.mjs';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
const args = new Set(process.argv.slice(2));
const BUDGET = {
  tcpGzip: 6 * 1024,
  lessonJsOnLoadGzip: 3 * 1024,
  lessonJsGzip: 18 * 1024,
  diagramCachedMs: 5,
  diagramUncachedMs: 300,
  scenarioMs: 1,
  interactionMs: 16,
  lighthouse: { performance: 99, accessibility: 100, bestPractices: 100 },
};
const STATS_FILE = join(root, 'node_modules/.cache/hello-tcp/diagram-stats.json');
const failures = [];
const results = { date: new Date().toISOString(), budgets: BUDGET };
const say = (text) => console.log(text);
const section = (title) => console.log(`\n== ${title} ==`);
const fail = (text) => {
  failures.push(text);
  say(`  OVER BUDGET: ${text}`);
};

section('Production build (npm run build)');
results.buildMs = await timed('npm', ['run', 'build'], { cwd: root });
say(`  ${ms(results.buildMs)}`);
results.diagrams = { cachedBuild: readStats() };

section('Pages (loaded in Chromium; JS/CSS/HTML bytes are what the browser requested)');
const pages = await measurePages(dist);
// The JavaScript budgets are the lessons' (content/lessons); the tool pages (simulator, capture, scenarios), which
// load their island at once, are listed with the others.
const lessonPages = new Set(lessonPagePaths(root));
results.pages = pages;
const rows = pages.map((p) => {
  const { initial: i, scrolled: s } = p;
  return [
    p.path || '(home)',
    s.requests,
    kb(s.bytes.html.raw),
    kb(s.bytes.html.gzip),
    kb(s.bytes.css.gzip),
    kb(i.bytes.js.gzip),
    kb(s.bytes.js.gzip),
    s.external.length,
    s.mermaidRequests,
  ];
});
table(
  ['page', 'requests', 'HTML', 'HTML gz', 'CSS gz', 'JS gz on load', 'JS gz scrolled', 'external', 'mermaid'],
  rows,
);
const total = (pick) => pages.reduce((sum, p) => sum + pick(p), 0);
results.totals = {
  pages: pages.length,
  requests: total((p) => p.scrolled.requests),
  htmlRaw: total((p) => p.scrolled.bytes.html.raw),
  htmlGzip: total((p) => p.scrolled.bytes.html.gzip),
  external: total((p) => p.scrolled.external.length),
  maxLessonJsGzip: Math.max(0, ...pages.filter((p) => lessonPages.has(p.path)).map((p) => p.scrolled.bytes.js.gzip)),
  maxLessonJsOnLoadGzip: Math.max(
    0,
    ...pages.filter((p) => lessonPages.has(p.path)).map((p) => p.initial.bytes.js.gzip),
  ),
};
say(
  `  total: ${pages.length} pages, ${results.totals.requests} requests, HTML ${kb(results.totals.htmlRaw)} (${kb(results.totals.htmlGzip)} gzip)`,
);
if (results.totals.external > 0)
  fail(`${results.totals.external} external requests: ${pages.flatMap((p) => p.scrolled.external).join(', ')}`);
for (const p of pages.filter((x) => x.lesson)) {
  if (p.scrolled.mermaidRequests > 0)
    fail(`${p.path} requests Mermaid (${p.scrolled.mermaidRequests}); diagrams must ship as SVG`);
  if (!lessonPages.has(p.path)) continue;
  if (p.initial.bytes.js.gzip > BUDGET.lessonJsOnLoadGzip)
    fail(`${p.path}: ${kb(p.initial.bytes.js.gzip)} of JS gzip on load > ${kb(BUDGET.lessonJsOnLoadGzip)}`);
  if (p.scrolled.bytes.js.gzip > BUDGET.lessonJsGzip)
    fail(`${p.path}: ${kb(p.scrolled.bytes.js.gzip)} of JS gzip > ${kb(BUDGET.lessonJsGzip)}`);
}

section('Lesson page weight (issue 15: ≤ 50 KB gzip in total, ≤ 12 requests, HTML ≤ 120 KB raw)');
const lessons = lessonPagePaths(root);
const weight = lessonWeights(pages, lessons);
results.weight = weight.rows;
printWeights(weight.rows);
weight.over.forEach(fail);

section('TCP model');
results.tcpBundle = await tcpBundle(root);
if (results.tcpBundle.skipped) say(`  browser bundle: ${results.tcpBundle.skipped}`);
else {
  const { raw, gzip, entry, full } = results.tcpBundle;
  say(
    `  browser bundle, everything a simulator island needs (${entry}, esbuild --bundle --minify --format=esm): ${kb(raw)}, ${kb(gzip)} gzip (budget ${kb(BUDGET.tcpGzip)})`,
  );
  if (full)
    say(`  full API for build-time code (src/tcp/index.ts), for reference: ${kb(full.raw)}, ${kb(full.gzip)} gzip`);
  if (gzip > BUDGET.tcpGzip) fail(`TCP model browser bundle (${entry}) ${kb(gzip)} gzip > ${kb(BUDGET.tcpGzip)}`);
}
try {
  results.tcpTimings = await tcpTimings(root);
} catch (error) {
  results.tcpTimings = { skipped: `the model failed to run: ${error.message}` };
}
if (results.tcpTimings.skipped) say(`  timings: ${results.tcpTimings.skipped}`);
else {
  table(
    ['scenario', 'steps', 'runScenario'],
    Object.entries(results.tcpTimings.scenarios).map(([id, s]) => [id, s.steps, ms(s.msEach)]),
  );
  for (const [id, s] of Object.entries(results.tcpTimings.scenarios)) {
    if (s.msEach > BUDGET.scenarioMs) fail(`scenario ${id} takes ${ms(s.msEach)} > ${ms(BUDGET.scenarioMs)}`);
  }
  const r = results.tcpTimings.random;
  if (r.skipped) say(`  random steps: ${r.skipped}`);
  else say(`  ${r.steps} random steps: ${ms(r.ms)} (${r.usEach.toFixed(2)} µs each), ${r.threw} threw`);
  if (r.threw > 0) fail(`${r.threw} random model steps threw`);
}

section('Interaction: one step of a diagram, one simulator move, CPU slowed 4×');
if (args.has('--no-interaction')) results.interaction = { skipped: '--no-interaction' };
else {
  results.interaction = await interactionTimings(dist);
  for (const name of ['stepper', 'simulator']) {
    const t = results.interaction[name];
    say(
      `  ${name}: ${t.count} actions, median ${ms(t.medianMs)}, 90th percentile ${ms(t.p90Ms)}, slowest ${ms(t.maxMs)} (budget: median ≤ ${ms(BUDGET.interactionMs)})`,
    );
    if (t.medianMs > BUDGET.interactionMs)
      fail(
        `${name} action median ${ms(t.medianMs)} > ${ms(BUDGET.interactionMs)} at ${results.interaction.slowdown}× CPU slowdown`,
      );
  }
}

section('Capture page (src/capture/page)');
results.capture = await captureSection(root, dist, { say, fail });

if (args.has('--no-lighthouse')) results.lighthouse = { skipped: '--no-lighthouse' };
else {
  section('Lighthouse (mobile) on lesson pages');
  const lessonPaths = pages.filter((p) => isLessonPath(p.path)).map((p) => p.path);
  const runs = Number([...args].find((a) => a.startsWith('--lighthouse-runs='))?.split('=')[1] ?? 3);
  results.lighthouse = await lighthouseScores(dist, lessonPaths, { log: say, runs });
  if (results.lighthouse.skipped) say(`  skipped: ${results.lighthouse.skipped}`);
  else {
    for (const [path, s] of Object.entries(results.lighthouse.pages)) {
      if (s.error) fail(`Lighthouse on ${path}: ${s.error}`);
      else
        for (const [key, min] of Object.entries(BUDGET.lighthouse)) {
          if (s[key] < min)
            fail(`Lighthouse ${key} ${s[key]} < ${min} on ${path} (failing audits: ${s.failing.join(', ')})`);
        }
    }
    section('Lighthouse (mobile) on the lessons: performance and total blocking time, both servers');
    const both = await lighthouseBothServers(dist, lessons, { runs, log: say, compressed: results.lighthouse });
    results.lighthouseServers = both.results ?? { skipped: both.skipped };
    if (both.skipped) say(`  skipped: ${both.skipped}`);
    else both.over.forEach(fail);
  }
}

section('Build time as the content grows, and diagrams without a cache');
if (args.has('--no-scale')) results.scale = { skipped: '--no-scale' };
else {
  const copy = join(root, '.tmp/bench-copy');
  makeCopy(root, copy);
  replicateLessons(root, copy, 1);
  say('  1× with an empty diagram cache …');
  const uncachedMs = await buildCopy(copy);
  results.diagrams.uncachedBuild = readStats();
  say(`  1× uncached build: ${ms(uncachedMs)}`);
  results.scale = [];
  for (const times of [1, 10, 50]) {
    const lessons = replicateLessons(root, copy, times);
    say(`  ${times}× (${lessons} lesson files) …`);
    const took = await buildCopy(copy);
    results.scale.push({ times, lessons, ms: took, msPerLesson: took / lessons });
  }
  table(
    ['size', 'lesson files', 'build', 'per lesson'],
    results.scale.map((s) => [`${s.times}×`, s.lessons, ms(s.ms), ms(s.msPerLesson)]),
  );
  const [one, , fifty] = results.scale;
  say(
    `  per-lesson time at 50× is ${(fifty.msPerLesson / one.msPerLesson).toFixed(2)}× that at 1× (≤ 1 means linear or better)`,
  );
}

section('Diagrams');
// Build time each diagram adds, from the stats the diagrams integration writes (statsReport in src/diagrams/integration.ts):
// from reading a fence or running a scenario to its figure markup, waiting for the browser not counted.
// "cachedBuild" is `npm run build` with diagram-cache/ as committed; "uncachedBuild" the copy with no cache.
for (const [name, stats] of Object.entries(results.diagrams)) {
  if (!stats) {
    say(`  ${name}: no stats (${STATS_FILE} missing)`);
    continue;
  }
  const { cached, uncached } = stats;
  const line = (x, budget) =>
    x.count
      ? `${x.count} diagrams, ${ms(x.msEach)} each (slowest ${ms(x.maxMs ?? x.msEach)}); budget < ${ms(budget)}`
      : 'none';
  say(`  ${name}:`);
  // A build renders its uncached diagrams first, so their pages count them again as cached (from memory).
  say(`    cached:   ${line(cached, BUDGET.diagramCachedMs)}`);
  say(
    `    uncached: ${line(uncached, BUDGET.diagramUncachedMs)}${uncached.count ? `; browser start ${ms(stats.browserStartMs)} once` : ''}`,
  );
  if (cached.count && cached.msEach >= BUDGET.diagramCachedMs)
    fail(`cached diagram ${ms(cached.msEach)} ≥ ${ms(BUDGET.diagramCachedMs)} (${name})`);
  if (uncached.count && uncached.msEach >= BUDGET.diagramUncachedMs)
    fail(`uncached diagram ${ms(uncached.msEach)} ≥ ${ms(BUDGET.diagramUncachedMs)} (${name})`);
  if (stats.readerFallbacks) fail(`${stats.readerFallbacks} diagrams left to the reader's browser (${name})`);
}
if (args.has('--no-scale')) say('  uncachedBuild: not measured (--no-scale); it needs the copy without a cache');
// Diagram JavaScript on the pages under a language (lessons and tools): the dev-only fallback (<hello-mermaid>
// and its script) must never reach a build, and no page may request Mermaid.
const fallbackPages = pages.filter(
  (p) => p.lesson && /<hello-mermaid|diagrams\/client\//.test(readFileSync(join(dist, p.path, 'index.html'), 'utf8')),
);
const diagramScriptRequests = total((p) => (p.lesson ? p.scrolled.mermaidRequests : 0));
results.diagrams.lessonJs = { fallbackPages: fallbackPages.map((p) => p.path), requests: diagramScriptRequests };
say(
  `  JavaScript for diagrams on lesson pages: ${diagramScriptRequests === 0 && fallbackPages.length === 0 ? '0 B' : 'some'} (${diagramScriptRequests} Mermaid requests, ${fallbackPages.length} pages with a fallback script; budget 0 B)`,
);
if (fallbackPages.length)
  fail(`lesson pages with the dev-only diagram fallback: ${fallbackPages.map((p) => p.path).join(', ')}`);

saveAndCompare(results);
if (failures.length) {
  console.log(`\n${failures.length} budget(s) exceeded:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log('\nAll budgets met.');

function readStats() {
  try {
    return JSON.parse(readFileSync(STATS_FILE, 'utf8'));
  } catch {
    return null;
  }
}

function saveAndCompare(current) {
  const dir = join(root, 'bench-results');
  mkdirSync(dir, { recursive: true });
  const latest = join(dir, 'latest.json');
  section('Compared with the previous run');
  if (existsSync(latest)) {
    const before = JSON.parse(readFileSync(latest, 'utf8'));
    const pairs = [
      ['build', before.buildMs, current.buildMs, ms],
      ['HTML total (gzip)', before.totals?.htmlGzip, current.totals.htmlGzip, kb],
      ['requests total', before.totals?.requests, current.totals.requests, String],
      ['max lesson JS (gzip)', before.totals?.maxLessonJsGzip, current.totals.maxLessonJsGzip, kb],
      ['max lesson JS on load (gzip)', before.totals?.maxLessonJsOnLoadGzip, current.totals.maxLessonJsOnLoadGzip, kb],
      ['TCP bundle (gzip)', before.tcpBundle?.gzip, current.tcpBundle?.gzip, kb],
    ];
    for (const [name, a, b, fmt] of pairs) {
      if (a === undefined || b === undefined) continue;
      const change = a ? `${(((b - a) / a) * 100).toFixed(1)}%` : 'n/a';
      say(`  ${name}: ${fmt(a)} → ${fmt(b)} (${change})`);
    }
  } else say('  no previous bench-results/latest.json');
  writeFileSync(latest, `${JSON.stringify(current, null, 2)}\n`);
  copyFileSync(latest, join(dir, `${current.date.replace(/[:.]/g, '-')}.json`));
  say(`  wrote ${latest}`);
}
