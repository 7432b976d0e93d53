import { describe, expect, it } from 'vitest';
import { LANGS, STRINGS } from '~/i18n';
import { fill } from '~/i18n/fill';
import { errnoKey, explainKey } from '~/simulator/explain';
import { createWorld, type CallArgs, type CallName, type Errno, type Reason, type Side, type World } from '~/tcp';

/** Every reason and errno the model knows; a Record over the union, so a new one not listed fails type-checking. */
const REASONS: Record<Reason, true> = {
  'no-socket': true,
  'one-socket-per-side': true,
  'already-bound': true,
  'listen-on-connected-socket': true,
  'accept-before-listen': true,
  'would-block': true,
  'connect-in-progress': true,
  'connect-on-listener': true,
  'already-connected': true,
  'not-connected': true,
  'write-after-shutdown': true,
  'unknown-call': true,
};
const ERRNOS: Record<Errno, true> = {
  EAGAIN: true,
  EALREADY: true,
  EBADF: true,
  ECONNREFUSED: true,
  ECONNRESET: true,
  EINVAL: true,
  EISCONN: true,
  EMFILE: true,
  ENOTCONN: true,
  EPIPE: true,
  ETIMEDOUT: true,
};

interface Refusal {
  op: CallName;
  errno: Errno;
  reason: Reason | undefined;
}

/** Plays illegal moves a reader can make with the simulator's buttons and returns the model's refusals. */
function refusals(): Refusal[] {
  const out: Refusal[] = [];
  const play = (w: World, side: Side, op: CallName, args?: CallArgs) => {
    const r = w.call(side, op, args);
    if (!r.ok) out.push({ op, errno: r.errno, reason: r.reason });
  };
  const w = createWorld();
  play(w, 'server', 'accept'); // no socket yet
  play(w, 'server', 'socket');
  play(w, 'server', 'accept'); // not listening
  play(w, 'server', 'bind', { port: 80 });
  play(w, 'server', 'bind', { port: 80 }); // twice
  play(w, 'server', 'socket'); // a second socket
  play(w, 'server', 'write', { data: 'x' }); // not connected
  play(w, 'server', 'listen');
  play(w, 'server', 'accept'); // nothing to accept yet
  play(w, 'client', 'socket');
  play(w, 'client', 'connect', { port: 80 });
  play(w, 'client', 'connect', { port: 80 }); // already dialling
  play(w, 'client', 'read'); // nothing to read yet
  while (w.deliver());
  play(w, 'client', 'connect', { port: 80 }); // connected
  play(w, 'client', 'listen'); // connected
  play(w, 'client', 'shutdown');
  play(w, 'client', 'write', { data: 'x' }); // after shutdown
  play(w, 'client', 'dial' as CallName); // a call the model does not know
  const linux = createWorld({ profile: 'linux' });
  for (const op of ['socket', 'listen', 'connect'] as const) play(linux, 'server', op, { port: 80 });
  return out;
}

describe('explanations of refused calls', () => {
  it('pick the most specific sentence', () => {
    expect(explainKey('accept', 'EINVAL', 'accept-before-listen')).toBe('sim.why.accept-before-listen');
    expect(explainKey('accept', 'EAGAIN', 'would-block')).toBe('sim.why.would-block-accept');
    expect(explainKey('read', 'EAGAIN', 'would-block')).toBe('sim.why.would-block-read');
    expect(explainKey('write', 'EAGAIN', 'would-block')).toBe('sim.errno.EAGAIN');
    expect(explainKey('connect', 'ECONNREFUSED')).toBe('sim.errno.ECONNREFUSED');
    expect(errnoKey('ECONNRESET')).toBe('sim.errno.ECONNRESET');
  });

  it('the model gives every reason, and each sentence starts with the errno the call failed with', () => {
    const seen = refusals();
    expect(new Set(seen.map((r) => r.reason))).toEqual(new Set(Object.keys(REASONS)));
    for (const lang of LANGS)
      for (const { op, errno, reason } of seen) {
        const text = fill(STRINGS[lang][explainKey(op, errno, reason)], { errno });
        expect(text, `${lang}: ${op} ${errno} ${reason}`).toMatch(new RegExp(`^${errno}[:：]`));
      }
  });

  it('every errno has its own sentence in both languages', () => {
    for (const lang of LANGS)
      for (const errno of Object.keys(ERRNOS) as Errno[])
        expect(STRINGS[lang][errnoKey(errno)], `${lang} ${errno}`).toMatch(new RegExp(`^${errno}[:：]`));
  });
});
