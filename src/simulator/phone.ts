/**
 * The phone picture of a TCP state: what each end's phone is doing, in plain words (idle, dialling,
 * ringing, talking, only listening, hung up…). Returns a UI key (`sim.phone.<STATE>`, and `waiting`, `idle`,
 * `hungUp`), so every state has a sentence in both languages or type-checking fails. Pure.
 */
import type { TcpState } from '~/tcp/browser';
import type { UiKey } from '~/i18n/en';

/**
 * The key of the sentence for one end. `listening`: the end still has a listening socket (a server whose
 * call ended keeps waiting for the next); `used`: the end has left CLOSED before in this run, so CLOSED reads
 * "hung up" and not "idle".
 */
export function phoneKey(state: TcpState, { listening, used }: { listening: boolean; used: boolean }): UiKey {
  // A listener waits for a call, and so does a server whose call is over but still listens.
  if (state === 'LISTEN' || (state === 'CLOSED' && listening)) return 'sim.phone.waiting';
  if (state !== 'CLOSED') return `sim.phone.${state}`;
  return used ? 'sim.phone.hungUp' : 'sim.phone.idle';
}
