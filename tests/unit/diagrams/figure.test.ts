import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import htmlValidateConfig from '../../../.htmlvalidate.mjs';
import { figureHtml, missingAccessibility, sourceInfo, sourceRows } from '~/diagrams/figure';
import { closeBrowser, emptyStats, renderDiagram, session } from '~/diagrams/render';
import { scenarioDiagramSource } from '~/diagrams/trace-to-mermaid';
import { lessonOutline } from '~/content/outline';
import { parseScenario, runScenario } from '~/tcp';

const FIXTURES = resolve('tests/unit/diagrams/fixtures');
const cacheDir = mkdtempSync(join(tmpdir(), 'diagram-figure-'));
const validator = new HtmlValidate(htmlValidateConfig);

/** html-validate's complaints about `body` in a page of its own, as "rule: message". */
async function problems(body: string, lang = 'en'): Promise<string[]> {
  const page = `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>Diagram</title></head><body><main>${body}</main></body></html>`;
  const report = await validator.validateString(page);
  return report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`));
}

/** The tag names of the figure's children, in order. */
function children(html: string): string[] {
  const inner = /^<figure[^>]*>([\s\S]*)<\/figure>$/.exec(html)?.[1] ?? '';
  const names: string[] = [];
  let depth = 0;
  for (const m of inner.matchAll(/<(\/?)([a-z][\w-]*)[^>]*?(\/?)>/g)) {
    const [, close, name, selfClose] = m as unknown as [string, string, string, string];
    if (close) depth--;
    else {
      if (depth === 0) names.push(name);
      if (!selfClose && !['meta', 'br', 'img'].includes(name)) depth++;
    }
  }
  return names;
}

beforeAll(() => {
  const s = session();
  s.mode = 'build';
  s.stats = emptyStats();
  s.svgs.clear();
  s.chromiumPath = undefined;
});

afterAll(async () => {
  await closeBrowser();
  rmSync(cacheDir, { recursive: true, force: true });
});

describe('the figure of a diagram', () => {
  const table = { head: ['Step', 'Message'], rows: [['1', 'SYN']] };

  it('has its caption first and the "show as table" twin last, and is valid HTML', async () => {
    const html = figureHtml({
      lang: 'en',
      title: 'Handshake',
      body: '<svg role="img"></svg>',
      table,
      kind: 'sequenceDiagram',
    });
    expect(children(html)).toEqual(['figcaption', 'div', 'details']);
    expect(html).toMatch(
      /^<figure class="diagram" data-diagram-kind="sequenceDiagram"><figcaption>Handshake<\/figcaption>/,
    );
    expect(html).toContain('aria-label="Diagram: Handshake"');
    expect(await problems(html)).toEqual([]);
  });

  it('names a figure without accTitle generically, in the page language', async () => {
    const html = figureHtml({ lang: 'zh', body: '<svg role="img"></svg>', table, kind: 'flowchart' });
    expect(children(html)).toEqual(['div', 'details']);
    expect(html).toMatch(/^<figure class="diagram" data-diagram-kind="flowchart" aria-label="示意图">/);
    expect(html).toContain('<summary>以表格显示</summary>');
    expect(await problems(html, 'zh-Hans')).toEqual([]);
  });

  it('is valid HTML with a real fence rendered by Mermaid', async () => {
    const mdx = readFileSync(join(FIXTURES, 'handshake.mdx'), 'utf8');
    const [fence] = lessonOutline(mdx).mermaid;
    const source = fence!.source;
    const html = await renderDiagram({ source, lang: 'en', cacheDir });
    expect(children(html)).toEqual(['figcaption', 'div', 'details']);
    expect(html).toContain('<figcaption>Fixture handshake</figcaption>');
    expect(await problems(html)).toEqual([]);
  }, 60_000);

  it('is valid HTML for a ScenarioDiagram, with the model’s table in the page language', async () => {
    const json: unknown = JSON.parse(readFileSync(join(FIXTURES, 'handshake.json'), 'utf8'));
    const trace = runScenario(parseScenario(json, 'handshake.json'));
    const { source, table: modelTable } = scenarioDiagramSource(trace, 'zh');
    const html = await renderDiagram({ source, lang: 'zh', table: modelTable, cacheDir, instance: 2 });
    expect(children(html)).toEqual(['figcaption', 'div', 'details']);
    expect(html).toContain('<figcaption>三次握手</figcaption>');
    expect(html).toContain(`<th scope="col">${modelTable.head[0]}</th>`);
    // A second drawing of the same scenario on a page gets its own ids.
    expect(html).toMatch(/<svg id="mmd-[0-9a-f]{20}-2"/);
    expect(await problems(html, 'zh-Hans')).toEqual([]);
  }, 60_000);
});

describe('reading a Mermaid source', () => {
  it('finds accTitle and a block accDescr, and reports what is missing', () => {
    expect(sourceInfo('sequenceDiagram\n  accTitle: T\n  accDescr {\n  one\n  two }\n')).toEqual({
      kind: 'sequenceDiagram',
      title: 'T',
      description: 'one two',
    });
    expect(missingAccessibility('stateDiagram-v2\n  accTitle: T\n  A --> B')).toEqual(['accDescr']);
  });

  it('turns sequence messages and notes into rows, with participant names', () => {
    const rows = sourceRows(
      'sequenceDiagram\n participant C as 客户端\n participant S as 服务器\n C->>S: SYN\n Note over S: SYN_RECEIVED\n S-->>C: SYN+ACK',
    );
    expect(rows).toEqual([
      { from: '客户端', to: '服务器', text: 'SYN' },
      { from: '服务器', to: '', text: 'SYN_RECEIVED', note: true },
      { from: '服务器', to: '客户端', text: 'SYN+ACK' },
    ]);
  });

  it('turns state transitions into rows', () => {
    expect(sourceRows('stateDiagram-v2\n  [*] --> CLOSED\n  CLOSED --> LISTEN: passive OPEN / —')).toEqual([
      { from: '[*]', to: 'CLOSED', text: '' },
      { from: 'CLOSED', to: 'LISTEN', text: 'passive OPEN / —' },
    ]);
  });
});
