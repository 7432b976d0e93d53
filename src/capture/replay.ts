import { createWorld, type SentSegment, type SeqVars, type TcpState, type World } from '~/tcp/browser';
import type { Connection, ConnSegment, Side } from './connections';

/**
 * Where the capture and the model part ways, or what the model leaves out, at one segment:
 * - `syn-options`: the SYN carries options (MSS, window scale, SACK, timestamps) the model does not model;
 * - `delayed-ack`: the model would have acknowledged at once with a segment of its own; the real stack held
 *   the ACK and it rode on this segment;
 * - `abort-rst`: a RST, ACK with nothing unread: close() with SO_LINGER 0 (abort, RFC 9293 §3.10.5);
 * - `unread-rst`: a RST because data was unread at close() (RFC 9293 §3.6.1; Linux tcp_close);
 * - `retransmission`: this data, SYN or FIN was sent before;
 * - `keepalive`: a segment of no data at SND.NXT−1: a keepalive (RFC 1122 §4.2.3.6) or a window probe;
 * - `unexplained`: the model would not have sent it and none of the above fits.
 */
export type Departure =
  'syn-options' | 'delayed-ack' | 'abort-rst' | 'unread-rst' | 'retransmission' | 'keepalive' | 'unexplained';

/**
 * One segment replayed: both sides' states and sequence variables (absolute, as the model holds them; null
 * without a connection) once it has arrived, and what the model did not expect.
 */
export interface ReplayStep {
  /** Index into `Connection.segments`. */
  index: number;
  states: Record<Side, TcpState>;
  vars: Record<Side, SeqVars>;
  departures: Departure[];
}

/**
 * The replay of one connection, or why there is none: a capture that started mid-connection has no SYN, so
 * the model cannot know either side's ISN or state.
 */
export type Replay = { ok: true; start: Record<Side, TcpState>; steps: ReplayStep[] } | { ok: false; reason: 'midway' };

const U32 = 2 ** 32;
const mod = (v: number) => ((v % U32) + U32) % U32;

function same(m: SentSegment, s: ConnSegment): boolean {
  const f = s.packet.flags;
  return (
    m.from === s.from &&
    m.flags.syn === f.syn &&
    m.flags.fin === f.fin &&
    m.flags.rst === f.rst &&
    m.flags.ack === f.ack &&
    m.seq === s.seq &&
    (!f.ack || m.ack === s.packet.ack) &&
    m.len === s.packet.len
  );
}

const other = (side: Side): Side => (side === 'client' ? 'server' : 'client');

function seqVars(world: World, side: Side): SeqVars {
  const tcb = world.tcb(side);
  return tcb && tcb.state !== 'CLOSED' && tcb.state !== 'LISTEN'
    ? { sndUna: tcb.sndUna, sndNxt: tcb.sndNxt, rcvNxt: tcb.rcvNxt }
    : null;
}

/**
 * Replays a connection through the model (Linux profile, the capture's ISNs): the client connects, the
 * server listens (unless the capture shows the SYN refused), and each captured segment is matched with
 * what the model sends, after the socket call that would send it (write for data, close or shutdown for a
 * FIN, close or abort for a RST); the receiver reads at once unless it later resets the connection. A
 * segment the model would not send is put on the wire as captured (`World.inject`) and marked. Pure: the
 * world is local.
 *
 * The wire cannot tell an abort's RST, ACK from the one close() sends with data unread (Linux sends the same
 * segment): a side that sends a RST is taken not to have read, so its RST is `unread-rst` when data came
 * in after the handshake, else `abort-rst`.
 */
export function replayConnection(conn: Connection): Replay {
  if (conn.midway || conn.isn.client === null) return { ok: false, reason: 'midway' };
  const segs = conn.segments;
  const world = createWorld({
    profile: 'linux',
    isn: { client: conn.isn.client, ...(conn.isn.server !== null ? { server: conn.isn.server } : {}) },
  });
  world.call('server', 'socket');
  world.call('server', 'bind', { port: conn.server.port });
  if (conn.end.kind !== 'refused') world.call('server', 'listen');
  world.call('client', 'socket');
  world.call('client', 'connect', { port: conn.server.port });

  // Worked out once: asked after every segment, a scan each time made a long connection's replay quadratic.
  const resets: Record<Side, boolean> = {
    client: segs.some((s) => s.from === 'client' && s.packet.flags.rst),
    server: segs.some((s) => s.from === 'server' && s.packet.flags.rst),
  };
  /** A side whose FIN is followed by the peer's data, acknowledged: it only shut down its sending half. */
  const halfCloses = (side: Side) => {
    const fin = segs.findIndex((s) => s.from === side && s.packet.flags.fin);
    return fin >= 0 && segs.slice(fin + 1).some((s) => s.from === other(side) && s.packet.len > 0);
  };
  const sent: Record<Side, number | null> = { client: null, server: null }; // highest SND.NXT seen
  let accepted = false;
  const steps: ReplayStep[] = [];
  const start = { client: world.state('client'), server: world.state('server') };

  segs.forEach((s, index) => {
    const departures: Departure[] = [];
    const p = s.packet;
    const x = s.from;
    const o = p.options;
    if (p.flags.syn && (o.mss !== undefined || o.wscale !== undefined || o.sackPermitted || o.ts))
      departures.push('syn-options');
    const end = mod(s.seq + p.len + (p.flags.syn ? 1 : 0) + (p.flags.fin ? 1 : 0));
    const before = sent[x];
    const isRetransmission =
      before !== null && (p.len > 0 || p.flags.syn || p.flags.fin) && mod(before - end) < U32 / 2;
    const isKeepalive =
      before !== null && p.len <= 1 && !p.flags.syn && !p.flags.fin && !p.flags.rst && s.seq === mod(before - 1);
    let match = world.inFlight().find((m) => same(m, s));
    if (!match && !isRetransmission && !isKeepalive) {
      const tcb = world.tcb(x);
      if (p.len > 0 && !p.flags.syn) world.call(x, 'write', { len: p.len });
      if (p.flags.fin) world.call(x, halfCloses(x) ? 'shutdown' : 'close');
      if (p.flags.rst) {
        const unread = (tcb?.rcvBuf.length ?? 0) > 0;
        world.call(x, unread ? 'close' : 'abort');
        departures.push(unread ? 'unread-rst' : 'abort-rst');
      }
      match = world.inFlight().find((m) => same(m, s));
    }
    if (match) {
      // The model's own pure ACKs from this side that the capture never showed: the real stack delayed them.
      for (const m of world.inFlight()) {
        if (m.id >= match.id || m.from !== x) continue;
        if (m.len === 0 && !m.flags.syn && !m.flags.fin && !m.flags.rst) {
          world.drop(m.id);
          if (!departures.includes('delayed-ack')) departures.push('delayed-ack');
        }
      }
      world.deliver(match.id);
    } else {
      if (isRetransmission) departures.push('retransmission');
      else if (isKeepalive) departures.push('keepalive');
      else if (!departures.some((d) => d === 'abort-rst' || d === 'unread-rst')) departures.push('unexplained');
      const injected = world.inject(x, {
        flags: { syn: p.flags.syn, ack: p.flags.ack, fin: p.flags.fin, rst: p.flags.rst },
        seq: s.seq,
        ack: p.ack ?? 0,
        len: p.len,
      });
      world.deliver(injected.id);
    }
    if (sent[x] === null || mod(end - sent[x]!) < U32 / 2) sent[x] = end;
    if (!accepted && world.state('server') === 'ESTABLISHED') accepted = world.call('server', 'accept').ok;
    const receiver = other(x);
    if (!resets[receiver] && (receiver === 'client' || accepted)) world.call(receiver, 'read', { max: 1 << 30 });
    world.takeLog();
    steps.push({
      index,
      states: { client: world.state('client'), server: world.state('server') },
      vars: { client: seqVars(world, 'client'), server: seqVars(world, 'server') },
      departures,
    });
  });
  return { ok: true, start, steps };
}
