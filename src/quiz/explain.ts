/**
 * Which sentence explains a failed socket call: the model's reason code when there is one
 * (e.g. "accept-before-listen"), else its errno. Returns the i18n key; the text lives in
 * src/i18n (`sim.why.*`, `sim.errno.*`). Pure.
 */
import type { Errno } from '~/tcp';

/** The model's reason codes that have their own sentence. */
export const EXPLAINED_REASONS = [
  'no-socket',
  'one-socket-per-side',
  'already-bound',
  'listen-on-connected-socket',
  'accept-before-listen',
  'connect-in-progress',
  'connect-on-listener',
  'already-connected',
  'not-connected',
  'write-after-shutdown',
  'unknown-call',
] as const;

/** Every errno the model can give, each with a fallback sentence. */
export const EXPLAINED_ERRNOS: readonly Errno[] = [
  'EAGAIN',
  'EALREADY',
  'EBADF',
  'ECONNREFUSED',
  'ECONNRESET',
  'EINVAL',
  'EISCONN',
  'EMFILE',
  'ENOTCONN',
  'EPIPE',
  'ETIMEDOUT',
];

/** The i18n key explaining `op` failing with `errno` and `reason`. Pure. */
export function explainKey(op: string, errno: Errno, reason?: string): string {
  if (reason === 'would-block')
    return op === 'accept'
      ? 'sim.why.would-block-accept'
      : op === 'read' || op === 'recv'
        ? 'sim.why.would-block-read'
        : 'sim.errno.EAGAIN';
  if (reason && (EXPLAINED_REASONS as readonly string[]).includes(reason)) return `sim.why.${reason}`;
  return `sim.errno.${errno}`;
}
