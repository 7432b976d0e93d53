import { describe, expect, it } from 'vitest';
import { explainKey, EXPLAINED_ERRNOS, EXPLAINED_REASONS } from '~/quiz/explain';
import { en } from '~/i18n/en';
import { createWorld } from '~/tcp';

describe('explanations of failed calls', () => {
  it('have a sentence for every reason and errno, and pick the most specific', () => {
    for (const reason of EXPLAINED_REASONS) expect(en).toHaveProperty([`sim.why.${reason}`]);
    for (const errno of EXPLAINED_ERRNOS) expect(en).toHaveProperty([`sim.errno.${errno}`]);
    expect(explainKey('accept', 'EINVAL', 'accept-before-listen')).toBe('sim.why.accept-before-listen');
    expect(explainKey('accept', 'EAGAIN', 'would-block')).toBe('sim.why.would-block-accept');
    expect(explainKey('read', 'EAGAIN', 'would-block')).toBe('sim.why.would-block-read');
    expect(explainKey('connect', 'ECONNREFUSED')).toBe('sim.errno.ECONNREFUSED');
    expect(explainKey('write', 'EPIPE', 'something-new')).toBe('sim.errno.EPIPE');
  });

  it('cover every reason the model gives for an illegal move', () => {
    const w = createWorld();
    const reasons = [
      w.call('server', 'accept'),
      (w.call('server', 'socket'), w.call('server', 'accept')),
      (w.call('server', 'bind', { port: 80 }), w.call('server', 'bind', { port: 80 })),
      w.call('server', 'socket'),
      w.call('server', 'write', { data: 'x' }),
    ].map((r) => (r.ok ? 'ok' : r.reason));
    expect(reasons).toEqual([
      'no-socket',
      'accept-before-listen',
      'already-bound',
      'one-socket-per-side',
      'not-connected',
    ]);
    for (const r of reasons) expect(explainKey('x', 'EINVAL', r)).toBe(`sim.why.${r}`);
  });
});
