/**
 * One plain line about the phones for a trace step ("the server's phone rings"), derived from what the
 * step did in the model: a failed call, the call, an error a segment raised, a crash, a lost or held-up
 * segment, a state change, a timer, then the segment that arrived. The words live in src/i18n
 * (`diagram.phone.*`); this file only picks the key and whose phone. Pure.
 */
import { t, type Lang } from '../../i18n';
import type { Side, TcpState, TraceStep } from '../../tcp/browser';

/** What the phone line of a step says, before translation. Example: `{ "key": "rings", "side": "server" }` */
export interface PhoneLine {
  key: PhoneKey;
  /** Whose phone; absent for a line about the wire ("the words are lost on the line"). */
  side?: Side;
}

/** The phone lines there are (`diagram.phone.<key>` in src/i18n). */
export type PhoneKey =
  | 'getsPhone'
  | 'getsNumber'
  | 'waits'
  | 'dials'
  | 'picksUp'
  | 'speaks'
  | 'hearsWords'
  | 'hearsFinished'
  | 'saysGoodbye'
  | 'hangsUp'
  | 'slams'
  | 'callFails'
  | 'refused'
  | 'lineDead'
  | 'powerLoss'
  | 'lost'
  | 'heldUp'
  | 'strayWords'
  | 'rings'
  | 'talking'
  | 'goodbyeHeard'
  | 'hearsHangUp'
  | 'bothGoodbye'
  | 'lingers'
  | 'free'
  | 'repeats'
  | 'hearsGotIt'
  | 'quiet'
  | 'setUpNumber'
  | 'setUpLine'
  | 'setUpLineNoNumber';

const other = (side: Side): Side => (side === 'client' ? 'server' : 'client');

// The state a side enters, read as what its phone is doing; states missing here say nothing by themselves.
const ENTERED: Partial<Record<TcpState, PhoneKey>> = {
  SYN_RECEIVED: 'rings',
  ESTABLISHED: 'talking',
  FIN_WAIT_2: 'goodbyeHeard',
  CLOSE_WAIT: 'hearsHangUp',
  CLOSING: 'bothGoodbye',
  TIME_WAIT: 'lingers',
  CLOSED: 'free',
};

/** The phone line of one trace step (see the file comment for the order). Pure. */
export function phoneLine(st: TraceStep): PhoneLine {
  const step = st.step;
  if ('call' in step) {
    const side = step.call;
    const r = st.result as { ok: boolean; value?: number } | undefined;
    if (r && !r.ok && st.changes.length === 0) return { key: 'callFails', side };
    const byCall: Record<string, PhoneKey> = {
      socket: 'getsPhone',
      bind: 'getsNumber',
      listen: 'waits',
      connect: 'dials',
      accept: 'picksUp',
      write: 'speaks',
      send: 'speaks',
      shutdown: 'saysGoodbye',
      close: 'hangsUp',
      abort: 'slams',
    };
    if (step.op === 'read' || step.op === 'recv')
      return { key: r?.ok && r.value === 0 ? 'hearsFinished' : 'hearsWords', side };
    const key = byCall[step.op];
    if (key) return { key, side };
  }
  const error = st.errors[0];
  if (error) return { key: error.errno === 'ECONNREFUSED' ? 'refused' : 'lineDead', side: error.side };
  if ('crash' in step) return { key: 'powerLoss', side: step.crash };
  if (st.dropped) return { key: 'lost' };
  if (st.delayed) return { key: 'heldUp' };
  if ('inject' in step) return { key: 'strayWords' };
  for (const change of [...st.changes].reverse()) {
    const key = ENTERED[change.to];
    if (key) return { key, side: change.side };
  }
  if ('timer' in step && (st.result as { fired?: boolean } | undefined)?.fired && st.sent.length > 0)
    return { key: 'repeats', side: step.side };
  const arrived = st.deliveredAll?.at(-1) ?? st.delivered;
  if (arrived) {
    const to = other(arrived.from);
    if (arrived.flags.rst) return { key: 'lineDead', side: to };
    return { key: arrived.len > 0 ? 'hearsWords' : 'hearsGotIt', side: to };
  }
  return { key: 'quiet' };
}

/** The phone line of a step in `lang`: "The server's phone rings." Pure. */
export function phoneText(lang: Lang, st: TraceStep): string {
  const { key, side } = phoneLine(st);
  const who = side ? t(lang, side === 'client' ? 'diagram.phone.client' : 'diagram.phone.server') : '';
  return t(lang, `diagram.phone.${key}`, { who });
}

/**
 * The phone line of a folded set-up (the socket/bind/listen calls a scenario opens with, drawn as one
 * step), one sentence per side in the order the sides first act, from the calls each made: socket() gets a
 * phone, bind() a number, listen() plugs in the line. Pure.
 * Example (en): "The server gets a phone and a number, plugs in the line and waits for calls. The client gets a phone."
 */
export function setupPhoneText(lang: Lang, setup: readonly TraceStep[]): string {
  const ops = new Map<Side, Set<string>>();
  for (const st of setup) {
    if (!('call' in st.step)) continue;
    const side = st.step.call;
    ops.set(side, (ops.get(side) ?? new Set<string>()).add(st.step.op));
  }
  return [...ops]
    .map(([side, did]) => {
      const key: PhoneKey = did.has('listen')
        ? did.has('bind')
          ? 'setUpLine'
          : 'setUpLineNoNumber'
        : did.has('bind')
          ? 'setUpNumber'
          : 'getsPhone';
      return t(lang, `diagram.phone.${key}`, {
        who: t(lang, side === 'client' ? 'diagram.phone.client' : 'diagram.phone.server'),
      });
    })
    .reduce((first, second) => t(lang, 'diagram.phone.setUpBoth', { first, second }));
}
