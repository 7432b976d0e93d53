// The TCP model's figures: its browser bundle size, the time to run each scenario, and random steps.
// Run alone (no site build): `npx node scripts/bench/tcp.mjs` prints the bundle sizes and the timings.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

/** Bytes of one entry bundled and minified for the browser: `{ raw, gzip }` (gzip -9). */
async function bundleSize(entry) {
  const { build } = await import('esbuild');
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    target: 'es2022',
    logLevel: 'silent',
  });
  const code = out.outputFiles[0].contents;
  return { raw: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

/**
 * The model's browser bundle: src/tcp/browser.ts, everything a simulator island needs (the budgeted
 * figure), and src/tcp/index.ts, the full API with the scenario checker and renderers, for reference.
 * Returns `{ raw, gzip, entry, full: { raw, gzip } }`, or `{ skipped }`.
 */
export async function tcpBundle(root) {
  const entry = join(root, 'src/tcp/browser.ts');
  const index = join(root, 'src/tcp/index.ts');
  if (!existsSync(entry)) return { skipped: 'not built yet (no src/tcp/browser.ts)' };
  const browser = await bundleSize(entry);
  return { ...browser, entry: 'src/tcp/browser.ts', full: existsSync(index) ? await bundleSize(index) : null };
}

/** Loads the model for timing: bundled unminified to .tmp/bench/, since Node cannot import the TS sources directly. */
async function loadModel(root) {
  const { build } = await import('esbuild');
  const dir = join(root, '.tmp/bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `tcp-${Date.now()}.mjs`);
  await build({
    entryPoints: [join(root, 'src/tcp/index.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile: file,
    logLevel: 'silent',
  });
  return import(pathToFileURL(file).href);
}

/** Average time of runScenario on each scenario in content/scenarios, and of 100,000 random world steps. */
export async function tcpTimings(root, { runs = 2000, randomSteps = 100_000 } = {}) {
  if (!existsSync(join(root, 'src/tcp/index.ts'))) return { skipped: 'not built yet (no src/tcp/index.ts)' };
  const model = await loadModel(root);
  const dir = join(root, 'content/scenarios');
  const scenarios = {};
  for (const name of existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()
    : []) {
    const file = join(dir, name);
    const scenario = model.parseScenario(JSON.parse(readFileSync(file, 'utf8')), file);
    for (let i = 0; i < 50; i++) model.runScenario(scenario); // Warm up the JIT.
    const start = performance.now();
    for (let i = 0; i < runs; i++) model.runScenario(scenario);
    scenarios[name.replace(/\.json$/, '')] = {
      steps: scenario.steps.length,
      msEach: (performance.now() - start) / runs,
    };
  }
  return { scenarios, random: randomWalk(model, randomSteps) };
}

function randomWalk(model, total) {
  if (!model.createWorld || !model.CALL_NAMES || !model.TIMER_KINDS)
    return { skipped: 'the model does not export createWorld, CALL_NAMES and TIMER_KINDS' };
  const next = model.mulberry32(9293); // 32-bit unsigned integers
  const random = () => next() / 2 ** 32;
  const pick = (list) => list[Math.floor(random() * list.length)];
  const sides = ['client', 'server'];
  let world = model.createWorld({ seed: 1 });
  let threw = 0;
  let firstError;
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    // A fresh world now and then, so the walk keeps revisiting the handshake and not just CLOSED.
    if (i % 500 === 0) world = model.createWorld({ seed: i, profile: i % 1000 === 0 ? 'rfc9293' : 'linux' });
    const r = random();
    try {
      if (r < 0.45) world.call(pick(sides), pick(model.CALL_NAMES), { port: 80, data: 'hi', len: 2, max: 10 });
      else if (r < 0.8) world.deliver();
      else if (r < 0.9) world.drop();
      else world.fireTimer(pick(sides), pick(model.TIMER_KINDS));
    } catch (error) {
      if (threw++ === 0) firstError = error instanceof Error ? error.message : String(error);
    }
  }
  const elapsed = performance.now() - start;
  return { steps: total, ms: elapsed, usEach: (elapsed * 1000) / total, threw, firstError };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = join(import.meta.dirname, '../..');
  const size = await tcpBundle(root);
  console.log(JSON.stringify({ bundle: size, timings: await tcpTimings(root) }, null, 2));
}
