import { describe, it, expect } from 'vitest';
import {
  createWorld,
  segmentLabel,
  type CallName,
  type CallArgs,
  type Profile,
  type Side,
  type World,
} from '../../../src/tcp';

type Op = [Side, CallName, CallArgs?] | 'deliver' | 'drain';

/** A world driven by a short script; returns it and the result of the last call. */
function run(script: Op[], profile: Profile = 'rfc9293'): { w: World; last: unknown } {
  const w = createWorld({ profile, isn: { client: 100, server: 300 } });
  let last: unknown;
  for (const op of script) {
    if (op === 'deliver') w.deliver();
    else if (op === 'drain') while (w.deliver());
    else last = w.call(op[0], op[1], op[2]);
  }
  return { w, last };
}
const LISTEN: Op[] = [
  ['server', 'socket'],
  ['server', 'bind', { port: 80 }],
  ['server', 'listen'],
];
const OPEN: Op[] = [
  ...LISTEN,
  ['client', 'socket'],
  ['client', 'connect', { port: 80 }],
  'drain',
  ['server', 'accept'],
];

const ERRORS: [string, Op[], unknown, Profile?][] = [
  [
    'accept before listen → EINVAL',
    [
      ['server', 'socket'],
      ['server', 'accept'],
    ],
    { ok: false, errno: 'EINVAL', reason: 'accept-before-listen' },
  ],
  [
    'accept with nothing pending would block',
    [...LISTEN, ['server', 'accept']],
    { ok: false, errno: 'EAGAIN', reason: 'would-block' },
  ],
  [
    'accept during the handshake would block',
    [...LISTEN, ['client', 'socket'], ['client', 'connect', { port: 80 }], 'deliver', ['server', 'accept']],
    { ok: false, errno: 'EAGAIN', reason: 'would-block' },
  ],
  [
    'any call without socket() → EBADF',
    [['client', 'connect', { port: 80 }]],
    { ok: false, errno: 'EBADF', reason: 'no-socket' },
  ],
  [
    'bind twice → EINVAL',
    [
      ['server', 'socket'],
      ['server', 'bind', { port: 80 }],
      ['server', 'bind', { port: 81 }],
    ],
    { ok: false, errno: 'EINVAL', reason: 'already-bound' },
  ],
  [
    'listen on an unbound socket auto-binds (Linux)',
    [
      ['server', 'socket'],
      ['server', 'listen'],
    ],
    { ok: true },
  ],
  [
    'connect twice while SYN_SENT → EALREADY',
    [
      ['client', 'socket'],
      ['client', 'connect', { port: 80 }],
      ['client', 'connect', { port: 80 }],
    ],
    { ok: false, errno: 'EALREADY', reason: 'connect-in-progress', rfc: 'connection already exists' },
  ],
  [
    'connect when connected → EISCONN',
    [...OPEN, ['client', 'connect', { port: 80 }]],
    { ok: false, errno: 'EISCONN', reason: 'already-connected', rfc: 'connection already exists' },
  ],
  ['connect on a listener: RFC active open', [...LISTEN, ['server', 'connect', { port: 5 }]], { ok: true }],
  [
    'connect on a listener: Linux EISCONN',
    [...LISTEN, ['server', 'connect', { port: 5 }]],
    { ok: false, errno: 'EISCONN', reason: 'connect-on-listener' },
    'linux',
  ],
  [
    'send on an unconnected socket: POSIX ENOTCONN',
    [
      ['client', 'socket'],
      ['client', 'send', { data: 'x' }],
    ],
    { ok: false, errno: 'ENOTCONN', reason: 'not-connected', rfc: 'connection does not exist' },
  ],
  [
    'send on an unconnected socket: Linux EPIPE',
    [
      ['client', 'socket'],
      ['client', 'send', { data: 'x' }],
    ],
    { ok: false, errno: 'EPIPE', reason: 'not-connected', rfc: 'connection does not exist' },
    'linux',
  ],
  [
    'read on an unconnected socket → ENOTCONN',
    [
      ['client', 'socket'],
      ['client', 'read'],
    ],
    { ok: false, errno: 'ENOTCONN', reason: 'not-connected', rfc: 'connection does not exist' },
  ],
  [
    'read on an empty open connection would block',
    [...OPEN, ['client', 'read']],
    { ok: false, errno: 'EAGAIN', reason: 'would-block' },
  ],
  [
    'write after shutdown(SHUT_WR) → EPIPE',
    [...OPEN, ['client', 'shutdown'], ['client', 'write', { data: 'x' }]],
    { ok: false, errno: 'EPIPE', reason: 'write-after-shutdown', rfc: 'connection closing' },
  ],
  [
    'shutdown unconnected → ENOTCONN',
    [
      ['client', 'socket'],
      ['client', 'shutdown'],
    ],
    { ok: false, errno: 'ENOTCONN', reason: 'not-connected', rfc: 'connection does not exist' },
  ],
  [
    'read after the peer’s FIN → 0 (EOF)',
    [...OPEN, ['client', 'close'], 'drain', ['server', 'read']],
    { ok: true, value: 0, data: '' },
  ],
  [
    'read after a RST → ECONNRESET',
    [...OPEN, ['client', 'abort'], 'drain', ['server', 'read']],
    { ok: false, errno: 'ECONNRESET', rfc: 'connection reset' },
  ],
  [
    'write after a RST → ECONNRESET, then EPIPE',
    [...OPEN, ['client', 'abort'], 'drain', ['server', 'write', { data: 'x' }], ['server', 'write', { data: 'x' }]],
    { ok: false, errno: 'EPIPE', reason: 'not-connected', rfc: 'connection does not exist' },
    'linux',
  ],
  [
    'any call after close → EBADF',
    [...OPEN, ['client', 'close'], ['client', 'read']],
    { ok: false, errno: 'EBADF', reason: 'no-socket' },
  ],
  [
    'data written during the handshake is queued',
    [...LISTEN, ['client', 'socket'], ['client', 'connect', { port: 80 }], ['client', 'write', { data: 'hey' }]],
    { ok: true, value: 3 },
  ],
  [
    'a second socket() while one is open → EMFILE',
    [
      ['client', 'socket'],
      ['client', 'socket'],
    ],
    { ok: false, errno: 'EMFILE', reason: 'one-socket-per-side' },
  ],
];

describe('socket calls give the errors a POSIX/Linux program would get', () => {
  it.each(ERRORS)('%s', (_name, script, expected, profile = 'rfc9293') => {
    expect(run(script, profile).last).toEqual(expected);
  });
});

const labels = (w: World) => w.inFlight().map(segmentLabel);

describe('half-close', () => {
  it('after shutdown(SHUT_WR) the peer still sends and the closer still reads', () => {
    const { w } = run([...OPEN, ['client', 'shutdown'], 'drain', ['server', 'write', { data: 'late' }], 'drain']);
    expect(w.state('client')).toBe('FIN_WAIT_2');
    expect(w.state('server')).toBe('CLOSE_WAIT');
    expect(w.call('client', 'read')).toEqual({ ok: true, value: 4, data: 'late' });
    expect(w.call('client', 'read')).toEqual({ ok: false, errno: 'EAGAIN', reason: 'would-block' });
    w.call('server', 'close');
    while (w.deliver());
    expect(w.call('client', 'read')).toEqual({ ok: true, value: 0, data: '' });
  });
});

describe('profile differences (linux vs rfc9293)', () => {
  // close() is the sockets close: both profiles (RFC 9293 §3.6.1: a host that closes with received data
  // pending, or gets new data after closing, "SHOULD send a RST to show that data was lost").
  it.each([
    ['rfc9293', 'RST seq=101'], // abort's RST, RFC 9293 §3.10.5
    ['linux', 'RST, ACK seq=101 ack=307'], // Linux tcp_close: data_was_unread → tcp_send_active_reset
  ] as const)('%s: close() with unread data sends %s instead of a FIN; CLOSED, no TIME_WAIT', (profile, rst) => {
    const { w } = run([...OPEN, ['server', 'write', { data: 'unread' }], 'drain', ['client', 'close']], profile);
    expect(w.state('client')).toBe('CLOSED');
    expect(labels(w)).toEqual([rst]);
    w.deliver();
    expect(w.state('server')).toBe('CLOSED');
    expect(w.call('server', 'read')).toEqual({ ok: false, errno: 'ECONNRESET', rfc: 'connection reset' });
  });
  // Linux tcp_rcv_state_process (FIN_WAIT_1/2 after RCV_SHUTDOWN: tcp_reset, then a RST for the segment)
  it.each(['rfc9293', 'linux'] as const)('%s: data arriving after close() resets the connection', (profile) => {
    const { w } = run([...OPEN, ['client', 'close'], 'drain', ['server', 'write', { data: 'x' }], 'deliver'], profile);
    expect(w.state('client')).toBe('CLOSED');
    expect(labels(w)).toEqual(['RST seq=102']); // <SEQ=SEG.ACK><CTL=RST>
  });
  // The peer closed (FIN, so CLOSE_WAIT), then it answered our data with a RST (it had called close()).
  const afterFinThenRst: Op[] = [
    ...OPEN,
    ['client', 'close'],
    'drain',
    ['server', 'write', { data: 'x' }],
    'drain',
    ['server', 'read'],
  ];
  it.each([
    // RFC 9293 §3.10.7.4 second (CLOSE_WAIT): RECEIVEs get "connection reset"
    ['rfc9293', [{ ok: false, errno: 'ECONNRESET', rfc: 'connection reset' }]],
    // Linux tcp_reset sets EPIPE in CLOSE_WAIT; tcp_recvmsg returns 0 once the FIN came (SOCK_DONE), so the
    // error waits for the next write; later writes: EPIPE (the socket is closed)
    [
      'linux',
      [
        { ok: true, value: 0, data: '' },
        { ok: false, errno: 'EPIPE', rfc: 'connection reset' },
        { ok: false, errno: 'EPIPE', reason: 'not-connected', rfc: 'connection does not exist' },
      ],
    ],
  ] as const)('%s: after the peer’s FIN and then its RST, read and write give %j', (profile, results) => {
    const { w, last } = run(afterFinThenRst, profile);
    expect(w.state('server')).toBe('CLOSED');
    expect([last, ...[...Array(results.length - 1)].map(() => w.call('server', 'write', { data: 'y' }))]).toEqual(
      results,
    );
  });
  it('abort: RFC RST has no ACK, Linux RST carries ACK', () => {
    expect(labels(run([...OPEN, ['client', 'abort']]).w)).toEqual(['RST seq=101']);
    expect(labels(run([...OPEN, ['client', 'abort']], 'linux').w)).toEqual(['RST, ACK seq=101 ack=301']);
  });
  const simOpen: Op[] = [
    ['client', 'socket'],
    ['server', 'socket'],
    ['client', 'connect', { port: 2 }],
    ['server', 'connect', { port: 1 }],
    'deliver',
    'deliver',
  ];
  it('close() in SYN_RECEIVED: RFC sends the FIN at once', () => {
    const { w } = run([...simOpen, ['client', 'close']]);
    expect(w.state('client')).toBe('FIN_WAIT_1');
    expect(labels(w).at(-1)).toBe('FIN, ACK seq=101 ack=301');
  });
  it('close() in SYN_RECEIVED: Linux waits until its SYN is acknowledged', () => {
    const { w } = run([...simOpen, ['client', 'close']], 'linux');
    expect(w.state('client')).toBe('FIN_WAIT_1');
    expect(labels(w)).toEqual(['SYN, ACK seq=300 ack=101', 'SYN, ACK seq=100 ack=301']);
    w.deliver(); // server's SYN, ACK acknowledges the client's SYN: now the FIN leaves
    expect(labels(w)).toEqual(['SYN, ACK seq=100 ack=301', 'FIN, ACK seq=101 ack=301']);
  });
  it('closing a listener resets the connection nobody accepted', () => {
    const { w } = run([
      ...LISTEN,
      ['client', 'socket'],
      ['client', 'connect', { port: 80 }],
      'drain',
      ['server', 'close'],
    ]);
    expect(labels(w)).toEqual(['RST seq=301']);
    w.deliver();
    expect(w.state('client')).toBe('CLOSED');
    expect(w.call('client', 'read')).toEqual({ ok: false, errno: 'ECONNRESET', rfc: 'connection reset' });
  });
  it('connecting to the wrong port is refused', () => {
    const { w } = run([...LISTEN, ['client', 'socket'], ['client', 'connect', { port: 81 }], 'drain'], 'linux');
    expect(w.state('client')).toBe('CLOSED');
    expect(w.takeLog().errors).toContainEqual({
      side: 'client',
      op: 'connect',
      errno: 'ECONNREFUSED',
      rfc: 'connection reset',
    });
  });
  it('the server’s state is its connection’s, else its listener’s', () => {
    const { w } = run([...LISTEN]);
    expect(w.state('server')).toBe('LISTEN');
    expect(w.snapshot().server.listener).toBe('LISTEN');
  });
  it('ISNs come from the seed when not given, deterministically', () => {
    const a = createWorld({ seed: 42 });
    const b = createWorld({ seed: 42 });
    expect(a.isn).toEqual(b.isn);
    expect(createWorld({ seed: 43 }).isn).not.toEqual(a.isn);
  });
  it('sequence numbers wrap modulo 2^32', () => {
    const w = createWorld({ isn: { client: 0xffffffff, server: 0xfffffffe } });
    for (const [s, c, a] of [...LISTEN, ['client', 'socket'], ['client', 'connect', { port: 80 }]] as [
      Side,
      CallName,
      CallArgs?,
    ][])
      w.call(s, c, a);
    while (w.deliver());
    w.call('client', 'write', { data: 'ab' });
    expect(labels(w)).toEqual(['ACK seq=0 ack=4294967295 len=2']);
    while (w.deliver());
    expect(w.tcb('client')?.sndUna).toBe(2);
  });
});

describe('putting segments on the wire and crashing hosts (World.inject, World.crash)', () => {
  it('inject: any segment joins the network with the next id, marked injected, normalized', () => {
    const { w } = run([...LISTEN]);
    const s = w.inject('client', {
      flags: { syn: true, ack: false, fin: false, rst: false },
      seq: 2 ** 32 + 90,
      ack: 7,
      len: 0,
      data: 'hi',
    });
    expect(s).toEqual({
      flags: { syn: true, ack: false, fin: false, rst: false },
      seq: 90, // modulo 2^32
      ack: 0, // no ACK flag
      len: 2, // the data's length
      data: 'hi',
      id: 1,
      from: 'client',
      injected: true,
    });
    expect(w.takeLog().sent).toEqual([s]);
    w.deliver();
    expect(w.state('server')).toBe('SYN_RECEIVED');
    // RFC 9293 §3.10.7.2: the SYN's text waits for ESTABLISHED, so the SYN, ACK acknowledges the SYN only
    expect(labels(w)).toEqual(['SYN, ACK seq=300 ack=91']);
  });
  it('inject: a port no listener has meets a CLOSED socket (RST)', () => {
    const { w } = run([...LISTEN]);
    w.inject(
      'client',
      { flags: { syn: true, ack: false, fin: false, rst: false }, seq: 90, ack: 0, len: 0 },
      { port: 81 },
    );
    w.deliver();
    expect(labels(w)).toEqual(['RST, ACK seq=0 ack=91']);
  });
  it('crash: sends nothing, forgets every socket (the listener too); the rebooted host answers the old connection with RST', () => {
    const { w } = run([...OPEN]);
    w.takeLog();
    w.crash('server');
    expect(w.takeLog()).toEqual({
      sent: [],
      errors: [],
      changes: [{ side: 'server', from: 'ESTABLISHED', to: 'CLOSED' }],
    });
    expect(w.state('server')).toBe('CLOSED');
    // the listener went too
    expect(w.snapshot().server).toEqual({ state: 'CLOSED', listener: null, tcb: null });
    expect(w.state('client')).toBe('ESTABLISHED');
    // the program starts again and listens: the listener answers the old connection's ACK with RST too
    expect(w.call('server', 'socket').ok).toBe(true);
    expect(w.call('server', 'bind', { port: 80 }).ok).toBe(true);
    expect(w.call('server', 'listen').ok).toBe(true);
    w.call('client', 'write', { data: 'x' });
    w.deliver();
    expect(labels(w)).toEqual(['RST seq=301']);
  });
  it('Linux: a SYN’s text is not kept without TCP Fast Open (tcp_conn_request); the client sends it again', () => {
    const { w } = run([...LISTEN, ['client', 'socket'], ['client', 'connect', { port: 80, data: 'hello' }]], 'linux');
    expect(labels(w)).toEqual(['SYN seq=100 len=5']);
    w.deliver();
    w.deliver();
    expect(w.state('client')).toBe('ESTABLISHED');
    while (w.deliver());
    expect(w.state('server')).toBe('ESTABLISHED');
    expect(w.tcb('server')!.rcvBuf).toBe('');
    expect(w.fireTimer('client', 'retransmit')).toBe(true);
    expect(labels(w)).toEqual(['ACK seq=101 ack=301 len=5']);
    while (w.deliver());
    w.call('server', 'accept');
    expect(w.call('server', 'read')).toEqual({ ok: true, value: 5, data: 'hello' });
  });
});
