import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario, runScenario } from '~/tcp';
import { mermaidSafe, setupSteps, traceToMermaid, traceToTable } from '~/diagrams/trace-to-mermaid';
import { SCENARIO_DIR, loadScenario, scenarioFiles } from '../tcp/helpers';

const lostSyn = runScenario(loadScenario('lost-syn'));
const close = runScenario(loadScenario('active-close-client'));

describe('traceToMermaid', () => {
  it('draws a state change as "→ STATE", apart from the call of the same name', () => {
    const src = traceToMermaid(lostSyn, 'en', { setup: 'unfold' });
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
    expect(traceToTable(lostSyn, 'en', { setup: 'unfold' }).rows[0]![1]).toBe('Server: socket()');
    expect(traceToTable(lostSyn, 'zh', { setup: 'unfold' }).rows[0]![1]).toBe('服务器\uFF1Asocket()');
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
        // Unfolded, one row per step; folded, the set-up's steps make one row.
        const table = traceToTable(trace, lang, { setup: 'unfold' });
        expect(table.rows).toHaveLength(sc.steps.length);
        for (const row of table.rows) expect(row).toHaveLength(table.headers.length);
        const folded = setupSteps(trace).length;
        expect(traceToTable(trace, lang).rows).toHaveLength(sc.steps.length - folded + (folded > 0 ? 1 : 0));
      }
    });
  }
});

/** content/scenarios/<id>.json with its steps replaced, run through the model. */
function variant(id: string, steps: (steps: unknown[]) => unknown[]) {
  const json = JSON.parse(readFileSync(SCENARIO_DIR + id + '.json', 'utf8')) as { steps: unknown[] };
  return runScenario(parseScenario({ ...json, steps: steps(json.steps) }, `${id}.json`));
}

describe('the set-up fold', () => {
  const handshake = runScenario(loadScenario('handshake'));
  const indices = (id: string) => setupSteps(runScenario(loadScenario(id))).map((st) => st.index);

  it('folds the leading socket/bind/listen calls of either side, up to the first other step', () => {
    expect(indices('handshake')).toEqual([0, 1, 2, 3]);
    // The client's bind() before its connect() is set-up too.
    expect(indices('old-segment-new-incarnation')).toEqual([0, 1, 2, 3, 4]);
    expect(indices('simultaneous-open')).toEqual([0, 1, 2, 3]);
    // Only one side sets up: the client alone, the server alone (an injected SYN comes next).
    expect(indices('connection-refused')).toEqual([0]);
    expect(indices('faq-syn-flood')).toEqual([0, 1, 2]);
  });

  it('stops at a failed call and folds nothing when the scenario does not open with set-up', () => {
    // bind() twice: the second fails (EINVAL) and is drawn as a step of its own, with the listen() after it.
    const twice = variant('handshake', (s) => [
      ...s.slice(0, 2),
      { call: 'server', op: 'bind', args: { port: 81 } },
      ...s.slice(2),
    ]);
    expect(setupSteps(twice).map((st) => st.index)).toEqual([0, 1]);
    expect(traceToMermaid(twice, 'en')).toContain(
      '  Note over S: Server: socket()<br/>bind(80)\n  Note over S: bind(81) → EINVAL\n',
    );
    const timerFirst = variant('handshake', (s) => [{ timer: 'retransmit', side: 'client' }, ...s]);
    expect(setupSteps(timerFirst)).toEqual([]);
    expect(traceToMermaid(timerFirst, 'en')).toBe(traceToMermaid(timerFirst, 'en', { setup: 'unfold' }));
    expect(traceToTable(timerFirst, 'zh')).toEqual(traceToTable(timerFirst, 'zh', { setup: 'unfold' }));
  });

  it('draws both sides’ set-up as one note over both lifelines, in the page language, states from the model', () => {
    const en = traceToMermaid(handshake, 'en');
    expect(en).toContain(
      '  participant S as Server\n  Note over C,S: Server: socket(), bind(80), listen() → LISTEN<br/>Client: socket()\n  Note over C: connect(80)\n',
    );
    expect(en).not.toContain('Note over S: listen()');
    expect(en).not.toContain('Note over S: → LISTEN');
    expect(traceToMermaid(handshake, 'zh')).toContain(
      '  Note over C,S: 服务器\uFF1Asocket()\u3001bind(80)\u3001listen() → LISTEN<br/>客户端\uFF1Asocket()\n',
    );
    // The client's socket() leaves it CLOSED, as before: no state is written for it.
    expect(handshake.steps[3]!.after.client).toBe('CLOSED');
  });

  it('gives the folded set-up one row of the table twin, its step cell a range', () => {
    const en = traceToTable(handshake, 'en');
    expect(en.rows).toHaveLength(handshake.steps.length - 3);
    expect(en.rows[0]).toEqual([
      '0–3',
      'Server: socket(), bind(80), listen() → LISTEN · Client: socket()',
      'CLOSED',
      'CLOSED → LISTEN',
      '',
    ]);
    expect(en.rows[1]![0]).toBe('4');
    expect(traceToTable(handshake, 'zh').rows[0]![1]).toBe(
      '服务器\uFF1Asocket()\u3001bind(80)\u3001listen() → LISTEN\uFF1B客户端\uFF1Asocket()',
    );
  });

  it('draws one side’s set-up over that side alone, one call a line', () => {
    const flood = runScenario(loadScenario('faq-syn-flood'));
    expect(traceToMermaid(flood, 'en')).toContain(
      '  Note over S: Server: socket()<br/>bind(80)<br/>listen() → LISTEN\n',
    );
    expect(traceToTable(flood, 'en').rows[0]!.slice(0, 4)).toEqual([
      '0–2',
      'Server: socket(), bind(80), listen() → LISTEN',
      'CLOSED',
      'CLOSED → LISTEN',
    ]);
    const refused = runScenario(loadScenario('connection-refused'));
    expect(traceToMermaid(refused, 'zh')).toContain('  Note over C: 客户端\uFF1Asocket()\n');
    expect(traceToTable(refused, 'zh').rows[0]!.slice(0, 2)).toEqual(['0', '客户端\uFF1Asocket()']);
  });

  it('keeps a note per call with setup "unfold"', () => {
    const src = traceToMermaid(handshake, 'en', { setup: 'unfold' });
    expect(src).toContain(
      '  Note over S: socket()\n  Note over S: bind(80)\n  Note over S: listen()\n  Note over S: → LISTEN\n  Note over C: socket()\n',
    );
    expect(src).not.toContain('<br/>');
    expect(traceToTable(handshake, 'en', { setup: 'unfold' }).rows.map((r) => r[0])).toEqual(
      handshake.steps.map((st) => String(st.index)),
    );
  });

  it('has nothing to fold where `from` is given', () => {
    const from = 9;
    for (const lang of ['en', 'zh'] as const) {
      expect(traceToMermaid(close, lang, { from })).toBe(traceToMermaid(close, lang, { from, setup: 'unfold' }));
      expect(traceToTable(close, lang, { from })).toEqual(traceToTable(close, lang, { from, setup: 'unfold' }));
    }
    expect(traceToMermaid(close, 'en', { from })).not.toContain('<br/>');
  });

  it('refuses an unknown `setup`, naming the scenario and the values it takes', () => {
    expect(() => traceToMermaid(handshake, 'en', { setup: 'folded' as 'fold' })).toThrow(
      'handshake: "setup" must be "fold" or "unfold", got "folded"',
    );
    expect(() => traceToTable(handshake, 'en', { setup: 'x' as 'fold' })).toThrow(RangeError);
  });
});
