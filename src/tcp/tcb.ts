/**
 * The transmission control block (RFC 9293 §3.3.1) and the small steps shared by segment arrival,
 * user calls and timers. Helpers whose name ends in `_` change the draft TCB they are given; the
 * exported transitions call them only on copies, so those stay pure.
 */
import { seg, segLen } from './segment';
import { seqAdd, seqDiff, seqLt } from './seq';
import type { Errno, RfcMessage, Segment, TcpError, TcpState } from './types';

/**
 * One connection's variables. Data is kept as strings so a reader can watch bytes move.
 * Example: `{ "state": "ESTABLISHED", "iss": 100, "sndUna": 101, "sndNxt": 101, "irs": 300, "rcvNxt": 301, … }`
 */
export interface Tcb {
  state: TcpState;
  /** Opened by a listener (a RST in SYN_RECEIVED returns it to LISTEN, RFC 9293 §3.10.7.4). */
  passive: boolean;
  iss: number;
  sndUna: number;
  sndNxt: number;
  irs: number;
  rcvNxt: number;
  /** Written by the application, not yet sent. */
  unsent: string;
  /** Sent, not yet acknowledged (data only; SYN and FIN are implied by iss and finSeq). */
  unacked: string;
  /** Received in order, not yet read. */
  rcvBuf: string;
  /** The application asked for a FIN (shutdown or close). */
  finQueued: boolean;
  /** The sequence number of our FIN once sent. */
  finSeq: number | null;
  /** The peer's FIN has arrived: reads return 0 once rcvBuf is empty. */
  peerFin: boolean;
  shutWr: boolean;
  shutRd: boolean;
  /** The application closed its descriptor; the TCB lives on until CLOSED. */
  orphan: boolean;
  /** The pending socket error (SO_ERROR), handed to the next read or write. */
  error: TcpError | null;
  /** An ACK is owed but held back (delayed ACK), to ride on the next segment. */
  ackPending: boolean;
  /**
   * The text and FIN that came on the peer's SYN, queued until our SYN is acknowledged (RFC 9293
   * §3.10.7.2–3: "any other control or text should be queued for processing later"). Its seq is IRS+1.
   */
  held: Segment | null;
}

/** The receive window the model advertises and checks against (constant: no flow control). */
export const RCV_WND = 65535;

/**
 * What a transition returns: the next TCB, the segments to send and an error to report asynchronously
 * (`error`, with RFC 9293's message in `rfc`).
 */
export interface Transition {
  tcb: Tcb;
  out: Segment[];
  error?: Errno;
  rfc?: RfcMessage;
}

/** A fresh TCB in `state` with send variables from `iss`. Pure. */
export function newTcb(state: TcpState, iss: number): Tcb {
  return {
    state,
    passive: false,
    iss,
    sndUna: iss,
    sndNxt: iss,
    irs: 0,
    rcvNxt: 0,
    unsent: '',
    unacked: '',
    rcvBuf: '',
    finQueued: false,
    finSeq: null,
    peerFin: false,
    shutWr: false,
    shutRd: false,
    orphan: false,
    error: null,
    ackPending: false,
    held: null,
  };
}

/** True once our SYN has been acknowledged (SND.UNA has moved past ISS). Pure. */
export const synAcked = (t: Tcb): boolean => t.sndUna !== t.iss;

/** True once our FIN has been acknowledged. Pure. */
export const finAcked = (t: Tcb): boolean => t.finSeq !== null && seqLt(t.finSeq, t.sndUna);

/** <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>, the reply RFC 9293 §3.10.7.4 uses throughout. Pure. */
export const ackOf = (t: Tcb): Segment => seg('ACK', t.sndNxt, t.rcvNxt);

/** The RST answering `s` when no connection wants it (RFC 9293 §3.10.7.1). Pure. */
export function resetFor(s: Segment): Segment[] {
  if (s.flags.rst) return [];
  return s.flags.ack ? [seg('RST', s.ack)] : [seg('RST,ACK', 0, seqAdd(s.seq, segLen(s)))];
}

/** Moves SND.UNA to `ack` and forgets the data it covers. Changes the draft. */
export function advanceUna_(t: Tcb, ack: number): void {
  let n = seqDiff(t.sndUna, ack);
  if (!synAcked(t)) n--; // the SYN's sequence number is not data
  t.unacked = t.unacked.slice(Math.max(0, n));
  t.sndUna = ack;
}

/**
 * Sends what the application queued: data, then the FIN once all data is out (RFC 9293 §3.10.4:
 * "queue this until all preceding SENDs have been segmentized"). Nothing leaves before our SYN is
 * acknowledged. Changes the draft.
 */
export function flush_(t: Tcb, out: Segment[]): void {
  if (!synAcked(t) || t.state === 'CLOSED' || t.finSeq !== null) return;
  if (t.unsent) {
    out.push(seg('ACK', t.sndNxt, t.rcvNxt, t.unsent.length, t.unsent));
    t.sndNxt = seqAdd(t.sndNxt, t.unsent.length);
    t.unacked += t.unsent;
    t.unsent = '';
  }
  if (t.finQueued) sendFin_(t, out);
}

/** Sends our FIN: <SEQ=SND.NXT><ACK=RCV.NXT><CTL=FIN,ACK>, consuming one sequence number. Changes the draft. */
export function sendFin_(t: Tcb, out: Segment[]): void {
  out.push(seg('FIN,ACK', t.sndNxt, t.rcvNxt));
  t.finSeq = t.sndNxt;
  t.sndNxt = seqAdd(t.sndNxt, 1);
}

/** Copies a TCB, the first step of every pure transition. Pure. */
export const copy = (t: Tcb): Tcb => ({ ...t });

/** Wraps up a transition: anything we send carries the owed ACK. Pure. */
export function done(t: Tcb, out: Segment[], error?: TcpError): Transition {
  if (out.some((s) => s.flags.ack)) t.ackPending = false;
  return error ? { tcb: t, out, error: error.errno, ...(error.rfc ? { rfc: error.rfc } : {}) } : { tcb: t, out };
}
