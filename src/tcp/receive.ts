/** Segment arrival, RFC 9293 §3.10.7: what a TCB does with an incoming segment. All exports are pure. */
import type { Profile, Segment, TcpError, TcpState } from './types';
import { seg, segLen } from './segment';
import { seqAdd, seqDiff, seqLe, seqLt } from './seq';
import {
  RCV_WND,
  ackOf,
  advanceUna_,
  copy,
  done,
  finAcked,
  flush_,
  newTcb,
  resetFor,
  synAcked,
  type Tcb,
  type Transition,
} from './tcb';

/** RFC 9293 §3.10.7.1: a segment for a socket that does not exist gets a RST (unless it is one). Pure. */
export const closedReply = resetFor;

/**
 * RFC 9293 §3.10.7.2: a listener gets a segment. A SYN makes a new TCB in SYN_RECEIVED with ISS `iss`
 * and answers SYN, ACK; an ACK gets a RST; anything else is dropped. Text or a FIN on the SYN is queued
 * (`Tcb.held`) until the connection is ESTABLISHED, so the SYN, ACK acknowledges the SYN alone. Linux
 * (without TCP Fast Open) keeps no text from a SYN (tcp_conn_request): the peer must send it again. Pure.
 */
export function listenReceive(s: Segment, iss: number, profile: Profile = 'rfc9293'): { tcb?: Tcb; out: Segment[] } {
  if (s.flags.rst) return { out: [] };
  if (s.flags.ack) return { out: [seg('RST', s.ack)] };
  if (!s.flags.syn) return { out: [] };
  const t = newTcb('SYN_RECEIVED', iss);
  t.passive = true;
  t.irs = s.seq;
  t.rcvNxt = seqAdd(s.seq, 1);
  t.sndNxt = seqAdd(iss, 1);
  if (profile === 'rfc9293') t.held = held(s);
  return { tcb: t, out: [seg('SYN,ACK', iss, t.rcvNxt)] };
}

/** The rest of a segment once its SYN is processed: the data and FIN that follow it. Pure. */
const afterSyn = (s: Segment): Segment => ({ ...s, flags: { ...s.flags, syn: false }, seq: seqAdd(s.seq, 1) });

/** What of a SYN must wait for ESTABLISHED: its text and FIN, or null when it carries neither. Pure. */
const held = (s: Segment): Segment | null => (s.len > 0 || s.flags.fin ? afterSyn(s) : null);

/**
 * The eighth step of RFC 9293 §3.10.7.4: the peer's FIN at RCV.NXT takes one sequence number and moves
 * the state on. Changes the draft.
 */
function peerFin_(t: Tcb): void {
  t.rcvNxt = seqAdd(t.rcvNxt, 1);
  t.peerFin = true;
  if (t.state === 'ESTABLISHED') t.state = 'CLOSE_WAIT';
  else if (t.state === 'FIN_WAIT_1') t.state = finAcked(t) ? 'TIME_WAIT' : 'CLOSING';
  else if (t.state === 'FIN_WAIT_2') t.state = 'TIME_WAIT';
}

/**
 * Once our SYN is acknowledged, the text and FIN queued from the peer's SYN (`Tcb.held`) are processed:
 * they sit exactly at RCV.NXT. Returns "ack" when an ACK is owed, "reset" when the text reaches a closed
 * descriptor (RFC 9293 §3.6.1), else null. Changes the draft.
 */
function takeHeld_(t: Tcb): 'ack' | 'reset' | null {
  const h = t.held;
  if (!h || !synAcked(t)) return null;
  t.held = null;
  if (h.len > 0) {
    if (t.orphan) return 'reset';
    t.rcvBuf += h.data ?? '.'.repeat(h.len);
    t.rcvNxt = seqAdd(t.rcvNxt, h.len);
  }
  if (h.flags.fin) peerFin_(t);
  return 'ack';
}

/**
 * Text queued from the peer's SYN reaches a descriptor closed meanwhile: RFC 9293 §3.6.1's RST,
 * <SEQ=SND.NXT><CTL=RST>, and CLOSED. Changes the draft.
 */
function resetClosed(t: Tcb): Transition {
  t.state = 'CLOSED';
  return done(t, [seg('RST', t.sndNxt)]);
}

/**
 * The error a RST at RCV.NXT reports in a synchronized state or an active SYN_RECEIVED, RFC 9293
 * §3.10.7.4 second: "connection refused" after an active open, "connection reset" in ESTABLISHED,
 * FIN_WAIT_1/2 and CLOSE_WAIT, nothing in CLOSING, LAST_ACK and TIME_WAIT. The `linux` profile takes
 * tcp_reset's errno: ECONNRESET in SYN_RECEIVED and EPIPE in CLOSE_WAIT. Pure.
 */
function resetError(state: TcpState, profile: Profile): TcpError | undefined {
  const linux = profile === 'linux';
  if (state === 'SYN_RECEIVED') return { errno: linux ? 'ECONNRESET' : 'ECONNREFUSED', rfc: 'connection refused' };
  if (state === 'CLOSE_WAIT') return { errno: linux ? 'EPIPE' : 'ECONNRESET', rfc: 'connection reset' };
  if (state === 'ESTABLISHED' || state === 'FIN_WAIT_1' || state === 'FIN_WAIT_2')
    return { errno: 'ECONNRESET', rfc: 'connection reset' };
  return undefined;
}

/** RFC 9293 §3.10.7.3: SYN_SENT gets a segment. */
function synSent(t: Tcb, s: Segment, profile: Profile): Transition {
  const out: Segment[] = [];
  // first: an ACK for something we never sent is answered with a RST, unless it is one
  if (s.flags.ack && (seqLe(s.ack, t.iss) || seqLt(t.sndNxt, s.ack)))
    return done(t, s.flags.rst ? [] : [seg('RST', s.ack)]);
  if (s.flags.rst) {
    // second: a RST counts only when it acknowledges our SYN. The RFC's message is "connection reset";
    // the sockets API (Linux tcp_reset, BSD too) reports ECONNREFUSED, in both profiles.
    if (!s.flags.ack) return done(t, out);
    // the error goes to the connect() waiting for the handshake, not to a later call
    t.state = 'CLOSED';
    return done(t, out, { errno: 'ECONNREFUSED', rfc: 'connection reset' });
  }
  // fourth: SYN
  if (!s.flags.syn) return done(t, out);
  t.irs = s.seq;
  t.rcvNxt = seqAdd(s.seq, 1);
  if (s.flags.ack) advanceUna_(t, s.ack);
  if (synAcked(t)) {
    t.state = 'ESTABLISHED';
    // "If there are other controls or text in the segment, then continue processing at the sixth step"
    if (s.len > 0 || s.flags.fin) return receive(t, afterSyn(s), profile);
    out.push(ackOf(t));
    flush_(t, out);
  } else {
    // simultaneous open: both SYNs crossed. "If there are other controls or text in the segment, queue
    // them for processing after the ESTABLISHED state has been reached"
    t.state = 'SYN_RECEIVED';
    t.held = held(s);
    out.push(seg('SYN,ACK', t.iss, t.rcvNxt));
  }
  return done(t, out);
}

/**
 * A TCB (not CLOSED, not LISTEN) gets segment `s`, RFC 9293 §3.10.7.3–4. With `delayAck`, an ACK owed
 * for data or a FIN is held back (see `Tcb.ackPending`) so it can ride on our next segment. Pure.
 */
export function receive(tcb: Tcb, s: Segment, profile: Profile, delayAck = false): Transition {
  const t = copy(tcb);
  if (t.state === 'SYN_SENT') return synSent(t, s, profile);
  if (t.state === 'CLOSED' || t.state === 'LISTEN') return done(t, closedReply(s));
  const out: Segment[] = [];
  // RFC 9293 §3.5 Figure 7 (simultaneous open): the peer's SYN, ACK repeats a SYN we already hold, so the
  // window check would refuse it; its ACK of our SYN is what completes the handshake (Linux does the same).
  // (A FIN_WAIT_1 reached by close() in SYN_RECEIVED is still waiting for this too.) A FIN or data riding
  // on it (a retransmission after the peer's close) is processed as the rest of the segment.
  if (
    !t.passive &&
    !synAcked(t) &&
    s.flags.syn &&
    s.flags.ack &&
    !s.flags.rst &&
    s.seq === t.irs &&
    seqLt(t.sndUna, s.ack) &&
    seqLe(s.ack, t.sndNxt)
  ) {
    advanceUna_(t, s.ack);
    if (t.state === 'SYN_RECEIVED') t.state = 'ESTABLISHED';
    const h = takeHeld_(t);
    if (h === 'reset') return resetClosed(t);
    if (s.len > 0 || s.flags.fin) return receive(t, afterSyn(s), profile, delayAck);
    flush_(t, out);
    // and it is acknowledged: the RFC's window check answers this segment with an ACK, and Linux 6.x
    // (tcp_validate_incoming, simultaneous connect) sends one; the peer may still be in SYN_RECEIVED
    if (!out.length) out.push(ackOf(t));
    return done(t, out);
  }
  // first: sequence number check, the four cases of RFC 9293 §3.10.7.4 with RCV.WND > 0
  const len = segLen(s);
  const end = seqAdd(t.rcvNxt, RCV_WND);
  const inWnd = (x: number) => seqLe(t.rcvNxt, x) && seqLt(x, end);
  if (!(inWnd(s.seq) || (len > 0 && inWnd(seqAdd(s.seq, len - 1))))) {
    if (s.flags.rst) return done(t, out);
    // Linux answers a retransmitted SYN with its SYN, ACK again (the RFC: a plain ACK)
    if (profile === 'linux' && t.state === 'SYN_RECEIVED' && s.flags.syn && s.seq === t.irs)
      return done(t, [seg('SYN,ACK', t.iss, t.rcvNxt)]);
    // TIME_WAIT: this is the peer's FIN again; the ACK re-sent here is what it lacked (timer restarts)
    return done(t, [ackOf(t)]);
  }
  // second: RST. RFC 9293 §3.10.7.4 (after RFC 5961): only an exact RCV.NXT resets; in window → challenge ACK
  if (s.flags.rst) {
    if (s.seq !== t.rcvNxt) return done(t, [ackOf(t)]);
    if (t.state === 'SYN_RECEIVED' && t.passive) {
      t.state = 'LISTEN';
      return done(t, out);
    }
    const err = resetError(t.state, profile);
    t.state = 'CLOSED';
    if (err && !t.orphan) t.error = err;
    return done(t, out, err);
  }
  // fourth: SYN in a synchronized state. A passive SYN_RECEIVED goes back to LISTEN; the others send a challenge ACK.
  if (s.flags.syn) {
    if (t.state === 'SYN_RECEIVED' && t.passive) {
      t.state = 'LISTEN';
      return done(t, out);
    }
    return done(t, [ackOf(t)]);
  }
  // fifth: ACK
  if (!s.flags.ack) return done(t, out);
  if (t.state === 'SYN_RECEIVED') {
    if (!(seqLt(t.sndUna, s.ack) && seqLe(s.ack, t.sndNxt))) return done(t, [seg('RST', s.ack)]);
    t.state = 'ESTABLISHED';
  }
  if (seqLt(t.sndNxt, s.ack)) return done(t, [ackOf(t)]); // acknowledges something not yet sent
  if (seqLt(t.sndUna, s.ack)) advanceUna_(t, s.ack);
  const h = takeHeld_(t);
  if (h === 'reset') return resetClosed(t);
  let owe = h === 'ack';
  if (finAcked(t)) {
    if (t.state === 'FIN_WAIT_1') t.state = 'FIN_WAIT_2';
    else if (t.state === 'CLOSING') t.state = 'TIME_WAIT';
    else if (t.state === 'LAST_ACK') {
      t.state = 'CLOSED';
      return done(t, out);
    }
  }
  // seventh: data, accepted in ESTABLISHED, FIN_WAIT_1 and FIN_WAIT_2 only
  if (s.len > 0 && ['ESTABLISHED', 'FIN_WAIT_1', 'FIN_WAIT_2'].includes(t.state)) {
    if (t.orphan && seqLt(t.rcvNxt, seqAdd(s.seq, s.len))) {
      // RFC 9293 §3.6.1: new data after close() can never be read; the host SHOULD send a RST to show it
      // was lost. Linux does (tcp_rcv_state_process: "RFC 1122 says we MUST send a reset"), <SEQ=SEG.ACK>.
      t.state = 'CLOSED';
      return done(t, resetFor(s));
    }
    const skip = seqDiff(s.seq, t.rcvNxt);
    if (skip < 0) return done(t, [ackOf(t)]); // a gap: the model keeps no out-of-order data
    if (skip < s.len) {
      t.rcvBuf += (s.data ?? '.'.repeat(s.len)).slice(skip);
      t.rcvNxt = seqAdd(s.seq, s.len);
    }
    owe = true;
  }
  // eighth: FIN, only when it is the next thing expected
  if (s.flags.fin && seqAdd(s.seq, s.len) === t.rcvNxt && !t.peerFin) {
    peerFin_(t);
    owe = true;
  } else if (s.flags.fin) owe = true;
  flush_(t, out);
  if (owe && !out.length) {
    if (delayAck) t.ackPending = true;
    else out.push(ackOf(t));
  }
  return done(t, out);
}
