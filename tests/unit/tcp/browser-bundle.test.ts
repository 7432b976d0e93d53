/**
 * What the browser gets of the model: src/tcp/browser.ts within its budget ("everything a simulator
 * island needs: ≤ 6 KB" minified + gzip, as `npm run bench` measures it), and the quiz islands free of
 * the build-time parts (scenario checker, renderers, edge table) even where they reach `~/tcp`.
 */
import { existsSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const BUDGET = 6 * 1024;

describe('the model in the browser', () => {
  it('src/tcp/browser.ts bundles within 6 KB gzip', async () => {
    const out = await build({
      entryPoints: [`${root}src/tcp/browser.ts`],
      bundle: true,
      minify: true,
      format: 'esm',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
    });
    const code = out.outputFiles[0]!.contents;
    const gzip = gzipSync(code, { level: 9 }).length;
    expect(gzip, `${gzip} B gzip`).toBeLessThanOrEqual(BUDGET);
    // nothing build-only: no checker messages, no Mermaid source
    expect(new TextDecoder().decode(code)).not.toMatch(/Fix: |sequenceDiagram|accTitle/);
  });

  it('the quiz islands take the world and the runner, not the checker, renderers or edge table', async () => {
    // The loader finds each type's island with Vite's import.meta.glob('../types/*/client.ts'), which
    // esbuild leaves alone, so the islands are entry points of their own here.
    const islands = readdirSync(`${root}src/quiz/types`)
      .map((kind) => `${root}src/quiz/types/${kind}/client.ts`)
      .filter((file) => existsSync(file));
    expect(islands).toContain(`${root}src/quiz/types/number/client.ts`);
    const out = await build({
      entryPoints: [`${root}src/quiz/client/loader.ts`, ...islands],
      bundle: true,
      minify: true,
      splitting: true,
      format: 'esm',
      outdir: `${root}.tmp/islands`,
      alias: { '~': `${root}src` },
      metafile: true,
      absWorkingDir: root,
      write: false,
      logLevel: 'silent',
    });
    const bytes = new Map<string, number>();
    for (const o of Object.values(out.metafile.outputs))
      for (const [file, i] of Object.entries(o.inputs))
        if (file.startsWith('src/tcp/')) bytes.set(file, (bytes.get(file) ?? 0) + i.bytesInOutput);
    expect(bytes.get('src/tcp/world.ts')).toBeGreaterThan(0);
    expect(bytes.get('src/tcp/run.ts')).toBeGreaterThan(0);
    for (const file of ['src/tcp/scenario.ts', 'src/tcp/edges.ts']) expect(bytes.get(file) ?? 0, file).toBe(0);
  });
});
