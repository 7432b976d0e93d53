/**
 * What the capture page asks of a capture, wherever it runs (the Web Worker, or the page itself when no
 * worker can start): read the input into connections, then replay one connection at a time. Everything it
 * returns is plain data, the same in a worker message and in a direct call, with no words for a reader: the
 * page turns codes into sentences (./messages.ts). Pure apart from the state it keeps between calls.
 */
import { groupConnections, type Connection, type Ending, type Endpoint, type Side } from '../connections';
import { captureSteps, captureTextSteps } from '../parse';
import { isPcap } from '../pcap';
import { isPcapng } from '../pcapng';
import { replayConnection, type Departure } from '../replay';
import type { ParseSteps } from '../steps';
import type { CaptureFormat, FatalError, TcpFlags, TimeKind, Timestamp, Warning } from '../types';
import { segmentLabel, type TcpState } from '~/tcp/browser';

/** What the reader gave: a file's bytes, or pasted text. */
export type CaptureInput = { bytes: Uint8Array } | { text: string };

/** Which kind of file a failed input was, so a message can say "a pcapng file with no TCP". */
export type InputKind = 'pcap' | 'pcapng' | 'text';

/** One connection in the list, e.g. `{ "id": 1, "client": {…}, "server": {…}, "segments": 10, "first": {…}, "last": {…}, "end": { "kind": "closed", "first": "client" }, "midway": false }`. */
export interface ConnectionSummary {
  id: number;
  client: Endpoint;
  server: Endpoint;
  segments: number;
  first: Timestamp | null;
  last: Timestamp | null;
  end: Ending;
  midway: boolean;
}

/** The outcome of reading an input: the connections, or why there are none. */
export type Loaded =
  | { ok: false; error: FatalError; kind: InputKind }
  | {
      ok: true;
      format: CaptureFormat;
      timeKind: TimeKind;
      /** Packets in the capture, TCP or not. */
      total: number;
      /** TCP segments among them. */
      tcp: number;
      warnings: Warning[];
      connections: ConnectionSummary[];
    };

/** Each side's [SND.UNA, SND.NXT, RCV.NXT], relative to the ISNs as the lessons number them; null without a connection. */
export type RelVars = Record<Side, [number, number, number] | null>;

/**
 * One segment of a connection as the page shows it: numbers relative to the ISNs (the SYN is 0), the time
 * since the connection's first segment in milliseconds (null when the capture has no times), and, when the
 * connection could be replayed, both sides' states and variables after it and where the model departs. E.g.
 * `{ "n": 4, "from": "client", "flags": {…}, "label": "ACK seq=1 ack=1 len=22", "seq": 1, "ack": 1, "len": 22, "ms": 5.1, "states": { "client": "ESTABLISHED", "server": "ESTABLISHED" }, "vars": {…}, "departures": [] }`
 */
export interface SegmentView {
  /** The packet's number in the capture, from 1. */
  n: number;
  from: Side;
  flags: Pick<TcpFlags, 'syn' | 'ack' | 'fin' | 'rst'>;
  /** As the lessons label a segment, with the relative numbers: "SYN, ACK seq=0 ack=1". */
  label: string;
  seq: number;
  ack: number | null;
  len: number;
  ms: number | null;
  states: Record<Side, TcpState> | null;
  vars: RelVars | null;
  departures: Departure[];
}

/** A connection ready to draw and step through. `replayed` is false for a capture that started midway. */
export interface ConnectionView {
  id: number;
  client: Endpoint;
  server: Endpoint;
  replayed: boolean;
  /** Both sides' states before the first segment (after the calls that send it); null when not replayed. */
  start: Record<Side, TcpState> | null;
  segments: SegmentView[];
}

const U32 = 2 ** 32;
const rel = (v: number, base: number) => (((v - base) % U32) + U32) % U32;

/** Milliseconds from `a` to `b`. Pure. */
export function msBetween(a: Timestamp, b: Timestamp): number {
  return (b.s - a.s) * 1000 + (b.ns - a.ns) / 1e6;
}

/** Which kind of input `input` is, as its first bytes tell. Pure. */
export function inputKind(input: CaptureInput): InputKind {
  if ('text' in input) return 'text';
  return isPcap(input.bytes) ? 'pcap' : isPcapng(input.bytes) ? 'pcapng' : 'text';
}

/** The summary of one connection for the list. Pure. */
export function summarize(c: Connection): ConnectionSummary {
  return {
    id: c.id,
    client: c.client,
    server: c.server,
    segments: c.segments.length,
    first: c.first,
    last: c.last,
    end: c.end,
    midway: c.midway,
  };
}

/** The view of one connection: its segments with relative numbers and times, replayed through the model. Pure. */
export function viewConnection(c: Connection): ConnectionView {
  const replay = replayConnection(c);
  const steps = replay.ok ? replay.steps : null;
  const isn = (side: Side) => c.isn[side] ?? 0;
  const peer = (side: Side): Side => (side === 'client' ? 'server' : 'client');
  const segments = c.segments.map((s, i): SegmentView => {
    const step = steps?.[i];
    const f = s.packet.flags;
    const t = s.packet.time;
    let vars: RelVars | null = null;
    if (step) {
      vars = { client: null, server: null };
      for (const side of ['client', 'server'] as const) {
        const v = step.vars[side];
        if (v) vars[side] = [rel(v.sndUna, isn(side)), rel(v.sndNxt, isn(side)), rel(v.rcvNxt, isn(peer(side)))];
      }
    }
    const flags = { syn: f.syn, ack: f.ack, fin: f.fin, rst: f.rst };
    return {
      n: s.packet.n,
      from: s.from,
      flags,
      label: segmentLabel({ id: i, from: s.from, flags, seq: s.relSeq, ack: s.relAck ?? 0, len: s.packet.len }),
      seq: s.relSeq,
      ack: s.relAck,
      len: s.packet.len,
      ms: t && c.first ? msBetween(c.first, t) : null,
      states: step ? step.states : null,
      vars,
      departures: step ? step.departures : [],
    };
  });
  return {
    id: c.id,
    client: c.client,
    server: c.server,
    replayed: replay.ok,
    start: replay.ok ? replay.start : null,
    segments,
  };
}

/**
 * One reader's capture: `load` reads an input (as steps yielding the fraction read, so the caller can show
 * progress and, on the page's own thread, pause between slices), keeping its connections; `view` replays
 * one of them. A new `load` replaces the last.
 */
export class CaptureSession {
  private connections: Connection[] = [];

  *load(input: CaptureInput): Generator<number, Loaded, void> {
    this.connections = [];
    const steps: ParseSteps = 'text' in input ? captureTextSteps(input.text) : captureSteps(input.bytes);
    let r;
    try {
      r = yield* steps;
    } catch {
      // The readers check every length before reading; this is the last guard, as in `drive`.
      r = { ok: false as const, error: { code: 'corrupt' as const, at: 0 } };
    }
    if (!r.ok) return { ok: false, error: r.error, kind: inputKind(input) };
    this.connections = groupConnections(r.packets);
    return {
      ok: true,
      format: r.format,
      timeKind: r.timeKind,
      total: r.total,
      tcp: r.packets.length,
      warnings: r.warnings,
      connections: this.connections.map(summarize),
    };
  }

  /** The view of connection `id` (from 1), or null when the last load has none with that id. */
  view(id: number): ConnectionView | null {
    const c = this.connections[id - 1];
    return c ? viewConnection(c) : null;
  }
}

/** Runs `load` straight through (the worker, tests and the bench). Pure apart from `progress`. */
export function loadAll(session: CaptureSession, input: CaptureInput, progress?: (f: number) => void): Loaded {
  const steps = session.load(input);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    progress?.(r.value);
  }
}
