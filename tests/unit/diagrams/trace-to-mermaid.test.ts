import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario, runScenario } from '~/tcp';
import { mermaidSafe, traceToMermaid, traceToTable } from '~/diagrams/trace-to-mermaid';
import { SCENARIO_DIR, loadScenario, scenarioFiles } from '../tcp/helpers';

const lostSyn = runScenario(loadScenario('lost-syn'));
const close = runScenario(loadScenario('active-close-client'));

describe('traceToMermaid', () => {
  it('draws a state change as "→ STATE", apart from the call of the same name', () => {
    const src = traceToMermaid(lostSyn, 'en');
    expect(src).toContain('  Note over S: listen()\n');
    expect(src).toContain('  Note over S: → LISTEN\n');
    expect(src).not.toMatch(/^ {2}Note over [CS]: LISTEN$/m);
  });

  it('puts remarks in brackets of the page language', () => {
    expect(traceToMermaid(lostSyn, 'en')).toContain('C-xS: SYN seq=100 (lost)');
    expect(traceToMermaid(lostSyn, 'en')).toContain('C->>S: SYN seq=100 (retransmitted)');
    expect(traceToMermaid(lostSyn, 'zh')).toContain('C-xS: SYN seq=100\uFF08丢失\uFF09');
    expect(traceToMermaid(lostSyn, 'zh')).toContain('C->>S: SYN seq=100\uFF08重传\uFF09');
  });

  it('joins two remarks in one bracket, in the page language', () => {
    const json = JSON.parse(readFileSync(SCENARIO_DIR + 'lost-syn.json', 'utf8')) as { steps: unknown[] };
    // The retransmitted SYN is lost too.
    json.steps.splice(7, 0, { drop: 'next' });
    const twice = runScenario(parseScenario({ ...json, steps: json.steps.slice(0, 8) }, 'lost-syn.json'));
    expect(traceToMermaid(twice, 'en')).toContain('C-xS: SYN seq=100 (retransmitted, lost)\n');
    expect(traceToMermaid(twice, 'zh')).toContain('C-xS: SYN seq=100\uFF08重传\u3001丢失\uFF09\n');
  });

  it('describes a scenario without a description by both ends’ final states', () => {
    const { description: _, ...json } = JSON.parse(readFileSync(SCENARIO_DIR + 'lost-syn.json', 'utf8'));
    const bare = runScenario(parseScenario(json, 'lost-syn.json'));
    expect(traceToMermaid(bare, 'en')).toContain(
      '  accDescr: Sequence of segments between the client and the server. Final states: client ESTABLISHED, server ESTABLISHED.\n',
    );
    expect(traceToMermaid(bare, 'zh')).toContain(
      '  accDescr: 客户端与服务器之间的报文段时序。最终状态：客户端 ESTABLISHED，服务器 ESTABLISHED。\n',
    );
  });

  it('folds the steps before `from` into one note with both states', () => {
    const from = close.steps.findIndex((st) => 'call' in st.step && st.step.op === 'close');
    expect(from).toBeGreaterThan(0);
    const src = traceToMermaid(close, 'en', { from });
    expect(src).toContain(
      '  Note over C,S: Earlier steps not drawn\n  Note over C: ESTABLISHED\n  Note over S: ESTABLISHED\n  Note over C: close()\n',
    );
    expect(src).not.toContain('SYN');
    expect(traceToMermaid(close, 'zh', { from })).toContain(
      '  Note over C,S: 前面的步骤略去不画\n  Note over C: ESTABLISHED\n',
    );
    const table = traceToTable(close, 'en', { from });
    expect(table.rows).toHaveLength(close.steps.length - from);
    expect(table.rows[0]![0]).toBe(String(from));
  });

  it('refuses a `from` outside the trace, naming the scenario', () => {
    expect(() => traceToMermaid(close, 'en', { from: close.steps.length })).toThrow(/active-close-client.*from/);
    expect(() => traceToTable(close, 'en', { from: -1 })).toThrow(RangeError);
  });
});

describe('mermaidSafe', () => {
  it('keeps a sentence readable where a semicolon would end the Mermaid line', () => {
    expect(mermaidSafe('Both ends connect at once; the SYNs cross')).toBe('Both ends connect at once, the SYNs cross');
    expect(mermaidSafe('a "quoted" <b> #1\nnext')).toBe('a quoted b 1 next');
  });
});

describe('traceToTable', () => {
  it('labels who acted with the punctuation of the page language', () => {
    expect(traceToTable(lostSyn, 'en').rows[0]![1]).toBe('Server: socket()');
    expect(traceToTable(lostSyn, 'zh').rows[0]![1]).toBe('服务器\uFF1Asocket()');
  });
});

describe('every file in content/scenarios', () => {
  for (const file of scenarioFiles()) {
    it(`${file} renders in both languages`, () => {
      const sc = parseScenario(JSON.parse(readFileSync(SCENARIO_DIR + file, 'utf8')), `content/scenarios/${file}`);
      const trace = runScenario(sc);
      for (const lang of ['en', 'zh'] as const) {
        const src = traceToMermaid(trace, lang);
        expect(src.startsWith('sequenceDiagram\n')).toBe(true);
        expect(src).not.toMatch(/[;#]/);
        // Every delivered segment is an arrow Mermaid can parse (C->>S / S->>C), not text stripped of its '>'.
        const delivered = trace.steps.flatMap((st) => st.deliveredAll ?? (st.delivered ? [st.delivered] : []));
        expect(src.match(/^ {2}[CS]->>[CS]: /gm) ?? []).toHaveLength(delivered.length);
        expect(src).not.toMatch(/^ {2}[CS]-[CS]:/m);
        const table = traceToTable(trace, lang);
        expect(table.rows).toHaveLength(sc.steps.length);
        for (const row of table.rows) expect(row).toHaveLength(table.headers.length);
      }
    });
  }
});
