/**
 * What the browser gets of the model: src/tcp/browser.ts within its budget ("everything a simulator
 * island needs: ≤ 6 KB" minified + gzip, as `npm run bench` measures it), and the quiz islands free of
 * the build-time parts (scenario checker, renderers, edge table) even where they reach `~/tcp`.
 */
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
    const out = await build({
      entryPoints: [`${root}src/components/quiz/client/loader.ts`],
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
