/** Building and describing segments. All functions are pure. */
import type { Injection, Segment } from './types';

/** A segment from a flags string such as "SYN,ACK" (order free). Pure. */
export function seg(flags: string, seq: number, ack = 0, len = 0, data?: string): Segment {
  const has = (f: string) => flags.includes(f);
  const s: Segment = {
    flags: { syn: has('SYN'), ack: has('ACK'), fin: has('FIN'), rst: has('RST') },
    seq: seq >>> 0,
    ack: has('ACK') ? ack >>> 0 : 0,
    len,
  };
  if (data !== undefined) s.data = data;
  return s;
}

/** The flags of a segment as a reader sees them, e.g. "SYN, ACK" or "FIN, ACK" (SYN, FIN, RST, then ACK). Pure. */
export function formatFlags(s: Pick<Segment, 'flags'>): string {
  const f = s.flags;
  return [f.syn && 'SYN', f.fin && 'FIN', f.rst && 'RST', f.ack && 'ACK'].filter(Boolean).join(', ');
}

/** SEG.LEN of RFC 9293 §3.4: data bytes plus one for SYN and one for FIN. Pure. */
export const segLen = (s: Segment): number => s.len + (s.flags.syn ? 1 : 0) + (s.flags.fin ? 1 : 0);

/** The segment an injection describes, as `World.inject` takes it. Pure. */
export const injectionSegment = (i: Injection): Segment =>
  seg(i.flags.join(','), i.seq, i.ack, i.data?.length ?? i.len ?? 0, i.data);
