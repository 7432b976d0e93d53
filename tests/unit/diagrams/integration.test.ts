import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheKey } from '~/diagrams/cache';
import { findFences, findScenarioUses, markdownFiles, prerenderDiagrams } from '~/diagrams/integration';
import { closeBrowser, emptyStats, session } from '~/diagrams/render';
import { scenarioDiagramSource } from '~/diagrams/trace-to-mermaid';

describe('finding diagrams ahead of the build', () => {
  it('reads fences at the start of a line with the line of the opening fence, as the plugin reports it', () => {
    const text = [
      '# T', // 1
      '', // 2
      '```mermaid', // 3
      'sequenceDiagram', // 4
      '  A->>B: x', // 5
      '```', // 6
      '- a list', // 7
      '  ```mermaid', // 8
      '  flowchart LR', // 9
      '  ```', // 10
      '~~~~ mermaid', // 11
      'stateDiagram-v2', // 12
      '```', // 13: not the end of a ~~~~ fence
      '~~~~', // 14
      '```js', // 15
      'const x = 1;', // 16
      '```', // 17
    ].join('\n');
    expect(findFences(text, 'x.mdx')).toEqual([
      { file: 'x.mdx', line: 3, source: 'sequenceDiagram\n  A->>B: x' },
      { file: 'x.mdx', line: 11, source: 'stateDiagram-v2\n```' },
    ]);
  });

  it('reads <ScenarioDiagram> uses, with the lang prop or the lesson folder’s language', () => {
    const text = [
      '<ScenarioDiagram scenario="handshake" />',
      '<ScenarioDiagram lang="en" scenario=\'lost-syn\'/>',
      '<ScenarioDiagram scenario="half-close" from={9} />',
    ].join('\n');
    expect(findScenarioUses(text, 'content/lessons/zh/02-x.mdx')).toEqual([
      { scenario: 'handshake', lang: 'zh', from: 0 },
      { scenario: 'lost-syn', lang: 'en', from: 0 },
      { scenario: 'half-close', lang: 'zh', from: 9 },
    ]);
  });
});

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
    mkdirSync(join(root, 'content/scenarios'), { recursive: true });
    const scenario = readFileSync('tests/unit/diagrams/fixtures/handshake.json', 'utf8');
    writeFileSync(join(root, 'content/scenarios/handshake.json'), scenario);
    const fence = 'sequenceDiagram\n  accTitle: Ahead\n  accDescr: Rendered ahead.\n  A->>B: ahead';
    const lesson = `# L\n\n\`\`\`mermaid\n${fence}\n\`\`\`\n\n<ScenarioDiagram scenario="handshake" />\n`;
    writeFileSync(join(root, 'content/lessons/en/01-a.mdx'), lesson);
    writeFileSync(join(root, 'content/lessons/en/02-same.mdx'), lesson);
    expect(markdownFiles(root, ['content'])).toEqual(['content/lessons/en/01-a.mdx', 'content/lessons/en/02-same.mdx']);

    expect(await prerenderDiagrams(root, ['content'], cacheDir)).toBe(2);
    const scenarioSource = scenarioDiagramSource(JSON.parse(scenario), 'x', 'en').source;
    const keys = [cacheKey(fence), cacheKey(scenarioSource)];
    expect(readdirSync(cacheDir).sort()).toEqual(keys.map((k) => `${k}.svg`).sort());
    for (const k of keys) expect(s.svgs.has(`${cacheDir}\n${k}`)).toBe(true);
    expect(s.usedKeys.size).toBe(0);
    expect(s.stats.uncached.count).toBe(2);

    // Everything is cached now: a second build renders nothing.
    expect(await prerenderDiagrams(root, ['content'], cacheDir)).toBe(0);
  }, 60_000);
});
