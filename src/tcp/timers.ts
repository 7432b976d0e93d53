/** Timer expiry, RFC 9293 §3.8.1 and §3.10.8, fired by hand as a step. All exports are pure. */
import type { Profile, Segment, TimerKind } from './types';
import { seg } from './segment';
import { ackOf, copy, done, synAcked, type Tcb, type Transition } from './tcb';

/** True when timer `kind` is running for `t` under `profile`. Pure. */
export function timerRunning(t: Tcb, kind: TimerKind, profile: Profile): boolean {
  switch (kind) {
    case 'retransmit':
      return t.sndUna !== t.sndNxt && t.state !== 'CLOSED' && t.state !== 'LISTEN' && t.state !== 'TIME_WAIT';
    case 'time_wait':
      return t.state === 'TIME_WAIT';
    case 'fin_wait_2':
      // Linux only: an orphaned FIN_WAIT_2 is dropped after tcp_fin_timeout; the RFC waits forever
      return profile === 'linux' && t.state === 'FIN_WAIT_2' && t.orphan;
    case 'delayed_ack':
      return t.ackPending;
  }
}

/**
 * Fires timer `kind` on `t`; undefined when it is not running. Retransmission sends again everything
 * from SND.UNA (SYN, data, FIN) as one segment; TIME_WAIT's 2·MSL and Linux's FIN_WAIT_2 timeout end in
 * CLOSED. Pure.
 */
export function fireTimer(tcb: Tcb, kind: TimerKind, profile: Profile): Transition | undefined {
  if (!timerRunning(tcb, kind, profile)) return undefined;
  const t = copy(tcb);
  const out: Segment[] = [];
  if (kind === 'retransmit') {
    const syn = !synAcked(t);
    const fin = t.finSeq !== null;
    const flags = `${syn ? 'SYN,' : ''}${fin ? 'FIN,' : ''}${t.state === 'SYN_SENT' ? '' : 'ACK'}`;
    out.push(seg(flags, t.sndUna, t.rcvNxt, t.unacked.length, t.unacked || undefined));
  } else if (kind === 'delayed_ack') out.push(ackOf(t));
  else t.state = 'CLOSED';
  return done(t, out);
}
