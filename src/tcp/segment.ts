/** Building and describing segments. All functions are pure. */
import type { TraceStep } from './run';
import type { Injection, Segment, SentSegment } from './types';

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

/** The names of a segment's flags in reading order (SYN, FIN, RST, then ACK), e.g. ["FIN", "ACK"]. Pure. */
export function flagNames(s: Pick<Segment, 'flags'>): ('SYN' | 'FIN' | 'RST' | 'ACK')[] {
  return (['SYN', 'FIN', 'RST', 'ACK'] as const).filter(
    (name) => s.flags[name.toLowerCase() as Lowercase<typeof name>],
  );
}

/** The flags of a segment as a reader sees them, e.g. "SYN, ACK" or "FIN, ACK". Pure. */
export function formatFlags(s: Pick<Segment, 'flags'>): string {
  return flagNames(s).join(', ');
}

/**
 * A segment's label wherever the site shows one (diagrams, tables, the simulator's log), e.g.
 * "SYN, ACK seq=300 ack=101" or "ACK seq=101 ack=301 len=5": ack only with the ACK flag, len only with data. Pure.
 */
export function segmentLabel(s: SentSegment): string {
  return `${formatFlags(s)} seq=${s.seq}${s.flags.ack ? ` ack=${s.ack}` : ''}${s.len ? ` len=${s.len}` : ''}`;
}

/** SEG.LEN of RFC 9293 §3.4: data bytes plus one for SYN and one for FIN. Pure. */
export const segLen = (s: Segment): number => s.len + (s.flags.syn ? 1 : 0) + (s.flags.fin ? 1 : 0);

/** The segment an injection describes, as `World.inject` takes it. Pure. */
export const injectionSegment = (i: Injection): Segment =>
  seg(i.flags.join(','), i.seq, i.ack, i.data?.length ?? i.len ?? 0, i.data);

/**
 * A call as the diagrams write it: `connect(80)`, `write('hello')`, `read() → 5`, `accept() → EINVAL`; '' for a
 * step that is not a call. Socket vocabulary, the same in every language. Pure.
 */
export function callText(st: TraceStep): string {
  const step = st.step;
  if (!('call' in step)) return '';
  const a = step.args ?? {};
  const arg =
    step.op === 'bind' || step.op === 'connect'
      ? (a.port ?? '')
      : step.op === 'shutdown'
        ? (a.how ?? 'SHUT_WR')
        : (step.op === 'write' || step.op === 'send') && a.data !== undefined
          ? `'${a.data}'`
          : '';
  const r = st.result as { ok: boolean; errno?: string; value?: number } | undefined;
  const res = !r
    ? ''
    : !r.ok
      ? ` → ${r.errno}`
      : (step.op === 'read' || step.op === 'recv') && r.value !== undefined
        ? ` → ${r.value}${r.value ? '' : ' (EOF)'}`
        : '';
  return `${step.op}(${arg})${res}`;
}
