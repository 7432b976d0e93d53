import { describe, expect, it } from 'vitest';
import { mermaidSafe, runScenario, traceToMermaid, traceToTable } from '../../../src/tcp';
import { loadScenario } from './helpers';

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
