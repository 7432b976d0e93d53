import { describe, it, expect } from 'vitest';
import {
  RFC_EDGES,
  TCP_STATES,
  closedReply,
  fireTimer,
  isRfcEdge,
  listenReceive,
  newTcb,
  receive,
  seg,
  segmentLabel,
  type Profile,
  type Tcb,
  type TcpState,
  type TimerKind,
} from '../../../src/tcp';

/**
 * A TCB in `state` as it would be after a handshake with ISN 100 (ours) and 300 (theirs): ESTABLISHED
 * has SND.UNA = SND.NXT = 101, RCV.NXT = 301; our FIN (when sent) is 101, theirs 301.
 */
function tcb(state: TcpState, extra: Partial<Tcb> = {}): Tcb {
  const t = newTcb(state, 100);
  Object.assign(t, { irs: 300, rcvNxt: 301, sndUna: 101, sndNxt: 101 });
  if (state === 'SYN_SENT') Object.assign(t, { sndUna: 100, sndNxt: 101, irs: 0, rcvNxt: 0 });
  if (state === 'SYN_RECEIVED') Object.assign(t, { sndUna: 100, passive: true });
  const ourFin = { finQueued: true, finSeq: 101, sndNxt: 102, shutWr: true };
  const theirFin = { rcvNxt: 302, peerFin: true };
  if (state === 'FIN_WAIT_1') Object.assign(t, ourFin);
  if (state === 'FIN_WAIT_2') Object.assign(t, ourFin, { sndUna: 102 });
  if (state === 'CLOSE_WAIT') Object.assign(t, theirFin);
  if (state === 'CLOSING') Object.assign(t, ourFin, theirFin);
  if (state === 'LAST_ACK') Object.assign(t, ourFin, theirFin);
  if (state === 'TIME_WAIT') Object.assign(t, ourFin, theirFin, { sndUna: 102 });
  return Object.assign(t, extra);
}

type Row = [
  rfc: string,
  from: TcpState,
  seg: ReturnType<typeof seg>,
  to: TcpState,
  out: string[],
  error?: string,
  extra?: Partial<Tcb>,
  profile?: Profile,
];

const ROWS: Row[] = [
  // SYN_SENT
  [
    '§3.10.7.3 fourth: SYN, ACK acknowledging our SYN',
    'SYN_SENT',
    seg('SYN,ACK', 300, 101),
    'ESTABLISHED',
    ['ACK seq=101 ack=301'],
  ],
  [
    '§3.10.7.3 fourth: SYN alone (simultaneous open)',
    'SYN_SENT',
    seg('SYN', 300),
    'SYN_RECEIVED',
    ['SYN, ACK seq=100 ack=301'],
  ],
  ['§3.10.7.3 first: ACK above SND.NXT gets a RST', 'SYN_SENT', seg('SYN,ACK', 300, 200), 'SYN_SENT', ['RST seq=200']],
  ['§3.10.7.3 first: ACK ≤ ISS gets a RST', 'SYN_SENT', seg('ACK', 300, 100), 'SYN_SENT', ['RST seq=100']],
  ['§3.10.7.3 first: unacceptable ACK on a RST is dropped', 'SYN_SENT', seg('RST,ACK', 0, 200), 'SYN_SENT', []],
  [
    '§3.10.7.3 second: RST with acceptable ACK resets',
    'SYN_SENT',
    seg('RST,ACK', 0, 101),
    'CLOSED',
    [],
    'ECONNREFUSED',
  ],
  ['§3.10.7.3 second: RST without ACK is dropped', 'SYN_SENT', seg('RST', 300), 'SYN_SENT', []],
  ['§3.10.7.3 fifth: neither SYN nor RST is dropped', 'SYN_SENT', seg('FIN', 300), 'SYN_SENT', []],
  [
    '§3.10.7.3 fourth: text on a SYN, ACK is processed after the SYN',
    'SYN_SENT',
    seg('SYN,ACK', 300, 101, 3),
    'ESTABLISHED',
    ['ACK seq=101 ack=304'],
  ],
  [
    '§3.10.7.3 fourth: a FIN on a SYN, ACK is processed after the SYN',
    'SYN_SENT',
    seg('SYN,FIN,ACK', 300, 101),
    'CLOSE_WAIT',
    ['ACK seq=101 ack=302'],
  ],
  // SYN_RECEIVED (passive)
  ['§3.10.7.4 fifth: ACK of our SYN', 'SYN_RECEIVED', seg('ACK', 301, 101), 'ESTABLISHED', []],
  [
    '§3.10.7.4 fifth: unacceptable ACK gets <SEQ=SEG.ACK><CTL=RST>',
    'SYN_RECEIVED',
    seg('ACK', 301, 150),
    'SYN_RECEIVED',
    ['RST seq=150'],
  ],
  ['§3.10.7.4 second: RST returns a passive open to LISTEN', 'SYN_RECEIVED', seg('RST', 301), 'LISTEN', []],
  [
    '§3.10.7.4 second: RST of an active open is "connection refused"',
    'SYN_RECEIVED',
    seg('RST', 301),
    'CLOSED',
    [],
    'ECONNREFUSED',
    { passive: false },
  ],
  [
    '§3.10.7.4 second: in-window RST not at RCV.NXT gets a challenge ACK',
    'SYN_RECEIVED',
    seg('RST', 400),
    'SYN_RECEIVED',
    ['ACK seq=101 ack=301'],
  ],
  [
    '§3.10.7.4 first: retransmitted SYN is unacceptable, ACK it',
    'SYN_RECEIVED',
    seg('SYN', 300),
    'SYN_RECEIVED',
    ['ACK seq=101 ack=301'],
  ],
  [
    'Linux: retransmitted SYN gets the SYN, ACK again',
    'SYN_RECEIVED',
    seg('SYN', 300),
    'SYN_RECEIVED',
    ['SYN, ACK seq=100 ack=301'],
    undefined,
    {},
    'linux',
  ],
  ['§3.10.7.4 fourth: in-window SYN returns a passive open to LISTEN', 'SYN_RECEIVED', seg('SYN', 301), 'LISTEN', []],
  [
    '§3.5 Figure 7: peer SYN, ACK in simultaneous open, acknowledged',
    'SYN_RECEIVED',
    seg('SYN,ACK', 300, 101),
    'ESTABLISHED',
    ['ACK seq=101 ack=301'],
    undefined,
    { passive: false },
  ],
  [
    '§3.5 Figure 7: a SYN, ACK carrying the peer’s FIN (retransmitted after its close)',
    'SYN_RECEIVED',
    seg('SYN,FIN,ACK', 300, 101),
    'CLOSE_WAIT',
    ['ACK seq=101 ack=302'],
    undefined,
    { passive: false },
  ],
  ['§3.10.7.4 first: RST outside the window is dropped silently', 'SYN_RECEIVED', seg('RST', 300), 'SYN_RECEIVED', []],
  [
    '§3.10.7.4 eighth: ACK and FIN together → CLOSE_WAIT',
    'SYN_RECEIVED',
    seg('FIN,ACK', 301, 101),
    'CLOSE_WAIT',
    ['ACK seq=101 ack=302'],
  ],
  ['§3.10.7.4 fifth: no ACK bit, drop', 'SYN_RECEIVED', seg('FIN', 301), 'SYN_RECEIVED', []],
  // ESTABLISHED
  [
    '§3.10.7.4 seventh: in-order data is acknowledged',
    'ESTABLISHED',
    seg('ACK', 301, 101, 5),
    'ESTABLISHED',
    ['ACK seq=101 ack=306'],
  ],
  [
    '§3.10.7.4 eighth: FIN → CLOSE_WAIT',
    'ESTABLISHED',
    seg('FIN,ACK', 301, 101),
    'CLOSE_WAIT',
    ['ACK seq=101 ack=302'],
  ],
  [
    '§3.10.7.4 eighth: data and FIN in one segment',
    'ESTABLISHED',
    seg('FIN,ACK', 301, 101, 3),
    'CLOSE_WAIT',
    ['ACK seq=101 ack=305'],
  ],
  ['§3.10.7.4 second: RST at RCV.NXT resets', 'ESTABLISHED', seg('RST', 301), 'CLOSED', [], 'ECONNRESET'],
  ['§3.10.7.4 first: RST outside the window is dropped silently', 'ESTABLISHED', seg('RST', 200), 'ESTABLISHED', []],
  [
    '§3.10.7.4 second: in-window RST not at RCV.NXT gets a challenge ACK',
    'ESTABLISHED',
    seg('RST', 302),
    'ESTABLISHED',
    ['ACK seq=101 ack=301'],
  ],
  [
    '§3.10.7.4 fourth: SYN in a synchronized state gets a challenge ACK',
    'ESTABLISHED',
    seg('SYN', 301),
    'ESTABLISHED',
    ['ACK seq=101 ack=301'],
  ],
  [
    '§3.10.7.4 first: old data is unacceptable, ACK it',
    'ESTABLISHED',
    seg('ACK', 200, 101, 5),
    'ESTABLISHED',
    ['ACK seq=101 ack=301'],
  ],
  [
    '§3.10.7.4 fifth: ACK of unsent data gets an ACK',
    'ESTABLISHED',
    seg('ACK', 301, 500),
    'ESTABLISHED',
    ['ACK seq=101 ack=301'],
  ],
  ['§3.10.7.4 fifth: no ACK bit, drop', 'ESTABLISHED', seg('', 301, 0, 5), 'ESTABLISHED', []],
  // Linux 6.18 answers it with an ACK too (tcp_ack: SEG.ACK after SND.NXT, then a rate-limited ACK): seen on
  // loopback with a raw socket, in ESTABLISHED and CLOSE_WAIT, so the linux profile does not drop it silently
  [
    'Linux 6.18: ACK of unsent data gets an ACK',
    'ESTABLISHED',
    seg('ACK', 301, 500),
    'ESTABLISHED',
    ['ACK seq=101 ack=301'],
    undefined,
    {},
    'linux',
  ],
  [
    'Linux 6.18: the same in CLOSE_WAIT',
    'CLOSE_WAIT',
    seg('ACK', 302, 500),
    'CLOSE_WAIT',
    ['ACK seq=101 ack=302'],
    undefined,
    {},
    'linux',
  ],
  [
    '§3.10.7.4 fifth: ACK of unsent data: ACK, and its text is dropped',
    'ESTABLISHED',
    seg('ACK', 301, 500, 5),
    'ESTABLISHED',
    ['ACK seq=101 ack=301'],
  ],
  [
    '§3.10.7.4 first: data beyond the window is unacceptable, ACK it',
    'ESTABLISHED',
    seg('ACK', 301 + 65535, 101, 5),
    'ESTABLISHED',
    ['ACK seq=101 ack=301'],
  ],
  [
    '§3.10.7.4 first: an empty ACK left of the window (old duplicate) gets an ACK',
    'ESTABLISHED',
    seg('ACK', 300, 101),
    'ESTABLISHED',
    ['ACK seq=101 ack=301'],
  ],
  [
    '§3.10.7.4 first: the SYN again after the handshake is unacceptable, ACK it',
    'ESTABLISHED',
    seg('SYN', 300),
    'ESTABLISHED',
    ['ACK seq=101 ack=301'],
  ],
  [
    '§3.10.7.4 eighth: a FIN after a gap is not processed, duplicate ACK',
    'ESTABLISHED',
    seg('FIN,ACK', 305, 101),
    'ESTABLISHED',
    ['ACK seq=101 ack=301'],
  ],
  [
    '§3.4 modulo 2^32: wrapped RCV.NXT still accepts data',
    'ESTABLISHED',
    seg('ACK', 0xfffffffe, 101, 4),
    'ESTABLISHED',
    ['ACK seq=101 ack=2'],
    undefined,
    { rcvNxt: 0xfffffffe, irs: 0xfffffffd },
  ],
  // FIN_WAIT_1
  ['§3.10.7.4 fifth: ACK of our FIN → FIN_WAIT_2', 'FIN_WAIT_1', seg('ACK', 301, 102), 'FIN_WAIT_2', []],
  [
    '§3.10.7.4 eighth: FIN before our FIN is acked → CLOSING',
    'FIN_WAIT_1',
    seg('FIN,ACK', 301, 101),
    'CLOSING',
    ['ACK seq=102 ack=302'],
  ],
  [
    '§3.10.7.4 eighth: FIN that acks our FIN → TIME_WAIT',
    'FIN_WAIT_1',
    seg('FIN,ACK', 301, 102),
    'TIME_WAIT',
    ['ACK seq=102 ack=302'],
  ],
  [
    '§3.10.7.4 seventh: data still accepted in FIN_WAIT_1',
    'FIN_WAIT_1',
    seg('ACK', 301, 101, 2),
    'FIN_WAIT_1',
    ['ACK seq=102 ack=303'],
  ],
  ['§3.10.7.4 second: RST → CLOSED', 'FIN_WAIT_1', seg('RST', 301), 'CLOSED', [], 'ECONNRESET'],
  // FIN_WAIT_2
  ['§3.10.7.4 eighth: FIN → TIME_WAIT', 'FIN_WAIT_2', seg('FIN,ACK', 301, 102), 'TIME_WAIT', ['ACK seq=102 ack=302']],
  [
    '§3.10.7.4 seventh: data after our FIN (half-close) is accepted',
    'FIN_WAIT_2',
    seg('ACK', 301, 102, 3),
    'FIN_WAIT_2',
    ['ACK seq=102 ack=304'],
  ],
  [
    'Linux: data for a closed descriptor resets',
    'FIN_WAIT_2',
    seg('ACK', 301, 102, 3),
    'CLOSED',
    ['RST seq=102'],
    undefined,
    { orphan: true },
    'linux',
  ],
  ['§3.10.7.4 second: RST → CLOSED', 'FIN_WAIT_2', seg('RST', 301), 'CLOSED', [], 'ECONNRESET'],
  // CLOSE_WAIT
  [
    '§3.10.7.4 eighth: retransmitted FIN in CLOSE_WAIT is ACKed again',
    'CLOSE_WAIT',
    seg('FIN,ACK', 301, 101),
    'CLOSE_WAIT',
    ['ACK seq=101 ack=302'],
  ],
  ['§3.10.7.4 seventh: text after the FIN is ignored', 'CLOSE_WAIT', seg('ACK', 302, 101, 4), 'CLOSE_WAIT', []],
  ['§3.10.7.4 second: RST → CLOSED', 'CLOSE_WAIT', seg('RST', 302), 'CLOSED', [], 'ECONNRESET'],
  // CLOSING
  ['§3.10.7.4 fifth: ACK of our FIN → TIME_WAIT', 'CLOSING', seg('ACK', 302, 102), 'TIME_WAIT', []],
  ['§3.10.7.4 fifth: old ACK, stay in CLOSING', 'CLOSING', seg('ACK', 302, 101), 'CLOSING', []],
  ['§3.10.7.4 second: RST → CLOSED (no error)', 'CLOSING', seg('RST', 302), 'CLOSED', []],
  // LAST_ACK
  ['§3.10.7.4 fifth: ACK of our FIN → CLOSED', 'LAST_ACK', seg('ACK', 302, 102), 'CLOSED', []],
  ['§3.10.7.4 fifth: old ACK, stay in LAST_ACK', 'LAST_ACK', seg('ACK', 302, 101), 'LAST_ACK', []],
  ['§3.10.7.4 second: RST → CLOSED', 'LAST_ACK', seg('RST', 302), 'CLOSED', []],
  // TIME_WAIT
  [
    '§3.10.7.4 eighth: retransmitted FIN is ACKed, 2·MSL restarts',
    'TIME_WAIT',
    seg('FIN,ACK', 301, 102),
    'TIME_WAIT',
    ['ACK seq=102 ack=302'],
  ],
  ['§3.10.7.4 second: RST → CLOSED', 'TIME_WAIT', seg('RST', 302), 'CLOSED', []],
  [
    '§3.10.7.4 fourth: SYN in TIME_WAIT gets a challenge ACK',
    'TIME_WAIT',
    seg('SYN', 5000),
    'TIME_WAIT',
    ['ACK seq=102 ack=302'],
  ],
];

/**
 * Errors a RST raises: the errno (the sockets API's name, Linux's where Linux chooses its own) and RFC
 * 9293's message beside it. Each row cites its source.
 */
const RESET_ERRORS: [
  source: string,
  state: TcpState,
  s: ReturnType<typeof seg>,
  Profile,
  errno: string,
  rfc: string,
  extra?: Partial<Tcb>,
][] = [
  [
    '§3.10.7.3 second; Linux tcp_reset (SYN_SENT)',
    'SYN_SENT',
    seg('RST,ACK', 0, 101),
    'rfc9293',
    'ECONNREFUSED',
    'connection reset',
  ],
  [
    'Linux tcp_reset: SYN_SENT → ECONNREFUSED',
    'SYN_SENT',
    seg('RST,ACK', 0, 101),
    'linux',
    'ECONNREFUSED',
    'connection reset',
  ],
  [
    '§3.10.7.4 second: active SYN_RECEIVED, "connection refused"',
    'SYN_RECEIVED',
    seg('RST', 301),
    'rfc9293',
    'ECONNREFUSED',
    'connection refused',
    { passive: false },
  ],
  [
    'Linux tcp_reset: SYN_RECV is not SYN_SENT → ECONNRESET',
    'SYN_RECEIVED',
    seg('RST', 301),
    'linux',
    'ECONNRESET',
    'connection refused',
    { passive: false },
  ],
  [
    '§3.10.7.4 second: ESTABLISHED, "connection reset"',
    'ESTABLISHED',
    seg('RST', 301),
    'rfc9293',
    'ECONNRESET',
    'connection reset',
  ],
  [
    'Linux tcp_reset: ESTABLISHED → ECONNRESET',
    'ESTABLISHED',
    seg('RST', 301),
    'linux',
    'ECONNRESET',
    'connection reset',
  ],
  [
    '§3.10.7.4 second: FIN_WAIT_2, "connection reset"',
    'FIN_WAIT_2',
    seg('RST', 301),
    'rfc9293',
    'ECONNRESET',
    'connection reset',
  ],
  [
    '§3.10.7.4 second: CLOSE_WAIT, "connection reset"',
    'CLOSE_WAIT',
    seg('RST', 302),
    'rfc9293',
    'ECONNRESET',
    'connection reset',
  ],
  ['Linux tcp_reset: CLOSE_WAIT → EPIPE', 'CLOSE_WAIT', seg('RST', 302), 'linux', 'EPIPE', 'connection reset'],
];

describe('the error a RST raises: errno and RFC 9293 message', () => {
  it.each(RESET_ERRORS)('%s (%s, %s)', (_source, state, s, profile, errno, rfc, extra = {}) => {
    const r = receive(tcb(state, extra), s, profile);
    expect(r.tcb.state).toBe('CLOSED');
    expect({ error: r.error, rfc: r.rfc }).toEqual({ error: errno, rfc });
    // the pending error a later call gets (none for the connect() in SYN_SENT, which gets it at once)
    if (state !== 'SYN_SENT') expect(r.tcb.error).toEqual({ errno, rfc });
  });
});

describe('segment arrival, RFC 9293 §3.10.7', () => {
  it.each(ROWS)('%s (%s)', (_rfc, from, s, to, out, error, extra = {}, profile = 'rfc9293') => {
    const r = receive(tcb(from, extra), s, profile);
    expect(r.tcb.state).toBe(to);
    expect(r.out.map((o) => segmentLabel({ ...o, id: 0, from: 'client' }))).toEqual(out);
    expect(r.error).toBe(error);
    expect(isRfcEdge(from, to)).toBe(true);
  });

  it('does not change the TCB it was given (pure)', () => {
    const t = tcb('ESTABLISHED');
    const before = JSON.stringify(t);
    receive(t, seg('FIN,ACK', 301, 101, 3), 'rfc9293');
    expect(JSON.stringify(t)).toBe(before);
  });
});

const label = (o: ReturnType<typeof seg>) => segmentLabel({ ...o, id: 0, from: 'client' });

/**
 * The peer's FIN in every state, RFC 9293 §3.10.7 (eighth: "If the FIN bit is set, signal the user
 * 'connection closing' … and send an acknowledgment"; CLOSED, LISTEN and SYN_SENT do not process it).
 * The FIN is the next thing expected (seq 301), or the same FIN again once it was taken (RCV.NXT 302).
 */
const FINS: [TcpState, ReturnType<typeof seg>, TcpState, string[]][] = [
  ['CLOSED', seg('FIN,ACK', 301, 101), 'CLOSED', ['RST seq=101']],
  ['LISTEN', seg('FIN,ACK', 301, 101), 'LISTEN', ['RST seq=101']],
  ['SYN_SENT', seg('FIN,ACK', 300, 101), 'SYN_SENT', []],
  ['SYN_RECEIVED', seg('FIN,ACK', 301, 101), 'CLOSE_WAIT', ['ACK seq=101 ack=302']],
  ['ESTABLISHED', seg('FIN,ACK', 301, 101), 'CLOSE_WAIT', ['ACK seq=101 ack=302']],
  ['FIN_WAIT_1', seg('FIN,ACK', 301, 101), 'CLOSING', ['ACK seq=102 ack=302']],
  ['FIN_WAIT_2', seg('FIN,ACK', 301, 102), 'TIME_WAIT', ['ACK seq=102 ack=302']],
  ['CLOSE_WAIT', seg('FIN,ACK', 301, 101), 'CLOSE_WAIT', ['ACK seq=101 ack=302']],
  ['CLOSING', seg('FIN,ACK', 301, 101), 'CLOSING', ['ACK seq=102 ack=302']],
  ['LAST_ACK', seg('FIN,ACK', 301, 101), 'LAST_ACK', ['ACK seq=102 ack=302']],
  ['TIME_WAIT', seg('FIN,ACK', 301, 102), 'TIME_WAIT', ['ACK seq=102 ack=302']],
];

describe('a FIN in every state, RFC 9293 §3.10.7', () => {
  it('covers all eleven states', () => expect(FINS.map((f) => f[0])).toEqual([...TCP_STATES]));
  it.each(FINS)('%s', (from, s, to, out) => {
    const r =
      from === 'CLOSED'
        ? { tcb: { state: from }, out: closedReply(s) }
        : from === 'LISTEN'
          ? { tcb: { state: from }, out: listenReceive(s, 300).out }
          : receive(tcb(from), s, 'rfc9293');
    expect(r.tcb.state).toBe(to);
    expect(r.out.map((o) => segmentLabel({ ...o, id: 0, from: 'client' }))).toEqual(out);
  });
});

describe('LISTEN and CLOSED, RFC 9293 §3.10.7.1–2', () => {
  it('§3.10.7.2: a SYN makes a SYN_RECEIVED TCB answering SYN, ACK', () => {
    const r = listenReceive(seg('SYN', 100), 300);
    expect(r.tcb?.state).toBe('SYN_RECEIVED');
    expect(r.out.map(label)).toEqual(['SYN, ACK seq=300 ack=101']);
  });
  it('§3.10.7.2: an ACK gets <SEQ=SEG.ACK><CTL=RST>', () =>
    expect(listenReceive(seg('ACK', 5, 7), 300).out.map(label)).toEqual(['RST seq=7']));
  it('§3.10.7.2: a RST is ignored', () => expect(listenReceive(seg('RST', 5), 300)).toEqual({ out: [] }));
  it('§3.10.7.1: a SYN gets <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>', () =>
    expect(closedReply(seg('SYN', 100)).map(label)).toEqual(['RST, ACK seq=0 ack=101']));
  it('§3.10.7.1: an ACK gets <SEQ=SEG.ACK><CTL=RST>', () =>
    expect(closedReply(seg('ACK', 5, 7)).map(label)).toEqual(['RST seq=7']));
  it('§3.10.7.1: a RST gets nothing', () => expect(closedReply(seg('RST', 5))).toEqual([]));
});

const TIMERS: [string, TcpState, TimerKind, TcpState | null, string[], Partial<Tcb>?, Profile?][] = [
  ['§3.8.1: SYN retransmitted from SYN_SENT', 'SYN_SENT', 'retransmit', 'SYN_SENT', ['SYN seq=100']],
  [
    '§3.8.1: SYN, ACK retransmitted from SYN_RECEIVED',
    'SYN_RECEIVED',
    'retransmit',
    'SYN_RECEIVED',
    ['SYN, ACK seq=100 ack=301'],
  ],
  ['§3.8.1: FIN retransmitted from FIN_WAIT_1', 'FIN_WAIT_1', 'retransmit', 'FIN_WAIT_1', ['FIN, ACK seq=101 ack=301']],
  ['§3.8.1: FIN retransmitted from LAST_ACK', 'LAST_ACK', 'retransmit', 'LAST_ACK', ['FIN, ACK seq=101 ack=302']],
  ['§3.8.1: nothing unacknowledged, no retransmission', 'ESTABLISHED', 'retransmit', null, []],
  ['§3.10.8: 2·MSL expiry closes TIME_WAIT', 'TIME_WAIT', 'time_wait', 'CLOSED', []],
  ['RFC: FIN_WAIT_2 has no timer', 'FIN_WAIT_2', 'fin_wait_2', null, [], { orphan: true }],
  [
    'Linux: orphaned FIN_WAIT_2 dropped after tcp_fin_timeout',
    'FIN_WAIT_2',
    'fin_wait_2',
    'CLOSED',
    [],
    { orphan: true },
    'linux',
  ],
  ['Linux: FIN_WAIT_2 after shutdown() keeps waiting', 'FIN_WAIT_2', 'fin_wait_2', null, [], {}, 'linux'],
];

describe('timers, RFC 9293 §3.8.1 and §3.10.8', () => {
  it.each(TIMERS)('%s', (_rfc, from, kind, to, out, extra = {}, profile = 'rfc9293') => {
    const r = fireTimer(tcb(from, extra), kind, profile);
    if (to === null) return expect(r).toBeUndefined();
    expect(r?.tcb.state).toBe(to);
    expect(r?.out.map(label)).toEqual(out);
    expect(isRfcEdge(from, to)).toBe(true);
  });
});

/**
 * RFC 9293 §3.3.2 Figure 5, edge by edge as the figure draws it (arrow, then its label). Note 1 belongs
 * to SYN_RECEIVED → LISTEN ("rcv RST (note 1)"): only after a passive OPEN.
 */
const FIGURE_5: [TcpState, TcpState, string][] = [
  ['CLOSED', 'LISTEN', 'passive OPEN / create TCB'],
  ['CLOSED', 'SYN_SENT', 'active OPEN / create TCB, snd SYN'],
  ['LISTEN', 'CLOSED', 'CLOSE / delete TCB'],
  ['LISTEN', 'SYN_RECEIVED', 'rcv SYN / snd SYN,ACK'],
  ['LISTEN', 'SYN_SENT', 'SEND / snd SYN'],
  ['SYN_RECEIVED', 'LISTEN', 'rcv RST (note 1)'],
  ['SYN_SENT', 'SYN_RECEIVED', 'rcv SYN / snd SYN,ACK'],
  ['SYN_SENT', 'CLOSED', 'CLOSE / delete TCB'],
  ['SYN_SENT', 'ESTABLISHED', 'rcv SYN,ACK / snd ACK'],
  ['SYN_RECEIVED', 'ESTABLISHED', 'rcv ACK of SYN / x'],
  ['SYN_RECEIVED', 'FIN_WAIT_1', 'CLOSE / snd FIN'],
  ['ESTABLISHED', 'FIN_WAIT_1', 'CLOSE / snd FIN'],
  ['ESTABLISHED', 'CLOSE_WAIT', 'rcv FIN / snd ACK'],
  ['FIN_WAIT_1', 'FIN_WAIT_2', 'rcv ACK of FIN / x'],
  ['FIN_WAIT_1', 'CLOSING', 'rcv FIN / snd ACK'],
  ['CLOSE_WAIT', 'LAST_ACK', 'CLOSE / snd FIN'],
  ['FIN_WAIT_2', 'TIME_WAIT', 'rcv FIN / snd ACK'],
  ['CLOSING', 'TIME_WAIT', 'rcv ACK of FIN / x'],
  ['LAST_ACK', 'CLOSED', 'rcv ACK of FIN / x'],
  ['TIME_WAIT', 'CLOSED', 'Timeout=2MSL / delete TCB'],
];

/** What Figure 5's label sends ("snd SYN,ACK" → "SYN, ACK"), or null; the model's label after " / ". */
const figureSends = (label: string) => /snd ([A-Z,]+)/.exec(label)?.[1]?.replace(',', ', ') ?? null;
const modelSends = (label: string) => label.split(' / ')[1] ?? null;

describe('RFC_EDGES against RFC 9293 §3.3.2 Figure 5', () => {
  const key = (from: TcpState, to: TcpState) => `${from} → ${to}`;
  it.each(FIGURE_5)('%s → %s (%s) is a figure edge sending the same segment', (from, to, label) => {
    const edge = RFC_EDGES.find((e) => e.from === from && e.to === to);
    expect(edge?.diagram).toBe(true);
    expect(modelSends(edge!.label)).toBe(figureSends(label));
  });
  it('marks no other edge as drawn in the figure', () => {
    const drawn = RFC_EDGES.filter((e) => e.diagram).map((e) => key(e.from, e.to));
    expect(drawn.sort()).toEqual(FIGURE_5.map(([f, t]) => key(f, t)).sort());
  });
  it('lists each pair of states once, between known states, never a state to itself', () => {
    const keys = RFC_EDGES.map((e) => key(e.from, e.to));
    expect(new Set(keys).size).toBe(keys.length);
    for (const e of RFC_EDGES) {
      expect(TCP_STATES).toContain(e.from);
      expect(TCP_STATES).toContain(e.to);
      expect(e.from).not.toBe(e.to);
    }
  });
  it('isRfcEdge: figure and text edges yes, staying put yes, anything else no', () => {
    expect(isRfcEdge('SYN_RECEIVED', 'LISTEN')).toBe(true);
    expect(isRfcEdge('FIN_WAIT_1', 'TIME_WAIT')).toBe(true);
    expect(isRfcEdge('ESTABLISHED', 'ESTABLISHED')).toBe(true);
    expect(isRfcEdge('ESTABLISHED', 'LISTEN')).toBe(false);
    expect(isRfcEdge('TIME_WAIT', 'ESTABLISHED')).toBe(false);
    expect(isRfcEdge('CLOSED', 'ESTABLISHED')).toBe(false);
  });
});
