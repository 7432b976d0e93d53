/**
 * A deterministic little world: two hosts (client and server) joined by a network you drive by hand.
 * This is the one stateful object of the model; it calls the pure transitions and keeps a log of what
 * each operation did, which the scenario runner turns into a trace.
 */
import type {
  CallArgs,
  CallName,
  CallResult,
  Errno,
  Profile,
  RfcMessage,
  Segment,
  SentSegment,
  Side,
  TcpError,
  TcpState,
  TimerKind,
} from './types';
import { mulberry32Next } from './prng';
import { closedReply, listenReceive, receive } from './receive';
import {
  abortSegment,
  activeOpen,
  userAbort,
  userClose,
  userRead,
  userShutdown,
  userWrite,
  type CallTransition,
} from './calls';
import { fireTimer as fire } from './timers';
import { newTcb, type Tcb, type Transition } from './tcb';

/**
 * Options of `createWorld`. `isn` gives a side's ISN, or a list: its first connection uses the first
 * number, the next connection the next one; ISNs not given are drawn from the seed.
 * Example: `{ "seed": 7, "profile": "linux", "isn": { "client": [90, 100], "server": 300 } }`
 */
export interface WorldOptions {
  seed?: number;
  profile?: Profile;
  isn?: { client?: number | number[]; server?: number | number[] };
}

/** A socket a host holds: the listener or the connection, with its TCB. */
interface Sock {
  tcb: Tcb;
  /** The application still holds the descriptor. */
  fd: boolean;
  port: number | null;
  /** For a connecting socket: the port it connects to. */
  peer: number | null;
}

/** One host: the socket made by socket() (`main`, a listener or a connection) and the connection a listener spawned. */
interface Host {
  main: Sock | null;
  conn: Sock | null;
  accepted: boolean;
}

/** Which in-flight segment a network step means: the oldest ("next"), the oldest from a side, or an id. */
export type Selector = 'next' | Side | number;

/** A state change of one TCB (`socket` is "listener" or "conn"), as the log records it. */
export interface StateChange {
  side: Side;
  from: TcpState;
  to: TcpState;
}

/**
 * An error in the log: a failed call's, or one a segment raised (`op` "connect" or "recv").
 * Example: `{ "side": "client", "op": "connect", "errno": "ECONNREFUSED", "rfc": "connection reset" }`
 */
export interface LoggedError extends TcpError {
  side: Side;
  op: string;
}

/** What one operation did. Example: `{ "sent": [ … ], "errors": [ { "side": "client", "op": "connect", "errno": "ECONNREFUSED", "rfc": "connection reset" } ], "changes": [ … ] }` */
export interface WorldLog {
  sent: SentSegment[];
  errors: LoggedError[];
  changes: StateChange[];
}

/** A failed call's result as a log entry. Pure. */
const errorOf = (side: Side, op: string, r: CallResult & { ok: false }): LoggedError => ({
  side,
  op,
  errno: r.errno,
  ...(r.rfc ? { rfc: r.rfc } : {}),
});

/** A JSON-friendly picture of the world. */
export interface WorldSnapshot {
  profile: Profile;
  client: { state: TcpState; listener: TcpState | null; tcb: Tcb | null };
  server: { state: TcpState; listener: TcpState | null; tcb: Tcb | null };
  inFlight: SentSegment[];
}

/**
 * Everything a world holds, as plain JSON (`World.save`): its sockets and TCBs, the network, the next
 * segment id, the ISNs still to hand out and the random source's state. Opaque to callers: keep it and
 * give it back to `World.restore` (undo, "restart from here").
 */
export interface WorldState {
  version: 1;
  profile: Profile;
  isn: { client: number; server: number };
  isns: { client: number[]; server: number[] };
  rand: number;
  hosts: Record<Side, Host>;
  net: { s: SentSegment; port: number | null }[];
  nextId: number;
}

/** The simulation object. Every method is deterministic given the options. */
export interface World {
  readonly profile: Profile;
  /** The ISNs the first connection of each side uses (given, or drawn from the seed). */
  readonly isn: { client: number; server: number };
  /** A socket call by `side`. Server calls after accept() go to the accepted connection (close/abort: `args.fd` picks). */
  call(side: Side, op: CallName, args?: CallArgs): CallResult;
  /** Delivers an in-flight segment (default: the oldest) to the other side; returns it, or undefined if none matched. */
  deliver(which?: Selector, opts?: { delayAck?: boolean }): SentSegment | undefined;
  /** Loses an in-flight segment (default: the oldest). */
  drop(which?: Selector): SentSegment | undefined;
  /** Moves an in-flight segment (default: the oldest) behind all others, so later ones overtake it. */
  delay(which?: Selector): SentSegment | undefined;
  /**
   * Puts any segment on the wire as if `from` had sent it, without its TCB knowing: an old duplicate, a
   * what-if, a segment replayed from a capture. It joins the in-flight segments (deliver it like any
   * other) with the next id and `injected: true`. `port` is the destination port (default: any
   * listener). `seq` and `ack` are taken modulo 2^32; `ack` counts only with the ACK flag; with `data`,
   * `len` is its length.
   */
  inject(from: Side, segment: Segment, opts?: { port?: number }): SentSegment;
  /**
   * `side`'s host crashes and reboots: every socket and TCB it had is gone, with nothing sent (RFC 9293
   * §3.5.2, half-open connections). Segments already in flight stay there; a segment that reaches it now
   * meets no connection (a RST, §3.10.7.1). The program may call socket() again. The log records one
   * change, from the side's `state` to CLOSED.
   */
  crash(side: Side): void;
  /** Fires a timer of `side`'s connection; false when that timer is not running. */
  fireTimer(side: Side, kind: TimerKind): boolean;
  /** Segments in flight, oldest first. */
  inFlight(): readonly SentSegment[];
  /**
   * The state a reader would name for `side`: its connection's state if it has one (for the server the
   * accepted or half-open connection, even once CLOSED), else its listener's, else CLOSED.
   */
  state(side: Side): TcpState;
  /** The TCB of `side`'s connection, if any (a copy). */
  tcb(side: Side): Tcb | null;
  snapshot(): WorldSnapshot;
  /** Everything the world holds, a deep copy as plain JSON: `restore` it later to go back (undo). */
  save(): WorldState;
  /**
   * Puts the world back as `save` found it and clears the log. Throws a RangeError for a state of
   * another profile or format.
   */
  restore(state: WorldState): void;
  /** Returns and clears the log of everything done since the last call. */
  takeLog(): WorldLog;
}

/** The first ephemeral port Linux hands out (ip_local_port_range starts at 32768). */
const EPHEMERAL = 32768;

/** Creates a world. Not pure: the returned object holds state; everything it does is deterministic. */
export function createWorld(opts: WorldOptions = {}): World {
  const profile = opts.profile ?? 'rfc9293';
  let randState = (opts.seed ?? 0) >>> 0;
  const rand = (): number => {
    const [v, n] = mulberry32Next(randState);
    randState = n;
    return v;
  };
  // Both first ISNs are drawn even when given, so a seed always yields the same later ISNs.
  const drawn = { client: rand(), server: rand() };
  const queue = (side: Side): number[] => {
    const given = [opts.isn?.[side] ?? []].flat();
    return (given.length ? given : [drawn[side]]).map((n) => n >>> 0);
  };
  const isns = { client: queue('client'), server: queue('server') };
  const isn = { client: isns.client[0]!, server: isns.server[0]! };
  let hosts: Record<Side, Host> = {
    client: { main: null, conn: null, accepted: false },
    server: { main: null, conn: null, accepted: false },
  };
  let net: { s: SentSegment; port: number | null }[] = [];
  let nextId = 1;
  let log: WorldLog = { sent: [], errors: [], changes: [] };
  const other = (side: Side): Side => (side === 'client' ? 'server' : 'client');

  const nextIss = (side: Side): number => isns[side].shift() ?? rand();
  const send = (from: Side, out: Segment[], port: number | null, retransmit = false) => {
    for (const seg of out) {
      const s: SentSegment = { ...seg, id: nextId++, from };
      if (retransmit) s.retransmit = true;
      net.push({ s, port });
      log.sent.push(s);
    }
  };
  /** Applies a transition to a socket: new TCB, state change, segments, async error. */
  const apply = (side: Side, sock: Sock, tr: Transition, op?: string, retransmit = false) => {
    const from = sock.tcb.state;
    sock.tcb = tr.tcb;
    if (from !== tr.tcb.state) log.changes.push({ side, from, to: tr.tcb.state });
    send(side, tr.out, sock.peer, retransmit);
    if (tr.error && op) log.errors.push({ side, op, errno: tr.error, ...(tr.rfc ? { rfc: tr.rfc } : {}) });
    const h = hosts[side];
    // RFC 9293 §3.10.7.4: a RST returns a passive SYN_RECEIVED to LISTEN; the listener is still there, so drop the child
    if (sock === h.conn && tr.tcb.state === 'LISTEN') {
      h.conn = null;
      h.accepted = false;
    }
  };
  const connOf = (h: Host): Sock | null => {
    for (const s of [h.conn, h.main]) if (s && s.tcb.state !== 'CLOSED' && s.tcb.state !== 'LISTEN') return s;
    return null;
  };
  /** The socket read/write/shutdown act on: the accepted connection, else the socket() one. */
  const dataSock = (h: Host): Sock | null => (h.accepted && h.conn ? h.conn : h.main);
  /** Takes the selected segment (with the port it is addressed to) off the network. */
  const take = (which: Selector = 'next') => {
    const i = net.findIndex(({ s }) => which === 'next' || s.from === which || s.id === which);
    return i < 0 ? undefined : net.splice(i, 1)[0];
  };

  const arrive = (to: Side, s: SentSegment, port: number | null, delayAck: boolean) => {
    const h = hosts[to];
    const c = connOf(h);
    if (c) {
      apply(to, c, receive(c.tcb, s, profile, delayAck), c.tcb.state === 'SYN_SENT' ? 'connect' : 'recv');
      return;
    }
    const l = h.main;
    if (l && l.tcb.state === 'LISTEN' && (port === null || l.port === null || port === l.port)) {
      const r = listenReceive(s, s.flags.syn && !s.flags.ack && !s.flags.rst ? nextIss(to) : 0, profile);
      if (r.tcb) {
        h.conn = { tcb: newTcb('LISTEN', r.tcb.iss), fd: false, port: l.port, peer: null };
        h.accepted = false;
        apply(to, h.conn, { tcb: r.tcb, out: r.out });
      } else send(to, r.out, null);
      return;
    }
    send(to, closedReply(s), null);
  };

  const callOn = (side: Side, sock: Sock | null, tr: (t: Tcb) => CallTransition, op: string): CallResult => {
    if (!sock || !sock.fd) return { ok: false, errno: 'EBADF', reason: 'no-socket' };
    const r = tr(sock.tcb);
    apply(side, sock, r, op);
    if (!r.result.ok) log.errors.push(errorOf(side, op, r.result));
    return r.result;
  };

  const call = (side: Side, op: CallName, args: CallArgs = {}): CallResult => {
    const h = hosts[side];
    const m = h.main;
    const err = (errno: Errno, reason: string, rfc?: RfcMessage): CallResult => {
      const r: CallResult = { ok: false, errno, reason, ...(rfc ? { rfc } : {}) };
      log.errors.push(errorOf(side, op, r));
      return r;
    };
    if (op === 'socket') {
      if (m && (m.fd || m.tcb.state !== 'CLOSED')) return err('EMFILE', 'one-socket-per-side');
      h.main = { tcb: newTcb('CLOSED', 0), fd: true, port: null, peer: null };
      return { ok: true, value: 3 };
    }
    if (op === 'write' || op === 'send') {
      const data = args.data ?? '.'.repeat(Math.max(0, args.len ?? 1));
      return callOn(side, dataSock(h), (t) => userWrite(t, data, profile), op);
    }
    if (op === 'read' || op === 'recv') return callOn(side, dataSock(h), (t) => userRead(t, args.max, profile), op);
    if (op === 'shutdown') return callOn(side, dataSock(h), (t) => userShutdown(t, profile, args.how), op);
    if (op === 'close' || op === 'abort') {
      const sock = args.fd === 'listener' ? m : args.fd === 'conn' ? (h.accepted ? h.conn : null) : dataSock(h);
      if (sock && sock.fd && sock === m && m.tcb.state === 'LISTEN') {
        // closing a listener resets the connections it made that nobody accepted
        const c = h.conn;
        if (c && !h.accepted) {
          apply(side, c, { tcb: { ...c.tcb, state: 'CLOSED' }, out: abortSegment(c.tcb, profile) });
          h.conn = null;
        }
      }
      const r = callOn(side, sock, (t) => (op === 'close' ? userClose(t, profile) : userAbort(t, profile)), op);
      if (sock && r.ok) sock.fd = false;
      return r;
    }
    if (!m || !m.fd) return err('EBADF', 'no-socket');
    const st = m.tcb.state;
    switch (op) {
      case 'bind':
        if (m.port !== null) return err('EINVAL', 'already-bound');
        m.port = args.port ?? EPHEMERAL;
        return { ok: true };
      case 'listen':
        if (st === 'LISTEN') return { ok: true };
        if (st !== 'CLOSED' || m.tcb.sndNxt !== m.tcb.iss) return err('EINVAL', 'listen-on-connected-socket');
        m.port ??= EPHEMERAL; // Linux binds an unbound socket to an ephemeral port
        apply(side, m, { tcb: newTcb('LISTEN', 0), out: [] });
        return { ok: true };
      case 'accept': {
        if (st !== 'LISTEN') return err('EINVAL', 'accept-before-listen');
        const c = h.conn;
        if (!c || h.accepted || c.tcb.state === 'SYN_RECEIVED' || c.tcb.state === 'CLOSED')
          return err('EAGAIN', 'would-block');
        h.accepted = true;
        c.fd = true;
        return { ok: true, value: 4 };
      }
      case 'connect': {
        // RFC 9293 §3.10.1 OPEN in any state but CLOSED and LISTEN: "error: connection already exists"
        if (st === 'SYN_SENT') return err('EALREADY', 'connect-in-progress', 'connection already exists');
        if (st === 'LISTEN' && profile === 'linux') return err('EISCONN', 'connect-on-listener');
        if (st !== 'CLOSED' && st !== 'LISTEN') return err('EISCONN', 'already-connected', 'connection already exists');
        // RFC 9293 §3.10.1: an active OPEN on a listener turns it into an active connection
        m.peer = args.port ?? null;
        m.port ??= EPHEMERAL;
        // data on the SYN (TCP Fast Open's shape): `data`, or `len` bytes
        apply(side, m, activeOpen(nextIss(side), args.data ?? '.'.repeat(args.len ?? 0)));
        return { ok: true };
      }
      default:
        // only a caller outside TypeScript (a page's data attribute) can name another call
        return err('EINVAL', 'unknown-call');
    }
  };

  const world: World = {
    profile,
    isn,
    call,
    deliver(which, o) {
      const e = take(which);
      if (e) arrive(other(e.s.from), e.s, e.port, o?.delayAck ?? false);
      return e?.s;
    },
    drop: (which) => take(which)?.s,
    inject(from, segment, opts) {
      const data = segment.data;
      const s: SentSegment = {
        flags: { ...segment.flags },
        seq: segment.seq >>> 0,
        ack: segment.flags.ack ? segment.ack >>> 0 : 0,
        len: data === undefined ? Math.max(0, segment.len) : data.length,
        id: nextId++,
        from,
        injected: true,
      };
      if (data !== undefined) s.data = data;
      net.push({ s, port: opts?.port ?? null });
      log.sent.push(s);
      return s;
    },
    crash(side) {
      // one change, of the state a reader names for the side: a listener that goes too is part of the crash
      const from = world.state(side);
      if (from !== 'CLOSED') log.changes.push({ side, from, to: 'CLOSED' });
      hosts[side] = { main: null, conn: null, accepted: false };
    },
    delay(which) {
      const e = take(which);
      if (e) net.push(e);
      return e?.s;
    },
    fireTimer(side, kind) {
      const c = connOf(hosts[side]);
      const tr = c && fire(c.tcb, kind, profile);
      if (!c || !tr) return false;
      apply(side, c, tr, undefined, kind === 'retransmit');
      return true;
    },
    inFlight: () => net.map((e) => e.s),
    state(side) {
      const h = hosts[side];
      return (h.conn ?? h.main)?.tcb.state ?? 'CLOSED';
    },
    tcb(side) {
      const h = hosts[side];
      const c = connOf(h) ?? h.conn ?? (h.main?.tcb.state === 'LISTEN' ? null : h.main);
      return c ? { ...c.tcb } : null;
    },
    snapshot() {
      const view = (side: Side) => {
        const m = hosts[side].main;
        return {
          state: world.state(side),
          listener: m && m.tcb.state === 'LISTEN' ? m.tcb.state : null,
          tcb: world.tcb(side),
        };
      };
      return { profile, client: view('client'), server: view('server'), inFlight: net.map((e) => ({ ...e.s })) };
    },
    save: () =>
      JSON.parse(
        JSON.stringify({ version: 1, profile, isn, isns, rand: randState, hosts, net, nextId } satisfies WorldState),
      ) as WorldState,
    restore(state) {
      if (state?.version !== 1 || state.profile !== profile)
        throw new RangeError(
          `World.restore: expected a state saved by a ${profile} world (version 1), got ${JSON.stringify({ version: state?.version, profile: state?.profile })}`,
        );
      const s = JSON.parse(JSON.stringify(state)) as WorldState;
      Object.assign(isn, s.isn);
      isns.client = s.isns.client;
      isns.server = s.isns.server;
      randState = s.rand;
      hosts = s.hosts;
      net = s.net;
      nextId = s.nextId;
      log = { sent: [], errors: [], changes: [] };
    },
    takeLog() {
      const l = log;
      log = { sent: [], errors: [], changes: [] };
      return l;
    },
  };
  return world;
}
