/**
 * Which sentence explains a failed socket call in the simulator: the model's reason when it gives one
 * (e.g. "accept-before-listen"), else its errno. Returns the i18n key; the text lives in src/i18n
 * (`sim.why.*`, `sim.errno.*`). The return type is a UI key, so a `Reason` or `Errno` the model adds
 * without a sentence in src/i18n fails type-checking here. Pure.
 */
import type { UiKey } from '~/i18n';
import type { CallName, Errno, Reason } from '~/tcp/browser';

/** The i18n key explaining `op` failing with `errno` and `reason`. Pure. */
export function explainKey(op: CallName, errno: Errno, reason?: Reason): UiKey {
  // EAGAIN means "would wait", and what it would wait for depends on the call.
  if (reason === 'would-block')
    return op === 'accept'
      ? 'sim.why.would-block-accept'
      : op === 'read' || op === 'recv'
        ? 'sim.why.would-block-read'
        : 'sim.errno.EAGAIN';
  if (reason) return `sim.why.${reason}`;
  return errnoKey(errno);
}

/** The i18n key explaining an error the connection reports on its own (a RST: ECONNRESET, ECONNREFUSED). Pure. */
export function errnoKey(errno: Errno): UiKey {
  return `sim.errno.${errno}`;
}
