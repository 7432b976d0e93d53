import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseScenario, runScenario, ScenarioError } from '../../../src/tcp';
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
    'ESTABLISHED SYN_RECEIVED',
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
  ])('%#: %j', (json, re) => {
    expect(bad(json)).toMatch(re);
  });
});
