import type { TcpPacket, Timestamp } from './types';

/** The side that sent the first SYN (without ACK), as the lessons name them. */
export type Side = 'client' | 'server';

/** One end of a connection. */
export interface Endpoint {
  addr: string;
  port: number;
}

/**
 * A segment of one connection: the packet, who sent it, its sequence number (filled in where tcpdump's text
 * left it out: the sender's next sequence number) and its numbers relative to each side's ISN, as the
 * lessons write them (the SYN is 0, the first data byte 1), e.g.
 * `{ "from": "server", "seq": 3407642695, "relSeq": 0, "relAck": 1, "packet": {…} }`.
 */
export interface ConnSegment {
  packet: TcpPacket;
  from: Side;
  seq: number;
  relSeq: number;
  relAck: number | null;
}

/**
 * How a connection ended in the capture: `refused` (a SYN answered by RST), `reset` (a RST, `by` who sent
 * it), `closed` (a FIN each way, the last one acknowledged; `first` sent the first FIN), `closing` (the FINs
 * seen so far), `open` (neither).
 */
export type Ending =
  | { kind: 'refused' }
  | { kind: 'reset'; by: Side }
  | { kind: 'closed'; first: Side }
  | { kind: 'closing'; fins: Side[] }
  | { kind: 'open' };

/** A TCP connection found in a capture. `midway`: the capture has no SYN from the client, so it started later. */
export interface Connection {
  /** From 1, in order of each connection's first packet. */
  id: number;
  client: Endpoint;
  server: Endpoint;
  /** The initial sequence numbers, from the SYNs; null when the capture has none from that side. */
  isn: Record<Side, number | null>;
  midway: boolean;
  segments: ConnSegment[];
  first: Timestamp | null;
  last: Timestamp | null;
  end: Ending;
}

const U32 = 2 ** 32;
const mod = (v: number) => ((v % U32) + U32) % U32;

interface Building {
  conn: Connection;
  /** Each side's next sequence number so far (highest seq + length), and its base for relative numbers. */
  next: Partial<Record<Side, number>>;
  base: Partial<Record<Side, number>>;
  /** Each side's latest ACK number, to fill in a pure ACK's missing seq. */
  lastAck: Partial<Record<Side, number>>;
  /** What `ending` needs, kept as segments arrive so grouping stays linear. */
  rst: Side | null;
  synAck: boolean;
  fins: Side[];
  lastFin: { from: Side; end: number } | null;
  lastFinAcked: boolean;
  over: boolean;
}

/** `a` comes after `b` in sequence space (RFC 9293 §3.4). */
function after(a: number, b: number): boolean {
  const d = mod(a - b);
  return d !== 0 && d < U32 / 2;
}

/**
 * Groups a capture's segments into connections by their 4-tuple, in capture order. A SYN without ACK on a
 * 4-tuple whose connection has ended (RST, or both FINs) starts a new connection: the port pair reused
 * (e.g. from TIME_WAIT). Pure.
 */
export function groupConnections(packets: readonly TcpPacket[]): Connection[] {
  const open = new Map<string, Building>();
  const all: Connection[] = [];
  for (const p of packets) {
    const a = `${p.src}|${p.sport}`;
    const b = `${p.dst}|${p.dport}`;
    const key = a < b ? `${a}|${b}` : `${b}|${a}`;
    let c = open.get(key);
    const freshSyn = p.flags.syn && !p.flags.ack;
    if (!c || (c.over && freshSyn && (c.conn.isn.client === null || p.seq !== c.conn.isn.client))) {
      const starts = freshSyn || !p.flags.syn || !p.flags.ack;
      // A SYN, ACK first means the capture missed the SYN: its sender is the server.
      const clientIsSrc = starts;
      const src = { addr: p.src, port: p.sport };
      const dst = { addr: p.dst, port: p.dport };
      c = {
        conn: {
          id: all.length + 1,
          client: clientIsSrc ? src : dst,
          server: clientIsSrc ? dst : src,
          isn: { client: null, server: null },
          midway: !freshSyn,
          segments: [],
          first: p.time,
          last: p.time,
          end: { kind: 'open' },
        },
        next: {},
        base: {},
        lastAck: {},
        rst: null,
        synAck: false,
        fins: [],
        lastFin: null,
        lastFinAcked: false,
        over: false,
      };
      open.set(key, c);
      all.push(c.conn);
    }
    add(c, p);
  }
  return all;
}

function add(c: Building, p: TcpPacket): void {
  const { conn } = c;
  const from: Side = p.src === conn.client.addr && p.sport === conn.client.port ? 'client' : 'server';
  const peer: Side = from === 'client' ? 'server' : 'client';
  const seq = p.seq ?? c.next[from] ?? c.lastAck[peer] ?? 0;
  if (p.flags.syn && conn.isn[from] === null) conn.isn[from] = seq;
  if (c.base[from] === undefined) c.base[from] = p.flags.syn ? seq : mod(seq - 1);
  if (p.ack !== null && c.base[peer] === undefined) c.base[peer] = mod(p.ack - 1);
  const end = mod(seq + p.len + (p.flags.syn ? 1 : 0) + (p.flags.fin ? 1 : 0));
  const known = c.next[from];
  if (known === undefined || after(end, known)) c.next[from] = end;
  if (p.ack !== null) c.lastAck[from] = p.ack;
  conn.segments.push({
    packet: p,
    from,
    seq,
    relSeq: mod(seq - c.base[from]!),
    relAck: p.ack === null ? null : mod(p.ack - c.base[peer]!),
  });
  if (p.time) conn.last = p.time;
  if (p.flags.rst && c.rst === null) c.rst = from;
  if (p.flags.syn && p.flags.ack) c.synAck = true;
  if (p.flags.fin) {
    if (!c.fins.includes(from)) c.fins.push(from);
    c.lastFin = { from, end };
    c.lastFinAcked = false;
  } else if (c.lastFin && from !== c.lastFin.from && p.ack !== null && !after(c.lastFin.end, p.ack))
    c.lastFinAcked = true;
  conn.end = ending(c);
  c.over = conn.end.kind === 'refused' || conn.end.kind === 'reset' || conn.end.kind === 'closed';
}

function ending(c: Building): Ending {
  if (c.rst !== null)
    return !c.synAck && !c.conn.midway && c.rst === 'server' ? { kind: 'refused' } : { kind: 'reset', by: c.rst };
  if (c.fins.length === 0) return { kind: 'open' };
  if (c.fins.length === 2 && c.lastFinAcked) return { kind: 'closed', first: c.fins[0]! };
  return { kind: 'closing', fins: [...c.fins] };
}
