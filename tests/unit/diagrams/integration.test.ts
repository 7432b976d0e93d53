import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheKey } from '~/diagrams/cache';
import { prerenderDiagrams } from '~/diagrams/integration';
import { closeBrowser, emptyStats, session } from '~/diagrams/render';
import { scenarioDiagramSource } from '~/diagrams/trace-to-mermaid';
import { parseScenario, runScenario } from '~/tcp';

// Which fences and <ScenarioDiagram>s a lesson has, with their lines and props, is the lesson
// outline's job: tests/unit/content/outline.test.ts.
describe('rendering ahead of the build', () => {
  const root = mkdtempSync(join(tmpdir(), 'diagram-prerender-'));
  const cacheDir = join(root, 'cache');
  afterAll(async () => {
    await closeBrowser();
    rmSync(root, { recursive: true, force: true });
  });

  it('renders each missing diagram once, into the cache and this run’s memory, without marking it used', async () => {
    const s = session();
    s.mode = 'build';
    s.stats = emptyStats();
    s.svgs.clear();
    s.usedKeys.clear();
    s.chromiumPath = undefined;
    mkdirSync(join(root, 'content/lessons/en'), { recursive: true });
    mkdirSync(join(root, 'content/lessons/zh'), { recursive: true });
    mkdirSync(join(root, 'content/scenarios'), { recursive: true });
    const scenario = readFileSync('tests/unit/diagrams/fixtures/handshake.json', 'utf8');
    writeFileSync(join(root, 'content/scenarios/handshake.json'), scenario);
    const fence = 'sequenceDiagram\n  accTitle: Ahead\n  accDescr: Rendered ahead.\n  A->>B: ahead';
    const lesson = `# L\n\n\`\`\`mermaid\n${fence}\n\`\`\`\n\n<ScenarioDiagram scenario="handshake" />\n`;
    writeFileSync(join(root, 'content/lessons/en/01-a.mdx'), lesson);
    writeFileSync(join(root, 'content/lessons/en/02-same.mdx'), lesson);
    // A Chinese lesson draws in Chinese, unless its lang prop says otherwise.
    writeFileSync(join(root, 'content/lessons/zh/02-b.mdx'), '<ScenarioDiagram scenario="handshake" />\n');
    // A Chinese lesson drawing the English diagram (lang prop), and diagrams shown as code or
    // commented out, which render nothing new.
    writeFileSync(
      join(root, 'content/lessons/zh/01-a.mdx'),
      [
        '<ScenarioDiagram scenario="handshake" lang="en" />',
        '',
        '````md',
        '```mermaid',
        'flowchart LR',
        '  X --> Y',
        '```',
        '````',
        '',
        '{/* <ScenarioDiagram scenario="handshake" from={3} /> */}',
        '',
        '`<ScenarioDiagram scenario="handshake" />`',
      ].join('\n'),
    );

    expect(await prerenderDiagrams(root, cacheDir)).toBe(3);
    const trace = runScenario(parseScenario(JSON.parse(scenario), 'x'));
    const keys = [
      cacheKey(fence),
      cacheKey(scenarioDiagramSource(trace, 'en').source),
      cacheKey(scenarioDiagramSource(trace, 'zh').source),
    ];
    expect(readdirSync(cacheDir).sort()).toEqual(keys.map((k) => `${k}.svg`).sort());
    for (const k of keys) expect(s.svgs.has(`${cacheDir}\n${k}`)).toBe(true);
    expect(s.usedKeys.size).toBe(0);
    expect(s.stats.uncached.count).toBe(3);

    // Everything is cached now: a second build renders nothing.
    expect(await prerenderDiagrams(root, cacheDir)).toBe(0);
  }, 60_000);
});
