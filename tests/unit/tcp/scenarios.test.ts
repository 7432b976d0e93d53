import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { createWorld, parseScenario, runScenario, runStep, ScenarioError } from '../../../src/tcp';
import { SCENARIO_DIR, compact, loadScenario, scenarioFiles } from './helpers';

// The handshake every scenario below starts with (client ISN 100, server ISN 300), RFC 9293 §3.5 Figure 6.
const OPEN = [
  'CLOSED CLOSED',
  'CLOSED CLOSED',
  'CLOSED LISTEN',
  'CLOSED LISTEN',
  'SYN_SENT LISTEN | SYN seq=100',
  'SYN_SENT SYN_RECEIVED | SYN, ACK seq=300 ack=101',
  'ESTABLISHED SYN_RECEIVED | ACK seq=101 ack=301',
  'ESTABLISHED ESTABLISHED',
  'ESTABLISHED ESTABLISHED',
];

const EXPECTED: Record<string, string[]> = {
  handshake: OPEN,
  'handshake-data-close': [
    ...OPEN,
    'ESTABLISHED ESTABLISHED | ACK seq=101 ack=301 len=5',
    'ESTABLISHED ESTABLISHED | ACK seq=301 ack=106',
    'ESTABLISHED ESTABLISHED',
    'ESTABLISHED ESTABLISHED',
    'ESTABLISHED ESTABLISHED | ACK seq=301 ack=106 len=2',
    'ESTABLISHED ESTABLISHED | ACK seq=106 ack=303',
    'ESTABLISHED ESTABLISHED',
    'ESTABLISHED ESTABLISHED',
    'FIN_WAIT_1 ESTABLISHED | FIN, ACK seq=106 ack=303',
    'FIN_WAIT_1 CLOSE_WAIT | ACK seq=303 ack=107',
    'FIN_WAIT_2 CLOSE_WAIT',
    'FIN_WAIT_2 CLOSE_WAIT',
    'FIN_WAIT_2 LAST_ACK | FIN, ACK seq=303 ack=107',
    'TIME_WAIT LAST_ACK | ACK seq=107 ack=304',
    'TIME_WAIT CLOSED',
  ],
  // RFC 9293 §3.6 Figure 12: normal close
  'active-close-client': [
    ...OPEN,
    'FIN_WAIT_1 ESTABLISHED | FIN, ACK seq=101 ack=301',
    'FIN_WAIT_1 CLOSE_WAIT | ACK seq=301 ack=102',
    'FIN_WAIT_2 CLOSE_WAIT',
    'FIN_WAIT_2 CLOSE_WAIT',
    'FIN_WAIT_2 LAST_ACK | FIN, ACK seq=301 ack=102',
    'TIME_WAIT LAST_ACK | ACK seq=102 ack=302',
    'TIME_WAIT CLOSED',
  ],
  'active-close-server': [
    ...OPEN,
    'ESTABLISHED FIN_WAIT_1 | FIN, ACK seq=301 ack=101',
    'CLOSE_WAIT FIN_WAIT_1 | ACK seq=101 ack=302',
    'CLOSE_WAIT FIN_WAIT_2',
    'CLOSE_WAIT FIN_WAIT_2',
    'LAST_ACK FIN_WAIT_2 | FIN, ACK seq=101 ack=302',
    'LAST_ACK TIME_WAIT | ACK seq=302 ack=102',
    'CLOSED TIME_WAIT',
  ],
  'half-close': [
    ...OPEN,
    'FIN_WAIT_1 ESTABLISHED | FIN, ACK seq=101 ack=301',
    'FIN_WAIT_1 CLOSE_WAIT | ACK seq=301 ack=102',
    'FIN_WAIT_2 CLOSE_WAIT',
    'FIN_WAIT_2 CLOSE_WAIT',
    'FIN_WAIT_2 CLOSE_WAIT | ACK seq=301 ack=102 len=3',
    'FIN_WAIT_2 CLOSE_WAIT | ACK seq=102 ack=304',
    'FIN_WAIT_2 CLOSE_WAIT',
    'FIN_WAIT_2 CLOSE_WAIT',
    'FIN_WAIT_2 LAST_ACK | FIN, ACK seq=304 ack=102',
    'TIME_WAIT LAST_ACK | ACK seq=102 ack=305',
    'TIME_WAIT CLOSED',
    'TIME_WAIT CLOSED',
    'TIME_WAIT CLOSED',
  ],
  // RFC 9293 §3.10.7.4 FIN_WAIT_1: a FIN that also acknowledges our FIN goes straight to TIME_WAIT
  'close-three-segments': [
    ...OPEN,
    'FIN_WAIT_1 ESTABLISHED | FIN, ACK seq=101 ack=301',
    'FIN_WAIT_1 CLOSE_WAIT',
    'FIN_WAIT_1 CLOSE_WAIT',
    'FIN_WAIT_1 LAST_ACK | FIN, ACK seq=301 ack=102',
    'TIME_WAIT LAST_ACK | ACK seq=102 ack=302',
    'TIME_WAIT CLOSED',
  ],
  // RFC 9293 §3.5 Figure 7
  'simultaneous-open': [
    'CLOSED CLOSED',
    'CLOSED CLOSED',
    'CLOSED CLOSED',
    'CLOSED CLOSED',
    'SYN_SENT CLOSED | SYN seq=100',
    'SYN_SENT SYN_SENT | SYN seq=300',
    'SYN_SENT SYN_RECEIVED | SYN, ACK seq=300 ack=101',
    'SYN_RECEIVED SYN_RECEIVED | SYN, ACK seq=100 ack=301',
    // each SYN, ACK is acknowledged (§3.10.7.4 window check; Linux does so too); the ACKs change nothing
    'ESTABLISHED SYN_RECEIVED | ACK seq=101 ack=301',
    'ESTABLISHED ESTABLISHED | ACK seq=301 ack=101',
    'ESTABLISHED ESTABLISHED',
    'ESTABLISHED ESTABLISHED',
  ],
  // RFC 9293 §3.6 Figure 13
  'simultaneous-close': [
    ...OPEN,
    'FIN_WAIT_1 ESTABLISHED | FIN, ACK seq=101 ack=301',
    'FIN_WAIT_1 FIN_WAIT_1 | FIN, ACK seq=301 ack=101',
    'FIN_WAIT_1 CLOSING | ACK seq=302 ack=102',
    'CLOSING CLOSING | ACK seq=102 ack=302',
    'TIME_WAIT CLOSING',
    'TIME_WAIT TIME_WAIT',
  ],
  'lost-syn': [...OPEN.slice(0, 5), 'SYN_SENT LISTEN', 'SYN_SENT LISTEN | SYN seq=100', ...OPEN.slice(5)],
  'lost-final-ack': [
    ...OPEN,
    'FIN_WAIT_1 ESTABLISHED | FIN, ACK seq=101 ack=301',
    'FIN_WAIT_1 CLOSE_WAIT | ACK seq=301 ack=102',
    'FIN_WAIT_2 CLOSE_WAIT',
    'FIN_WAIT_2 LAST_ACK | FIN, ACK seq=301 ack=102',
    'TIME_WAIT LAST_ACK | ACK seq=102 ack=302',
    'TIME_WAIT LAST_ACK',
    'TIME_WAIT LAST_ACK | FIN, ACK seq=301 ack=102',
    'TIME_WAIT LAST_ACK | ACK seq=102 ack=302',
    'TIME_WAIT CLOSED',
  ],
  // RFC 9293 §3.10.7.1 (no socket: <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>) and §3.10.7.3
  'connection-refused': [
    'CLOSED CLOSED',
    'SYN_SENT CLOSED | SYN seq=100',
    'SYN_SENT CLOSED | RST, ACK seq=0 ack=101',
    'CLOSED CLOSED | client connect ECONNREFUSED',
  ],
  // RFC 9293 §3.10.5 ABORT and §3.10.7.4 RST in ESTABLISHED
  'reset-established': [
    ...OPEN,
    'CLOSED ESTABLISHED | RST seq=101',
    'CLOSED CLOSED | server recv ECONNRESET',
    'CLOSED CLOSED | server read ECONNRESET',
    'CLOSED CLOSED',
  ],
  'time-wait-expiry': [
    ...OPEN,
    'FIN_WAIT_1 ESTABLISHED | FIN, ACK seq=101 ack=301',
    'FIN_WAIT_1 CLOSE_WAIT | ACK seq=301 ack=102',
    'FIN_WAIT_2 CLOSE_WAIT',
    'FIN_WAIT_2 LAST_ACK | FIN, ACK seq=301 ack=102',
    'TIME_WAIT LAST_ACK | ACK seq=102 ack=302',
    'TIME_WAIT CLOSED',
    'CLOSED CLOSED',
  ],
  // RFC 9293 §3.5 Figure 8: the old SYN (seq=90) is acknowledged (ack=91), the client answers
  // <SEQ=91><CTL=RST> (§3.10.7.3: an ACK outside (ISS, SND.NXT]), B returns to LISTEN, then SYN 100 succeeds
  'old-duplicate-syn': [
    ...OPEN.slice(0, 5),
    'SYN_SENT LISTEN | SYN seq=90',
    'SYN_SENT SYN_RECEIVED | SYN, ACK seq=300 ack=91',
    'SYN_SENT SYN_RECEIVED | RST seq=91',
    'SYN_SENT LISTEN',
    'SYN_SENT SYN_RECEIVED | SYN, ACK seq=400 ack=101',
    'ESTABLISHED SYN_RECEIVED | ACK seq=101 ack=401',
    'ESTABLISHED ESTABLISHED',
    'ESTABLISHED ESTABLISHED',
  ],
  // RFC 9293 §3.10.7.2: text on a SYN is queued; the SYN, ACK acknowledges only the SYN (ack=101), the
  // text is taken once ESTABLISHED (ack=106)
  'syn-with-data': [
    ...OPEN.slice(0, 4),
    'SYN_SENT LISTEN | SYN seq=100 len=5',
    'SYN_SENT SYN_RECEIVED | SYN, ACK seq=300 ack=101',
    'ESTABLISHED SYN_RECEIVED | ACK seq=106 ack=301',
    'ESTABLISHED ESTABLISHED | ACK seq=301 ack=106',
    'ESTABLISHED ESTABLISHED',
    'ESTABLISHED ESTABLISHED',
    'ESTABLISHED ESTABLISHED',
  ],
  // RFC 9293 §3.5.2 half-open connections; §3.10.7.1 the RST <SEQ=SEG.ACK>; §3.10.7.4 RST at RCV.NXT
  'half-open-crash': [
    ...OPEN,
    'ESTABLISHED CLOSED',
    'ESTABLISHED CLOSED | ACK seq=101 ack=301 len=2',
    'ESTABLISHED CLOSED | RST seq=301',
    'CLOSED CLOSED | client recv ECONNRESET',
    'CLOSED CLOSED | client read ECONNRESET',
  ],
  // RFC 9293 §3.6.1: close() with unread data sends RST (abort's, §3.10.5), not FIN; no TIME_WAIT
  'close-unread-rst': [
    ...OPEN,
    'ESTABLISHED ESTABLISHED | ACK seq=301 ack=101 len=5',
    'ESTABLISHED ESTABLISHED | ACK seq=101 ack=306',
    'ESTABLISHED ESTABLISHED',
    'CLOSED ESTABLISHED | RST seq=101',
    'CLOSED CLOSED | server recv ECONNRESET',
    'CLOSED CLOSED | server read ECONNRESET',
    'CLOSED CLOSED',
  ],
  // RFC 9293 §3.6 case 1: the client's CLOSE is shutdown(SHUT_WR); it reads 0 in TIME_WAIT, then gives up its descriptor
  'shutdown-close': [
    ...OPEN,
    'FIN_WAIT_1 ESTABLISHED | FIN, ACK seq=101 ack=301',
    'FIN_WAIT_1 CLOSE_WAIT | ACK seq=301 ack=102',
    'FIN_WAIT_2 CLOSE_WAIT',
    'FIN_WAIT_2 CLOSE_WAIT',
    'FIN_WAIT_2 LAST_ACK | FIN, ACK seq=301 ack=102',
    'TIME_WAIT LAST_ACK | ACK seq=102 ack=302',
    'TIME_WAIT CLOSED',
    'TIME_WAIT CLOSED',
    'TIME_WAIT CLOSED',
  ],
  // RFC 9293 §3.6.1: data after close() gets a RST (<SEQ=SEG.ACK>); the client skips TIME_WAIT
  'data-after-close-rst': [
    ...OPEN,
    'FIN_WAIT_1 ESTABLISHED | FIN, ACK seq=101 ack=301',
    'FIN_WAIT_1 CLOSE_WAIT | ACK seq=301 ack=102',
    'FIN_WAIT_2 CLOSE_WAIT',
    'FIN_WAIT_2 CLOSE_WAIT | ACK seq=301 ack=102 len=3',
    'CLOSED CLOSE_WAIT | RST seq=102',
    'CLOSED CLOSED | server recv ECONNRESET',
    'CLOSED CLOSED | server read ECONNRESET',
    'CLOSED CLOSED',
  ],
  // TIME_WAIT cut short: a duplicate of "world" (seq=106) from the first connection reaches the second,
  // whose ISN 105 puts RCV.NXT at 106 (RFC 9293 §3.4.3, §3.6.1)
  'old-segment-new-incarnation': [
    'CLOSED CLOSED',
    'CLOSED CLOSED',
    'CLOSED LISTEN',
    'CLOSED LISTEN',
    'CLOSED LISTEN',
    'SYN_SENT LISTEN | SYN seq=100',
    'SYN_SENT SYN_RECEIVED | SYN, ACK seq=300 ack=101',
    'ESTABLISHED SYN_RECEIVED | ACK seq=101 ack=301',
    'ESTABLISHED ESTABLISHED',
    'ESTABLISHED ESTABLISHED',
    'ESTABLISHED ESTABLISHED | ACK seq=101 ack=301 len=5',
    'ESTABLISHED ESTABLISHED | ACK seq=301 ack=106',
    'ESTABLISHED ESTABLISHED',
    'ESTABLISHED ESTABLISHED | ACK seq=106 ack=301 len=5',
    'ESTABLISHED ESTABLISHED | ACK seq=106 ack=301 len=5',
    'ESTABLISHED ESTABLISHED | ACK seq=301 ack=111',
    'ESTABLISHED ESTABLISHED',
    'ESTABLISHED ESTABLISHED',
    'FIN_WAIT_1 ESTABLISHED | FIN, ACK seq=111 ack=301',
    'FIN_WAIT_1 CLOSE_WAIT | ACK seq=301 ack=112',
    'FIN_WAIT_2 CLOSE_WAIT',
    'FIN_WAIT_2 LAST_ACK | FIN, ACK seq=301 ack=112',
    'TIME_WAIT LAST_ACK | ACK seq=112 ack=302',
    'TIME_WAIT CLOSED',
    'CLOSED CLOSED',
    'CLOSED CLOSED',
    'CLOSED CLOSED',
    'SYN_SENT CLOSED | SYN seq=105',
    'SYN_SENT SYN_RECEIVED | SYN, ACK seq=400 ack=106',
    'ESTABLISHED SYN_RECEIVED | ACK seq=106 ack=401',
    'ESTABLISHED ESTABLISHED',
    'ESTABLISHED ESTABLISHED',
    'ESTABLISHED ESTABLISHED | ACK seq=401 ack=111',
    'ESTABLISHED ESTABLISHED',
  ],
  // Lessons 6 and 7, the questions about opening and closing. The delayed ACK of the FIN (RFC 9293
  // §3.8.6.3) times out before the program closes: the ACK leaves alone and the close takes four segments.
  'faq-fin-ack-alone': [
    ...OPEN,
    'FIN_WAIT_1 ESTABLISHED | FIN, ACK seq=101 ack=301',
    'FIN_WAIT_1 CLOSE_WAIT',
    'FIN_WAIT_1 CLOSE_WAIT | ACK seq=301 ack=102',
    'FIN_WAIT_2 CLOSE_WAIT',
    'FIN_WAIT_2 CLOSE_WAIT',
    'FIN_WAIT_2 LAST_ACK | FIN, ACK seq=301 ack=102',
    'TIME_WAIT LAST_ACK | ACK seq=102 ack=302',
    'TIME_WAIT CLOSED',
  ],
  // The handshake's ACK is lost; the client's data carries the same acknowledgement and completes the
  // server's SYN_RECEIVED (§3.10.7.4, fifth step), then the data is taken.
  'faq-lost-third-ack': [
    ...OPEN.slice(0, 7),
    'ESTABLISHED SYN_RECEIVED',
    'ESTABLISHED SYN_RECEIVED | ACK seq=101 ack=301 len=2',
    'ESTABLISHED ESTABLISHED | ACK seq=301 ack=103',
    'ESTABLISHED ESTABLISHED',
    'ESTABLISHED ESTABLISHED',
    'ESTABLISHED ESTABLISHED',
  ],
  // The handshake's ACK is lost and the server speaks first: its SYN, ACK is sent again, the client
  // (ESTABLISHED) answers the old-sequence segment with an ACK (§3.10.7.4, first check).
  'faq-lost-third-ack-server-first': [
    ...OPEN.slice(0, 7),
    'ESTABLISHED SYN_RECEIVED',
    'ESTABLISHED SYN_RECEIVED | SYN, ACK seq=300 ack=101',
    'ESTABLISHED SYN_RECEIVED | ACK seq=101 ack=301',
    'ESTABLISHED ESTABLISHED',
    'ESTABLISHED ESTABLISHED',
    'ESTABLISHED ESTABLISHED | ACK seq=301 ack=101 len=3',
    'ESTABLISHED ESTABLISHED | ACK seq=101 ack=304',
    'ESTABLISHED ESTABLISHED',
  ],
  // Request, answer, and the server closes first: TIME_WAIT is on the server (linux profile).
  'faq-server-closes-first': [
    ...OPEN,
    'ESTABLISHED ESTABLISHED | ACK seq=101 ack=301 len=3',
    'ESTABLISHED ESTABLISHED | ACK seq=301 ack=104',
    'ESTABLISHED ESTABLISHED',
    'ESTABLISHED ESTABLISHED',
    'ESTABLISHED ESTABLISHED | ACK seq=301 ack=104 len=2',
    'ESTABLISHED FIN_WAIT_1 | FIN, ACK seq=303 ack=104',
    'ESTABLISHED FIN_WAIT_1 | ACK seq=104 ack=303',
    'CLOSE_WAIT FIN_WAIT_1 | ACK seq=104 ack=304',
    'CLOSE_WAIT FIN_WAIT_1',
    'CLOSE_WAIT FIN_WAIT_2',
    'CLOSE_WAIT FIN_WAIT_2',
    'CLOSE_WAIT FIN_WAIT_2',
    'LAST_ACK FIN_WAIT_2 | FIN, ACK seq=104 ack=304',
    'LAST_ACK TIME_WAIT | ACK seq=304 ack=105',
    'CLOSED TIME_WAIT',
    'CLOSED CLOSED',
  ],
  // A pooled connection closed by the server: the client stays in CLOSE_WAIT while Linux drops the
  // server's orphaned FIN_WAIT_2 (tcp_fin_timeout). Reused, its request meets no connection: RST
  // <SEQ=SEG.ACK> (§3.10.7.1); Linux's tcp_reset in CLOSE_WAIT sets EPIPE, read gives EOF first.
  'faq-pooled-connection-closed': [
    ...OPEN,
    'ESTABLISHED FIN_WAIT_1 | FIN, ACK seq=301 ack=101',
    'CLOSE_WAIT FIN_WAIT_1 | ACK seq=101 ack=302',
    'CLOSE_WAIT FIN_WAIT_2',
    'CLOSE_WAIT CLOSED',
    'CLOSE_WAIT CLOSED | ACK seq=101 ack=302 len=3',
    'CLOSE_WAIT CLOSED | RST seq=302',
    'CLOSED CLOSED | client recv EPIPE',
    'CLOSED CLOSED',
    'CLOSED CLOSED | client write EPIPE',
  ],
  // Nobody answers the SYN: the same SYN (seq=100) is sent again each time the timer fires.
  'faq-syn-unanswered': [
    ...OPEN.slice(0, 5),
    'SYN_SENT LISTEN',
    'SYN_SENT LISTEN | SYN seq=100',
    'SYN_SENT LISTEN',
    'SYN_SENT LISTEN | SYN seq=100',
    'SYN_SENT LISTEN',
  ],
  // One SYN of a flood: a forged SYN makes a half-open connection whose SYN, ACK nobody answers.
  'faq-syn-flood': [
    ...OPEN.slice(0, 3),
    'CLOSED LISTEN | SYN seq=100',
    'CLOSED SYN_RECEIVED | SYN, ACK seq=300 ack=101',
    'CLOSED SYN_RECEIVED',
    'CLOSED SYN_RECEIVED | SYN, ACK seq=300 ack=101',
    'CLOSED SYN_RECEIVED',
    'CLOSED SYN_RECEIVED | SYN, ACK seq=300 ack=101',
    'CLOSED SYN_RECEIVED',
  ],
};

describe('the lessons’ scenarios, step by step (client ISN 100, server ISN 300)', () => {
  for (const [id, expected] of Object.entries(EXPECTED)) {
    it(id, () => {
      expect(compact(runScenario(loadScenario(id)))).toEqual(expected);
    });
  }

  it('ships every scenario the lessons need', () => {
    const ids = scenarioFiles().map((f) => f.replace(/\.json$/, ''));
    expect(ids.sort()).toEqual(Object.keys(EXPECTED).sort());
  });
});

describe('the "why" scenarios at their key steps', () => {
  const trace = (id: string) => runScenario(loadScenario(id));
  it('old-duplicate-syn: the injected old SYN is what the first SYN, ACK acknowledges; the RST returns B to LISTEN', () => {
    const t = trace('old-duplicate-syn');
    expect(t.steps[5]!.sent).toEqual([
      {
        flags: { syn: true, ack: false, fin: false, rst: false },
        seq: 90,
        ack: 0,
        len: 0,
        id: 2,
        from: 'client',
        injected: true,
      },
    ]);
    expect(t.steps[8]!.changes).toEqual([{ side: 'server', from: 'SYN_RECEIVED', to: 'LISTEN' }]);
    expect(t.steps[12]!.result).toEqual({ ok: true, value: 4 });
  });
  it('syn-with-data: the server reads the SYN’s bytes only after ESTABLISHED', () => {
    const t = trace('syn-with-data');
    expect(t.steps[5]!.sent[0]!.ack).toBe(101); // only the SYN
    expect(t.steps[7]!.sent[0]!.ack).toBe(106); // the queued text, once ESTABLISHED
    expect(t.steps[10]!.result).toEqual({ ok: true, value: 5, data: 'hello' });
  });
  it('half-open-crash: the crash sends nothing; the server’s connection is gone', () => {
    const t = trace('half-open-crash');
    expect(t.steps[9]!.sent).toEqual([]);
    expect(t.steps[9]!.changes).toEqual([{ side: 'server', from: 'ESTABLISHED', to: 'CLOSED' }]);
    expect(t.steps[13]!.result).toEqual({ ok: false, errno: 'ECONNRESET', rfc: 'connection reset' });
  });
  it('close-unread-rst and data-after-close-rst: the client never passes through TIME_WAIT', () => {
    for (const id of ['close-unread-rst', 'data-after-close-rst']) {
      const states = trace(id).steps.flatMap((s) => s.changes.filter((c) => c.side === 'client').map((c) => c.to));
      expect(states, id).not.toContain('TIME_WAIT');
      expect(states.at(-1), id).toBe('CLOSED');
    }
  });
  it('old-segment-new-incarnation: the second connection’s program reads the first connection’s "world"', () => {
    const t = trace('old-segment-new-incarnation');
    expect(t.steps[32]!.delivered).toMatchObject({ id: 7, seq: 106, len: 5, data: 'world', retransmit: true });
    expect(t.steps[33]!.result).toEqual({ ok: true, value: 5, data: 'world' });
  });
});

describe('every file in content/scenarios', () => {
  for (const file of scenarioFiles()) {
    it(`${file} parses and runs`, () => {
      const sc = parseScenario(JSON.parse(readFileSync(SCENARIO_DIR + file, 'utf8')), `content/scenarios/${file}`);
      const trace = runScenario(sc);
      expect(trace.steps).toHaveLength(sc.steps.length);
      expect(runScenario(sc)).toEqual(trace); // deterministic
    });
  }
});

describe('runStep: one step at a time in a kept world', () => {
  it('gives every scenario the trace runScenario gives', () => {
    for (const file of scenarioFiles()) {
      const sc = loadScenario(file.replace(/\.json$/, ''));
      const w = createWorld({ seed: sc.seed, profile: sc.profile, ...(sc.isn ? { isn: sc.isn } : {}) });
      expect(
        sc.steps.map((step, i) => runStep(w, step, i)),
        file,
      ).toEqual(runScenario(sc).steps);
    }
  });
  it('records which ends keep a listener: after listen(), and after the accepted connection has closed', () => {
    const t = runScenario(loadScenario('handshake-data-close'));
    const listening = t.steps.map((s) => s.listening);
    expect(listening[1]).toEqual({ client: false, server: false }); // bind
    expect(listening[2]).toEqual({ client: false, server: true }); // listen
    expect(t.steps.at(-1)!.after.server).toBe('CLOSED');
    expect(listening.at(-1)).toEqual({ client: false, server: true });
  });
});

describe('parseScenario reports file, step index and reason', () => {
  const base = { id: 'x', title: { zh: '例', en: 'Example' } };
  const bad = (json: unknown, file = 'content/scenarios/x.json') => {
    try {
      parseScenario(json, file);
    } catch (e) {
      expect(e).toBeInstanceOf(ScenarioError);
      return (e as Error).message;
    }
    throw new Error('expected a ScenarioError');
  };
  it('names an unknown call with the step index and the calls it expected', () => {
    const msg = bad({
      ...base,
      steps: [{ call: 'client', op: 'socket' }, { deliver: 'next' }, { call: 'client', op: 'conect' }],
    });
    expect(msg).toMatch(
      /^content\/scenarios\/x\.json: step 2: unknown call "conect" \(expected one of socket, bind, listen, accept, connect,.*\)\. Fix: /,
    );
  });
  it.each([
    [{ ...base, steps: [{ deliver: 'first' }] }, /step 0: bad "deliver" "first"/],
    [{ ...base, steps: [{ timer: 'retransmit' }] }, /step 0: a timer step needs "side"/],
    [{ ...base, steps: [{ call: 'client', op: 'write', args: { bytes: 3 } }] }, /step 0: unknown argument "bytes"/],
    [
      { ...base, steps: [{ call: 'client', op: 'bind', args: { port: 70000 } }] },
      /step 0: bad value 70000 for argument "port"/,
    ],
    [{ ...base, steps: [{ wait: 1 }] }, /step 0: unknown step kind/],
    [{ ...base, profile: 'bsd', steps: [] }, /: unknown profile "bsd"/],
    [{ ...base, title: { en: 'only English' }, steps: [] }, /"title" must be/],
    [{ ...base, id: 'y', steps: [] }, /"id" is "y" but the file is x\.json/],
    [{ ...base, isn: { client: -1 }, steps: [] }, /"isn" must be/],
    [{ ...base, steps: [{ crash: 'router' }] }, /step 0: "crash" names the host, got "router"/],
    [{ ...base, steps: [{ inject: 'SYN' }] }, /step 0: "inject" must be an object/],
    [{ ...base, steps: [{ inject: { flags: ['SYN'], seq: 1 } }] }, /step 0: "inject.from" names the side/],
    [{ ...base, steps: [{ inject: { from: 'client', flags: ['PSH'], seq: 1 } }] }, /step 0: "inject.flags" must be/],
    [{ ...base, steps: [{ inject: { from: 'client', flags: ['SYN', 'SYN'], seq: 1 } }] }, /lists SYN twice/],
    [{ ...base, steps: [{ inject: { from: 'client', flags: [], seq: -1 } }] }, /step 0: "inject.seq" must be/],
    [
      { ...base, steps: [{ inject: { from: 'client', flags: ['ACK'], seq: 1 } }] },
      /"inject.ack" must be .* when flags has ACK/,
    ],
    [{ ...base, steps: [{ inject: { from: 'client', flags: ['SYN'], seq: 1, ack: 2 } }] }, /"inject.flags" has no ACK/],
    [
      { ...base, steps: [{ deliver: 'next' }, { inject: { from: 'server', flags: [], seq: 1, len: 2, data: 'abc' } }] },
      /step 1: "inject.len" is 2 but "inject.data" has 3 bytes/,
    ],
    [
      { ...base, steps: [{ inject: { from: 'client', flags: [], seq: 1, window: 9 } }] },
      /unknown field "inject.window"/,
    ],
    [{ ...base, steps: [{ inject: { from: 'client', flags: [], seq: 1, port: 65536 } }] }, /"inject.port" must be/],
  ])('%#: %j', (json, re) => {
    expect(bad(json)).toMatch(re);
  });
});
