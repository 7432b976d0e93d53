import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  CALL_NAMES,
  TCP_STATES,
  TIMER_KINDS,
  createWorld,
  isRfcEdge,
  seqLe,
  FLAG_NAMES,
  injectionSegment,
  type CallArgs,
  type FlagName,
  type CallName,
  type Profile,
  type Selector,
  type Side,
  type TimerKind,
  type World,
} from '../../../src/tcp';

type Action =
  | { kind: 'call'; side: Side; op: CallName; args: CallArgs }
  | { kind: 'deliver' | 'drop' | 'delay'; which: Selector }
  | { kind: 'timer'; side: Side; timer: TimerKind }
  | { kind: 'inject'; from: Side; flags: FlagName[]; seq: number; ack: number; data: string }
  | { kind: 'crash'; side: Side };

const side = fc.constantFrom<Side>('client', 'server');
const which = fc.oneof(fc.constant<Selector>('next'), side, fc.integer({ min: 1, max: 40 }));
const args = fc.record(
  {
    port: fc.constantFrom(80, 81),
    data: fc.string({ maxLength: 3 }),
    max: fc.nat(4),
    how: fc.constantFrom<'SHUT_WR' | 'SHUT_RDWR'>('SHUT_WR', 'SHUT_RDWR'),
    fd: fc.constantFrom<'listener' | 'conn'>('listener', 'conn'),
  },
  { requiredKeys: [] },
);
// Calls that open connections come often so runs get past the handshake; deliveries dominate, as on a real network.
const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('call' as const), side, op: fc.constantFrom(...CALL_NAMES), args }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('call' as const),
      side,
      op: fc.constantFrom<CallName>('socket', 'listen', 'connect', 'accept', 'write'),
      args: fc.constant({ port: 80, data: 'd' }),
    }),
  },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('deliver' as const), which }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('drop' as const, 'delay' as const), which }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('timer' as const), side, timer: fc.constantFrom(...TIMER_KINDS) }),
  },
);
// Forged segments near the ISNs used below (client 0xfffffff0, server 7), and crashes.
const near = fc.constantFrom(0xfffffff0, 0xfffffff1, 0xfffffff2, 7, 8, 9, 1000);
const forged: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('inject' as const),
      from: side,
      flags: fc.subarray([...FLAG_NAMES]),
      seq: near,
      ack: near,
      data: fc.constantFrom('', 'x'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('crash' as const), side }) },
);
const setup: Action[] = [
  { kind: 'call', side: 'server', op: 'socket', args: {} },
  { kind: 'call', side: 'server', op: 'bind', args: { port: 80 } },
  { kind: 'call', side: 'server', op: 'listen', args: {} },
  { kind: 'call', side: 'client', op: 'socket', args: {} },
];

/** Applies one action and checks the invariants that must hold after every step. */
function step(w: World, a: Action): void {
  if (a.kind === 'call') {
    const r = w.call(a.side, a.op, a.args);
    if (typeof r.ok !== 'boolean') throw new Error(`${a.op} returned ${JSON.stringify(r)}`);
  } else if (a.kind === 'timer') w.fireTimer(a.side, a.timer);
  else if (a.kind === 'inject') w.inject(a.from, injectionSegment({ ...a, data: a.data || undefined }));
  else if (a.kind === 'crash') w.crash(a.side);
  else w[a.kind](a.which);
  for (const c of w.takeLog().changes)
    if (!isRfcEdge(c.from, c.to)) throw new Error(`${c.side}: ${c.from} → ${c.to} is not an edge of RFC 9293 §3.3.2`);
  for (const s of ['client', 'server'] as const) {
    if (!TCP_STATES.includes(w.state(s))) throw new Error(`${s}: undefined state ${w.state(s)}`);
    const t = w.tcb(s);
    if (t && !seqLe(t.sndUna, t.sndNxt)) throw new Error(`${s}: SND.UNA ${t.sndUna} > SND.NXT ${t.sndNxt}`);
  }
}

/** Lets the network run without losses until nothing moves: deliveries, delayed ACKs, retransmissions. */
function settle(w: World): void {
  for (let round = 0; round < 60; round++) {
    for (let i = 0; i < 200 && w.deliver(); i++) w.takeLog();
    let fired = false;
    for (const s of ['client', 'server'] as const)
      for (const k of ['delayed_ack', 'retransmit'] as const) fired = w.fireTimer(s, k) || fired;
    w.takeLog();
    if (!fired && !w.inFlight().length) return;
  }
}

const LIVE = (s: string) => s !== 'CLOSED' && s !== 'LISTEN';
const SETTLED_PAIRS = new Set([
  'ESTABLISHED/ESTABLISHED',
  'FIN_WAIT_2/CLOSE_WAIT',
  'CLOSE_WAIT/FIN_WAIT_2',
  'TIME_WAIT/TIME_WAIT',
]);

let agreed = 0;
function check(profile: Profile, actions: Action[]): void {
  const w = createWorld({ profile, seed: 1, isn: { client: 0xfffffff0, server: 7 } });
  for (const a of [...setup, ...actions]) step(w, a);
  settle(w);
  const c = w.tcb('client');
  const s = w.tcb('server');
  // both ends agree once the network is quiet: same incarnation → same sequence numbers, matching states
  // (unless a forged segment was accepted: that is what forgery does)
  if (
    !actions.some((a) => a.kind === 'inject') &&
    c &&
    s &&
    LIVE(c.state) &&
    LIVE(s.state) &&
    c.iss === s.irs &&
    s.iss === c.irs &&
    c.state !== 'SYN_SENT' &&
    s.state !== 'SYN_SENT'
  ) {
    agreed++;
    expect(SETTLED_PAIRS.has(`${c.state}/${s.state}`), `${c.state}/${s.state}`).toBe(true);
    expect(c.sndNxt).toBe(s.rcvNxt);
    expect(s.sndNxt).toBe(c.rcvNxt);
    expect(c.sndUna).toBe(c.sndNxt);
    expect(s.sndUna).toBe(s.sndNxt);
  }
}

describe('random interleavings of calls, deliveries, drops and timers', () => {
  for (const profile of ['rfc9293', 'linux'] as const) {
    it(`keep the invariants (${profile})`, () => {
      agreed = 0;
      fc.assert(
        fc.property(fc.array(action, { maxLength: 60 }), (actions) => check(profile, actions)),
        { numRuns: 500, seed: 9293 },
      );
      expect(agreed, 'runs that ended with a live connection on both ends').toBeGreaterThan(25);
    });
  }

  it('~100,000 random steps never throw', () => {
    let steps = 0;
    fc.assert(
      fc.property(
        fc.constantFrom<Profile>('rfc9293', 'linux'),
        fc.array(action, { minLength: 400, maxLength: 600 }),
        (profile, actions) => {
          steps += actions.length;
          check(profile, actions);
        },
      ),
      { numRuns: 200, seed: 42 },
    );
    expect(steps).toBeGreaterThan(80_000);
  });

  it('forged segments and crashes keep the invariants', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Profile>('rfc9293', 'linux'),
        fc.array(fc.oneof({ weight: 4, arbitrary: action }, { weight: 1, arbitrary: forged }), { maxLength: 80 }),
        (profile, actions) => check(profile, actions),
      ),
      { numRuns: 400, seed: 5961 },
    );
  });

  it('save and restore: a restored world replays the rest of a run exactly (undo)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Profile>('rfc9293', 'linux'),
        fc.array(fc.oneof({ weight: 4, arbitrary: action }, { weight: 1, arbitrary: forged }), { maxLength: 60 }),
        fc.nat(60),
        (profile, actions, at) => {
          const w = createWorld({ profile, seed: 1 });
          const cut = Math.min(at, actions.length);
          for (const a of [...setup, ...actions.slice(0, cut)]) step(w, a);
          const saved = w.save();
          const rest = () => {
            const logs = actions.slice(cut).map((a) => {
              step(w, a);
              return w.snapshot();
            });
            return { logs, end: w.save() };
          };
          const first = rest();
          w.restore(JSON.parse(JSON.stringify(saved)));
          expect(w.save()).toEqual(saved);
          expect(rest()).toEqual(first);
        },
      ),
      { numRuns: 300, seed: 1122 },
    );
  });

  it('restore refuses a state from a world of another profile', () => {
    const saved = createWorld({ profile: 'linux' }).save();
    expect(() => createWorld().restore(saved)).toThrow(/expected a state saved by a rfc9293 world/);
  });

  it('without losses every handshake completes and every close ends in CLOSED/TIME_WAIT', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Profile>('rfc9293', 'linux'),
        fc.boolean(),
        fc.boolean(),
        (profile, clientFirst, shut) => {
          const w = createWorld({ profile, seed: 3 });
          for (const a of setup) step(w, a);
          step(w, { kind: 'call', side: 'client', op: 'connect', args: { port: 80 } });
          settle(w);
          step(w, { kind: 'call', side: 'server', op: 'accept', args: {} });
          expect([w.state('client'), w.state('server')]).toEqual(['ESTABLISHED', 'ESTABLISHED']);
          const [a, b]: [Side, Side] = clientFirst ? ['client', 'server'] : ['server', 'client'];
          step(w, { kind: 'call', side: a, op: shut ? 'shutdown' : 'close', args: {} });
          settle(w);
          step(w, { kind: 'call', side: b, op: 'close', args: {} });
          settle(w);
          expect(w.state(a)).toBe('TIME_WAIT');
          expect(w.state(b)).toBe('CLOSED');
        },
      ),
    );
  });
});
