import { formatFlags, segLen, seqAdd, type Side, type Trace } from '~/tcp';

/**
 * One row of a worked sequence-number table: a segment the model sent, how many sequence numbers it
 * takes (data bytes, plus one for SYN, plus one for FIN; RFC 9293 §3.4) and the sender's next
 * sequence number after it. `ack` is null when the segment has no ACK flag. Example:
 * `{ "n": 4, "from": "client", "flags": "ACK", "seq": 101, "data": "hello", "len": 5, "syn": false, "fin": false, "uses": 5, "next": 106, "ack": 301 }`
 */
export interface SequenceRow {
  /** The segment's number in sending order, from 1 (as number questions count them). */
  n: number;
  from: Side;
  flags: string;
  seq: number;
  data?: string;
  len: number;
  syn: boolean;
  fin: boolean;
  uses: number;
  next: number;
  ack: number | null;
}

/**
 * Runs a scenario file through the model and lists every segment it sends, in sending order, as
 * rows of a worked table. Pure (given the file's JSON); throws the model's ScenarioError, which
 * names the file and step, for a broken scenario.
 */
export function sequenceRows(trace: Trace): SequenceRow[] {
  return trace.steps.flatMap((step) =>
    step.sent.map((s) => ({
      n: s.id,
      from: s.from,
      flags: formatFlags(s),
      seq: s.seq,
      ...(s.data !== undefined ? { data: s.data } : {}),
      len: s.len,
      syn: s.flags.syn,
      fin: s.flags.fin,
      uses: segLen(s),
      next: seqAdd(s.seq, segLen(s)),
      ack: s.flags.ack ? s.ack : null,
    })),
  );
}
