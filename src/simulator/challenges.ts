/**
 * The simulator's challenges: situations the reader must bring about by playing, each a pure predicate
 * over the model's trace of the run, so the model (not a hand-written rule) says whether it happened.
 * Titles live in `src/i18n` as `sim.challenge.<id>`. Pure.
 */
import type { Side, TcpState, Trace, TraceStep } from '~/tcp/browser';

const other = (side: Side): Side => (side === 'client' ? 'server' : 'client');
const SIDES = ['client', 'server'] as const;

/** True when some step moved `side` from `from` to `to`. */
const moved = (trace: Trace, side: Side, from: TcpState, to: TcpState, after = -1): boolean =>
  trace.steps.some(
    (st) => st.index > after && st.changes.some((c) => c.side === side && c.from === from && c.to === to),
  );
const last = (trace: Trace): TraceStep | undefined => trace.steps.at(-1);
const ackOnly = (st: TraceStep['sent'][number]): boolean =>
  st.flags.ack && !st.flags.syn && !st.flags.fin && !st.flags.rst && st.len === 0;

/** The challenges, in the order the page lists them; each `done(trace)` is pure. */
export const CHALLENGES = [
  {
    // The client has closed and its FIN is acknowledged, but the server never calls close():
    // RFC 9293 §3.6 leaves it in CLOSE_WAIT for as long as the program waits.
    id: 'close-wait',
    done: (t: Trace) => last(t)?.after.server === 'CLOSE_WAIT' && last(t)?.after.client === 'FIN_WAIT_2',
  },
  {
    // A SYN meets no listener, the RST comes back: connect() fails with ECONNREFUSED (§3.10.7.3).
    id: 'refused',
    done: (t: Trace) => t.steps.some((st) => st.errors.some((e) => e.side === 'client' && e.errno === 'ECONNREFUSED')),
  },
  {
    // RFC 9293 Figure 7: both SYNs cross, each end passes SYN_SENT → SYN_RECEIVED → ESTABLISHED.
    id: 'simultaneous-open',
    done: (t: Trace) =>
      SIDES.every((s) => moved(t, s, 'SYN_SENT', 'SYN_RECEIVED') && moved(t, s, 'SYN_RECEIVED', 'ESTABLISHED')),
  },
  {
    // RFC 9293 Figure 13: both FINs cross, both ends go FIN_WAIT_1 → CLOSING.
    id: 'simultaneous-close',
    done: (t: Trace) => SIDES.every((s) => moved(t, s, 'FIN_WAIT_1', 'CLOSING')),
  },
  {
    // The last ACK of a close is lost; the LAST_ACK end's FIN comes again (retransmission), TIME_WAIT
    // answers it (RFC 9293 §3.6: why TIME_WAIT waits) and the LAST_ACK end closes.
    id: 'lost-final-ack',
    done: (t: Trace) =>
      t.steps.some((st) => {
        const lost = st.dropped;
        if (!lost || !ackOnly(lost)) return false;
        const peer = other(lost.from);
        if (st.before[lost.from] !== 'TIME_WAIT' || st.before[peer] !== 'LAST_ACK') return false;
        const resent = t.steps.some(
          (s) => s.index > st.index && s.sent.some((x) => x.from === peer && x.flags.fin && x.retransmit),
        );
        return resent && moved(t, peer, 'LAST_ACK', 'CLOSED', st.index);
      }),
  },
  {
    // FIN; FIN, ACK (the ACK of the first FIN rides on the second); ACK: and the call is over.
    id: 'three-segment-close',
    done: (t: Trace) => {
      const first = t.steps.findIndex((st) => st.sent.some((s) => s.flags.fin));
      if (first < 0) return false;
      const sent = t.steps.slice(first).flatMap((st) => st.sent);
      const [a, b, c] = sent;
      return (
        sent.length === 3 &&
        a!.flags.fin &&
        b!.flags.fin &&
        b!.flags.ack &&
        b!.from !== a!.from &&
        ackOnly(c!) &&
        SIDES.some((s) => moved(t, s, 'LAST_ACK', 'CLOSED'))
      );
    },
  },
  {
    // shutdown(SHUT_WR) closes one direction only: that end still reads what the other end writes.
    id: 'half-close',
    done: (t: Trace) =>
      t.steps.some((st) => {
        const step = st.step;
        if (!('call' in step) || step.op !== 'read') return false;
        const r = st.result as { ok: boolean; value?: number } | undefined;
        const side = step.call;
        const shut = t.steps.some(
          (s) => s.index < st.index && 'call' in s.step && s.step.call === side && s.step.op === 'shutdown',
        );
        return shut && !!r?.ok && (r.value ?? 0) > 0 && ['FIN_WAIT_1', 'FIN_WAIT_2'].includes(st.before[side]);
      }),
  },
  {
    // TIME_WAIT ends when its 2·MSL timer expires (§3.10.8), not on any segment.
    id: 'time-wait-expires',
    done: (t: Trace) =>
      t.steps.some(
        (st) =>
          'timer' in st.step &&
          st.step.timer === 'time_wait' &&
          st.changes.some((c) => c.from === 'TIME_WAIT' && c.to === 'CLOSED'),
      ),
  },
] as const satisfies readonly { id: string; done: (t: Trace) => boolean }[];

/** A challenge's id. */
export type ChallengeId = (typeof CHALLENGES)[number]['id'];

/** Every challenge id, in order. */
export const CHALLENGE_IDS: readonly ChallengeId[] = CHALLENGES.map((c) => c.id);

/** The ids of the challenges the run completes. Pure. */
export function completed(trace: Trace): ChallengeId[] {
  return CHALLENGES.filter((c) => c.done(trace)).map((c) => c.id);
}
