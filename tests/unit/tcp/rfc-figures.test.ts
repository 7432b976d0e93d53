/**
 * The example exchanges of RFC 9293 §3.5–3.6 (Figures 6–13), written in the scenario format of
 * src/tcp/README.md and run through parseScenario + runScenario, as a scenario file would be. The ISNs
 * are chosen so the segments carry the figures' own numbers; each line is "CLIENT SERVER | segments sent
 * | errors" after that step (TCP Peer A is the client, B the server).
 */
import { describe, expect, it } from 'vitest';
import { parseScenario, runScenario, type Scenario } from '../../../src/tcp';
import { compact } from './helpers';

type Json = Record<string, unknown>;
const call = (side: string, op: string, args?: Json): Json => (args ? { call: side, op, args } : { call: side, op });
const deliver = (sel: string | number = 'next'): Json => ({ deliver: sel });
/** Server listens on 80, the client connects: the first five steps of most figures. */
const LISTEN_CONNECT = [
  call('server', 'socket'),
  call('server', 'bind', { port: 80 }),
  call('server', 'listen'),
  call('client', 'socket'),
  call('client', 'connect', { port: 80 }),
];
const SETUP = ['CLOSED CLOSED', 'CLOSED CLOSED', 'CLOSED LISTEN', 'CLOSED LISTEN'];
/** A connection where A will send 100 and B 300 next ("send 300, receive 100" in Figures 9 and 10). */
const OPEN_99_299 = [...LISTEN_CONNECT, { deliver: 'all' }, call('server', 'accept')];
const OPENED_99_299 = [
  ...SETUP,
  'SYN_SENT LISTEN | SYN seq=99',
  'ESTABLISHED ESTABLISHED | SYN, ACK seq=299 ack=100 + ACK seq=100 ack=300',
  'ESTABLISHED ESTABLISHED',
];

const FIGURES: [string, Json, Json[], string[]][] = [
  [
    'Figure 6: basic three-way handshake, then data',
    { client: 100, server: 300 },
    [...LISTEN_CONNECT, deliver(), deliver(), call('client', 'write', { data: 'hello' }), deliver(), deliver()],
    [
      ...SETUP,
      'SYN_SENT LISTEN | SYN seq=100',
      'SYN_SENT SYN_RECEIVED | SYN, ACK seq=300 ack=101',
      'ESTABLISHED SYN_RECEIVED | ACK seq=101 ack=301',
      'ESTABLISHED SYN_RECEIVED | ACK seq=101 ack=301 len=5',
      'ESTABLISHED ESTABLISHED',
      'ESTABLISHED ESTABLISHED | ACK seq=301 ack=106',
    ],
  ],
  [
    'Figure 7: simultaneous connection synchronization',
    { client: 100, server: 300 },
    [
      call('client', 'socket'),
      call('server', 'socket'),
      call('client', 'connect', { port: 2 }),
      call('server', 'connect', { port: 1 }),
      deliver('server'),
      deliver('client'),
      deliver('client'),
      deliver('server'),
    ],
    [
      'CLOSED CLOSED',
      'CLOSED CLOSED',
      'SYN_SENT CLOSED | SYN seq=100',
      'SYN_SENT SYN_SENT | SYN seq=300',
      'SYN_RECEIVED SYN_SENT | SYN, ACK seq=100 ack=301',
      'SYN_RECEIVED SYN_RECEIVED | SYN, ACK seq=300 ack=101',
      // Figure 7 draws no ACK of the SYN, ACKs; §3.10.7.4 answers each (it fails the window check) and Linux
      // acknowledges it too (self-connect on loopback: SYN, SYN+ACK, ACK)
      'SYN_RECEIVED ESTABLISHED | ACK seq=301 ack=101',
      'ESTABLISHED ESTABLISHED | ACK seq=101 ack=301',
    ],
  ],
  [
    'Figure 8: recovery from an old duplicate SYN (the RST returns B to LISTEN)',
    { client: [90, 100], server: [300, 400] },
    [
      ...LISTEN_CONNECT,
      // the SYN of a connection given up at once stays in the network: the old duplicate (segment 1)
      call('client', 'close'),
      call('client', 'socket'),
      call('client', 'connect', { port: 80 }),
      deliver(1),
      deliver(3),
      deliver(4),
      deliver(2),
      deliver(),
      deliver(),
    ],
    [
      ...SETUP,
      'SYN_SENT LISTEN | SYN seq=90',
      'CLOSED LISTEN',
      'CLOSED LISTEN',
      'SYN_SENT LISTEN | SYN seq=100',
      'SYN_SENT SYN_RECEIVED | SYN, ACK seq=300 ack=91',
      'SYN_SENT SYN_RECEIVED | RST seq=91',
      'SYN_SENT LISTEN',
      'SYN_SENT SYN_RECEIVED | SYN, ACK seq=400 ack=101',
      'ESTABLISHED SYN_RECEIVED | ACK seq=101 ack=401',
      'ESTABLISHED ESTABLISHED',
    ],
  ],
  [
    'Figure 9: half-open connection discovery (A crashed: its RST never arrives)',
    { client: [99, 400], server: [299, 500] },
    [
      ...OPEN_99_299,
      call('client', 'abort'),
      { drop: 'next' },
      call('client', 'socket'),
      call('client', 'connect', { port: 80 }),
      deliver(),
      deliver(),
      deliver(),
      { timer: 'retransmit', side: 'client' },
      deliver(),
      deliver(),
      deliver(),
    ],
    [
      ...OPENED_99_299,
      'CLOSED ESTABLISHED | RST seq=100',
      'CLOSED ESTABLISHED',
      'CLOSED ESTABLISHED',
      'SYN_SENT ESTABLISHED | SYN seq=400',
      'SYN_SENT ESTABLISHED | ACK seq=300 ack=100',
      'SYN_SENT ESTABLISHED | RST seq=100',
      'SYN_SENT CLOSED | server recv ECONNRESET',
      'SYN_SENT CLOSED | SYN seq=400',
      // the listener takes the new SYN: the basic handshake of Figure 6 again
      'SYN_SENT SYN_RECEIVED | SYN, ACK seq=500 ack=401',
      'ESTABLISHED SYN_RECEIVED | ACK seq=401 ack=501',
      'ESTABLISHED ESTABLISHED',
    ],
  ],
  [
    'Figure 10: active side causes half-open connection discovery',
    { client: 99, server: 299 },
    [
      ...OPEN_99_299,
      call('client', 'abort'),
      { drop: 'next' },
      call('server', 'write', { len: 10 }),
      deliver(),
      deliver(),
    ],
    [
      ...OPENED_99_299,
      'CLOSED ESTABLISHED | RST seq=100',
      'CLOSED ESTABLISHED',
      'CLOSED ESTABLISHED | ACK seq=300 ack=100 len=10',
      'CLOSED ESTABLISHED | RST seq=100',
      'CLOSED CLOSED | server recv ECONNRESET',
    ],
  ],
  [
    'Figure 11: an old duplicate SYN initiates a reset on two passive sockets',
    { client: 99, server: 300 },
    [
      // A's SYN Z = 99, from a connection A gave up; then A listens too
      call('client', 'socket'),
      call('client', 'connect', { port: 80 }),
      call('client', 'close'),
      call('client', 'socket'),
      call('client', 'listen'),
      call('server', 'socket'),
      call('server', 'bind', { port: 80 }),
      call('server', 'listen'),
      deliver(),
      deliver(),
      deliver(),
    ],
    [
      'CLOSED CLOSED',
      'SYN_SENT CLOSED | SYN seq=99',
      'CLOSED CLOSED',
      'CLOSED CLOSED',
      'LISTEN CLOSED',
      'LISTEN CLOSED',
      'LISTEN CLOSED',
      'LISTEN LISTEN',
      'LISTEN SYN_RECEIVED | SYN, ACK seq=300 ack=100',
      'LISTEN SYN_RECEIVED | RST seq=100',
      'LISTEN LISTEN',
    ],
  ],
  [
    'Figure 12: normal close sequence',
    { client: 99, server: 299 },
    [
      ...OPEN_99_299,
      call('client', 'close'),
      deliver(),
      deliver(),
      call('server', 'close'),
      deliver(),
      deliver(),
      { timer: 'time_wait', side: 'client' },
    ],
    [
      ...OPENED_99_299,
      'FIN_WAIT_1 ESTABLISHED | FIN, ACK seq=100 ack=300',
      'FIN_WAIT_1 CLOSE_WAIT | ACK seq=300 ack=101',
      'FIN_WAIT_2 CLOSE_WAIT',
      'FIN_WAIT_2 LAST_ACK | FIN, ACK seq=300 ack=101',
      'TIME_WAIT LAST_ACK | ACK seq=101 ack=301',
      'TIME_WAIT CLOSED',
      'CLOSED CLOSED',
    ],
  ],
  [
    'Figure 13: simultaneous close sequence',
    { client: 99, server: 299 },
    [
      ...OPEN_99_299,
      call('client', 'close'),
      call('server', 'close'),
      deliver(),
      deliver(),
      deliver(),
      deliver(),
      { timer: 'time_wait', side: 'client' },
      { timer: 'time_wait', side: 'server' },
    ],
    [
      ...OPENED_99_299,
      'FIN_WAIT_1 ESTABLISHED | FIN, ACK seq=100 ack=300',
      'FIN_WAIT_1 FIN_WAIT_1 | FIN, ACK seq=300 ack=100',
      'FIN_WAIT_1 CLOSING | ACK seq=301 ack=101',
      'CLOSING CLOSING | ACK seq=101 ack=301',
      'TIME_WAIT CLOSING',
      'TIME_WAIT TIME_WAIT',
      'CLOSED TIME_WAIT',
      'CLOSED CLOSED',
    ],
  ],
];

/** More of §3.5–3.10 at the scale of a whole exchange. */
const EXCHANGES: [string, Json, Json[], string[]][] = [
  [
    '§3.10.7.4 first: a retransmitted SYN reaching SYN_RECEIVED gets an ACK, not a second connection',
    { client: 100, server: 300 },
    [...LISTEN_CONNECT, { timer: 'retransmit', side: 'client' }, deliver(1), deliver(2), deliver(4), deliver(3)],
    [
      ...SETUP,
      'SYN_SENT LISTEN | SYN seq=100',
      'SYN_SENT LISTEN | SYN seq=100',
      'SYN_SENT SYN_RECEIVED | SYN, ACK seq=300 ack=101',
      'SYN_SENT SYN_RECEIVED | ACK seq=301 ack=101',
      // an ACK without SYN in SYN_SENT is dropped (§3.10.7.3 fifth); the SYN, ACK then completes the handshake
      'SYN_SENT SYN_RECEIVED',
      'ESTABLISHED SYN_RECEIVED | ACK seq=101 ack=301',
    ],
  ],
  [
    '§3.10.7.4: the lost last ACK: LAST_ACK retransmits its FIN, TIME_WAIT ACKs it again (2·MSL restarts)',
    { client: 99, server: 299 },
    [
      ...OPEN_99_299,
      call('client', 'close'),
      { deliver: 'all' },
      call('server', 'close'),
      deliver(),
      { drop: 'next' },
      { timer: 'retransmit', side: 'server' },
      deliver(),
      deliver(),
      { timer: 'time_wait', side: 'client' },
    ],
    [
      ...OPENED_99_299,
      'FIN_WAIT_1 ESTABLISHED | FIN, ACK seq=100 ack=300',
      'FIN_WAIT_2 CLOSE_WAIT | ACK seq=300 ack=101',
      'FIN_WAIT_2 LAST_ACK | FIN, ACK seq=300 ack=101',
      'TIME_WAIT LAST_ACK | ACK seq=101 ack=301',
      'TIME_WAIT LAST_ACK',
      'TIME_WAIT LAST_ACK | FIN, ACK seq=300 ack=101',
      'TIME_WAIT LAST_ACK | ACK seq=101 ack=301',
      'TIME_WAIT CLOSED',
      'CLOSED CLOSED',
    ],
  ],
  [
    '§3.10.7.1: a SYN to a port nobody listens on is refused',
    { client: 100 },
    [call('client', 'socket'), call('client', 'connect', { port: 81 }), deliver(), deliver()],
    [
      'CLOSED CLOSED',
      'SYN_SENT CLOSED | SYN seq=100',
      'SYN_SENT CLOSED | RST, ACK seq=0 ack=101',
      // the RFC's "connection reset" is ECONNREFUSED in the sockets API
      'CLOSED CLOSED | client connect ECONNREFUSED',
    ],
  ],
];

const scenario = (isn: Json, steps: Json[]): Scenario =>
  parseScenario({ id: 'figure', title: { zh: '图', en: 'Figure' }, isn, steps }, 'figure');

describe('RFC 9293 §3.5–3.6 Figures 6–13 as scenarios', () => {
  it.each(FIGURES)('%s', (_name, isn, steps, expected) => {
    expect(compact(runScenario(scenario(isn, steps)))).toEqual(expected);
  });
});

describe('whole exchanges from RFC 9293 §3.10', () => {
  it.each(EXCHANGES)('%s', (_name, isn, steps, expected) => {
    expect(compact(runScenario(scenario(isn, steps)))).toEqual(expected);
  });
});

describe('"isn" lists: one ISN per connection of a side', () => {
  it('uses them in order, then goes on drawing from the seed', () => {
    const steps = [call('client', 'socket'), call('client', 'connect'), call('client', 'close')];
    const again = [...steps, ...steps, ...steps];
    const isns = (isn?: Json) =>
      runScenario(parseScenario({ id: 'x', title: { zh: '例', en: 'x' }, isn, steps: again }, 'x')).steps.flatMap((s) =>
        s.sent.map((seg) => seg.seq),
      );
    const drawn = isns();
    expect(isns({ client: [7, 8] })).toEqual([7, 8, drawn[1]]);
    expect(isns({ client: 7 })).toEqual([7, drawn[1], drawn[2]]);
  });
  it.each([[{ client: [] }], [{ client: [1, -1] }], [{ client: 'x' }], [{ peer: 1 }]])('rejects %j', (isn) => {
    expect(() => scenario(isn, [])).toThrow(/"isn" must be/);
  });
});
