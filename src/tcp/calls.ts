/**
 * User calls on one connection (RFC 9293 §3.10.1–3.10.5, in socket-API dress): connect, write, read,
 * shutdown, close and abort. Each takes a TCB and returns the next TCB, the segments to send and the
 * call's result. All exports are pure.
 */
import type { CallResult, Errno, Profile, RfcMessage, Segment, TcpError } from './types';
import { seg } from './segment';
import { seqAdd } from './seq';
import { copy, done, flush_, newTcb, sendFin_, type Tcb, type Transition } from './tcb';

/** A call's outcome on a TCB. */
export interface CallTransition extends Transition {
  result: CallResult;
}

const fail = (t: Tcb, errno: Errno, reason?: string, rfc?: RfcMessage): CallTransition => ({
  tcb: t,
  out: [],
  result: { ok: false, errno, ...(reason ? { reason } : {}), ...(rfc ? { rfc } : {}) },
});
/** A pending error as a call's failure. */
const failWith = (t: Tcb, e: TcpError): CallTransition => fail(t, e.errno, undefined, e.rfc);
const ok = (tr: Transition, value?: number, data?: string): CallTransition => {
  const result: CallResult = { ok: true };
  if (value !== undefined) result.value = value;
  if (data !== undefined) result.data = data;
  return { ...tr, result };
};
/** Hands out the pending socket error once, as a read or write would. Changes the draft. */
const takeError = (t: Tcb): TcpError | null => {
  const e = t.error;
  t.error = null;
  return e;
};

/**
 * RFC 9293 §3.10.1 active OPEN: a TCB in SYN_SENT with ISS `iss`, sending <SEQ=ISS><CTL=SYN>. With
 * `data`, the SYN carries it (TCP Fast Open's shape, RFC 7413: sendto() with MSG_FASTOPEN); it counts as
 * sent and unacknowledged until the peer acknowledges it. Pure.
 */
export function activeOpen(iss: number, data = ''): CallTransition {
  const t = newTcb('SYN_SENT', iss);
  t.sndNxt = seqAdd(iss, 1 + data.length);
  t.unacked = data;
  return ok(done(t, [seg('SYN', iss, 0, data.length, data || undefined)]));
}

/**
 * write()/send(), RFC 9293 §3.10.2. Data written before the handshake ends is queued. Errors: a pending
 * error first; EPIPE after shutdown(SHUT_WR) ("connection closing"); on a socket never connected ENOTCONN,
 * as send(2) and POSIX name it (Linux: EPIPE), "connection does not exist". Pure.
 */
export function userWrite(tcb: Tcb, data: string, profile: Profile): CallTransition {
  const t = copy(tcb);
  const e = takeError(t);
  if (e) return failWith(t, e);
  if (t.shutWr) return fail(t, 'EPIPE', 'write-after-shutdown', 'connection closing');
  if (t.state === 'CLOSED' || t.state === 'LISTEN')
    return fail(
      t,
      profile === 'linux' ? 'EPIPE' : 'ENOTCONN',
      'not-connected',
      t.state === 'LISTEN' ? 'foreign socket unspecified' : 'connection does not exist',
    );
  if (t.state !== 'SYN_SENT' && t.state !== 'SYN_RECEIVED' && t.state !== 'ESTABLISHED' && t.state !== 'CLOSE_WAIT')
    return fail(t, 'EPIPE', 'write-after-shutdown', 'connection closing');
  t.unsent += data;
  const out: Segment[] = [];
  flush_(t, out);
  return ok(done(t, out), data.length);
}

/**
 * read()/recv(), RFC 9293 §3.10.3: up to `max` bytes. Data that arrived is read first, then a pending
 * error, then 0 (end of file) after the peer's FIN; an empty buffer would block (EAGAIN) while the peer
 * may still send. Linux (tcp_recvmsg) gives the end of file before a pending error: after the peer's FIN
 * and then its RST, read() returns 0 and the error waits for the next write. Pure.
 */
export function userRead(tcb: Tcb, max = Infinity, profile: Profile = 'rfc9293'): CallTransition {
  const t = copy(tcb);
  if (t.rcvBuf && !t.shutRd) {
    const data = t.rcvBuf.slice(0, max);
    t.rcvBuf = t.rcvBuf.slice(data.length);
    return ok(done(t, []), data.length, data);
  }
  if (profile === 'linux' && t.peerFin) return ok(done(t, []), 0, '');
  const e = takeError(t);
  if (e) return failWith(t, e);
  if (t.peerFin || t.shutRd || (t.state === 'CLOSED' && t.iss !== t.sndNxt)) return ok(done(t, []), 0, '');
  if (t.state === 'CLOSED') return fail(t, 'ENOTCONN', 'not-connected', 'connection does not exist');
  if (t.state === 'LISTEN') return fail(t, 'ENOTCONN', 'not-connected');
  return fail(t, 'EAGAIN', 'would-block');
}

/** Queues our FIN and moves to the state that waits for its ACK, RFC 9293 §3.10.4. Changes the draft. */
function queueFin_(t: Tcb, out: Segment[], profile: Profile): void {
  t.shutWr = true;
  if (t.state === 'SYN_SENT') {
    // RFC 9293 §3.10.4 CLOSE in SYN_SENT: delete the TCB (Linux: tcp_close_state SYN_SENT → CLOSE)
    t.state = 'CLOSED';
    return;
  }
  if (t.state !== 'SYN_RECEIVED' && t.state !== 'ESTABLISHED' && t.state !== 'CLOSE_WAIT') return;
  const from = t.state;
  t.state = from === 'CLOSE_WAIT' ? 'LAST_ACK' : 'FIN_WAIT_1';
  t.finQueued = true;
  // RFC 9293 §3.10.4 CLOSE in SYN_RECEIVED: with nothing queued, send the FIN now.
  // Linux waits for its SYN to be acknowledged first.
  if (from === 'SYN_RECEIVED' && profile === 'rfc9293' && !t.unsent) sendFin_(t, out);
  flush_(t, out);
}

/** shutdown(SHUT_WR or SHUT_RDWR): send a FIN but keep reading (half-close). ENOTCONN when not connected. Pure. */
export function userShutdown(tcb: Tcb, profile: Profile, how: 'SHUT_WR' | 'SHUT_RDWR' = 'SHUT_WR'): CallTransition {
  const t = copy(tcb);
  if (t.state === 'CLOSED') return fail(t, 'ENOTCONN', 'not-connected', 'connection does not exist');
  if (t.state === 'LISTEN') return fail(t, 'ENOTCONN', 'not-connected');
  const out: Segment[] = [];
  if (how === 'SHUT_RDWR') t.shutRd = true;
  if (!t.shutWr) queueFin_(t, out, profile);
  return ok(done(t, out));
}

/**
 * close(): give up the descriptor, RFC 9293 §3.10.4. The TCB finishes the close on its own (orphaned).
 * Unread data makes it send a RST instead of a FIN and go straight to CLOSED, with no TIME_WAIT, in both
 * profiles: RFC 9293 §3.6.1 (a host that closes while received data is pending "SHOULD send a RST to
 * show that data was lost"); Linux tcp_close does so. The RST is abort's (`abortSegment`). Pure.
 */
export function userClose(tcb: Tcb, profile: Profile): CallTransition {
  const t = copy(tcb);
  t.orphan = true;
  if (t.state === 'LISTEN' || t.state === 'SYN_SENT') t.state = 'CLOSED';
  if (t.state === 'CLOSED' || t.state === 'TIME_WAIT') return ok(done(t, []));
  if (t.rcvBuf && !t.shutRd) {
    const out = abortSegment(t, profile);
    t.state = 'CLOSED';
    t.rcvBuf = '';
    return ok(done(t, out));
  }
  const out: Segment[] = [];
  if (!t.shutWr) queueFin_(t, out, profile);
  t.shutRd = true;
  return ok(done(t, out));
}

/**
 * The RST that aborts `t` (RFC 9293 §3.10.5: <SEQ=SND.NXT><CTL=RST>; Linux adds ACK), or none when the
 * state sends none. Pure.
 */
export function abortSegment(t: Tcb, profile: Profile): Segment[] {
  if (!['SYN_RECEIVED', 'ESTABLISHED', 'FIN_WAIT_1', 'FIN_WAIT_2', 'CLOSE_WAIT'].includes(t.state)) return [];
  return [profile === 'linux' ? seg('RST,ACK', t.sndNxt, t.rcvNxt) : seg('RST', t.sndNxt)];
}

/** abort() (close with SO_LINGER 0), RFC 9293 §3.10.5: send RST where the RFC says so, then CLOSED. Pure. */
export function userAbort(tcb: Tcb, profile: Profile): CallTransition {
  const t = copy(tcb);
  const out = abortSegment(t, profile);
  t.state = 'CLOSED';
  t.orphan = t.shutWr = t.shutRd = true;
  return ok(done(t, out));
}
