// `npm test`: every check CI runs, in two phases. Within a phase the steps do not need each other's
// output, so they run at the same time and keep both cores of a small machine busy; a step's output is
// printed whole when it ends, with its time. The browser phase streams as it goes.
//   1. formatting and the unit tests that need no build, and beside them the type check, then the site build
//      (dist/) and the classroom archive packed from it
//   2. the browser tests (playwright.ci.config.ts): the site, the classroom archive, and the site built again
//      under the base path /tcp/ (.tmp/dist-base) by a setup project, then its tests; beside them, the unit
//      tests that read dist/ or the archive
// Two Astro processes never run at once (`astro check` and `astro build` both write .astro/).
// Each step is also an npm script of its own (see package.json) for running alone.
import { spawn } from 'node:child_process';

const ARCHIVE = 'hello-tcp-classroom.zip';

/** Runs a command; resolves with its exit code, its time and what it printed (or prints as it goes). */
function run(label, command, { env = {}, stream = false } = {}) {
  const started = Date.now();
  return new Promise((done) => {
    const child = spawn(command, {
      shell: true,
      env: { ...process.env, ...env },
      stdio: stream ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    });
    const out = [];
    child.stdout?.on('data', (chunk) => out.push(chunk));
    child.stderr?.on('data', (chunk) => out.push(chunk));
    child.on('close', (code, signal) =>
      done({
        label,
        code: code ?? (signal ? 1 : 0),
        seconds: (Date.now() - started) / 1000,
        output: Buffer.concat(out),
      }),
    );
  });
}

/** Runs steps one after another, stopping at the first that fails; resolves with the results of those run. */
async function chain(...steps) {
  const results = [];
  for (const step of steps) {
    const result = await step();
    results.push(result);
    if (result.code !== 0) break;
  }
  return results;
}

/** Runs one phase's steps at once, prints each, and exits if any failed. */
async function phase(name, ...steps) {
  const started = Date.now();
  console.log(`\n== ${name}`);
  const results = (await Promise.all(steps.map((step) => step()))).flat();
  for (const r of results) {
    console.log(`\n-- ${r.label}: ${r.code === 0 ? 'passed' : `FAILED (exit ${r.code})`} in ${r.seconds.toFixed(1)} s`);
    process.stdout.write(r.output);
  }
  console.log(`\n== ${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const failed = results.filter((r) => r.code !== 0).map((r) => r.label);
  if (failed.length > 0) {
    console.error(`\nnpm test failed: ${failed.join(', ')}`);
    process.exit(1);
  }
}

/** Unit tests that read dist/ or the classroom archive: they run after the build (phase 2). */
const AFTER_BUILD = ['tests/unit/classroom/**', 'tests/unit/online/sitemap.test.ts'];

const started = Date.now();
await phase(
  'format, unit tests; types, then the build and the classroom archive',
  () => run('prettier --check', 'npm run format:check --silent'),
  () => run('unit tests', `npx vitest run ${AFTER_BUILD.map((glob) => `--exclude '${glob}'`).join(' ')}`),
  () =>
    chain(
      () => run('astro check', 'npm run check --silent'),
      () => run('build (dist/)', 'npm run build --silent'),
      () => run('classroom archive from dist/', `node scripts/classroom.mjs --from dist --out ${ARCHIVE}`),
    ),
);
console.log(
  '\n== browser tests (the site, the build under /tcp/, the classroom archive), and beside them the unit tests of dist/ and the archive',
);
const [browser, afterBuild] = await Promise.all([
  run('browser tests', 'npx playwright test -c playwright.ci.config.ts', {
    env: { CLASSROOM_ARCHIVE: ARCHIVE },
    stream: true,
  }),
  run(
    'unit tests of dist/ and the archive',
    `npx vitest run ${AFTER_BUILD.map((glob) => glob.replace('/**', '')).join(' ')}`,
    {
      env: { CLASSROOM_ARCHIVE: ARCHIVE },
    },
  ),
]);
console.log(
  `\n-- ${afterBuild.label}: ${afterBuild.code === 0 ? 'passed' : `FAILED (exit ${afterBuild.code})`} in ${afterBuild.seconds.toFixed(1)} s`,
);
process.stdout.write(afterBuild.output);
console.log(`\n== browser tests: ${browser.seconds.toFixed(1)} s`);
const code = browser.code || afterBuild.code;
console.log(`\nnpm test: ${code === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(code);
