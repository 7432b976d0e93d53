/**
 * The phone picture of a TCP state: what each end's phone is doing, in plain words (idle, dialling,
 * ringing, talking, only listening, hung up…). Returns a UI key (`sim.phone.*`), so every state has a
 * sentence in both languages or type-checking fails. Pure.
 */
import type { TcpState } from '~/tcp/browser';
import type { UiKey } from '~/i18n/en';

/** The phone word of every state but CLOSED (which depends on what came before). */
const WORDS = {
  LISTEN: 'waiting',
  SYN_SENT: 'dialling',
  SYN_RECEIVED: 'ringing',
  ESTABLISHED: 'talking',
  FIN_WAIT_1: 'saidBye',
  FIN_WAIT_2: 'onlyListening',
  CLOSE_WAIT: 'heardBye',
  CLOSING: 'bothBye',
  LAST_ACK: 'lastWord',
  TIME_WAIT: 'lingering',
} as const satisfies Record<Exclude<TcpState, 'CLOSED'>, string>;

/**
 * The key of the sentence for one end. `listening`: the end still has a listening socket (a server whose
 * call ended keeps waiting for the next); `used`: the end has left CLOSED before in this run, so CLOSED reads
 * "hung up" and not "idle".
 */
export function phoneKey(state: TcpState, { listening, used }: { listening: boolean; used: boolean }): UiKey {
  if (state !== 'CLOSED') return `sim.phone.${WORDS[state]}`;
  if (listening) return 'sim.phone.waiting';
  return used ? 'sim.phone.hungUp' : 'sim.phone.idle';
}
