import { describe, expect, it } from 'vitest';
import { getQuizzes } from '~/quiz';

describe('worksheet data for a lesson', () => {
  it('lists the handshake questions in both languages with the same ids and model-computed answers', () => {
    const en = getQuizzes('en', 'three-way-handshake');
    const zh = getQuizzes('zh', 'three-way-handshake');
    expect(en.map((q) => q.id)).toEqual(zh.map((q) => q.id));
    expect(en.length).toBeGreaterThanOrEqual(5);

    const why = en.find((q) => q.id === 'hs-why-three')!;
    expect(why.options!.filter((o) => o.correct).map((o) => o.id)).toEqual(['b']);
    expect(why.options!.find((o) => o.id === 'a')!.feedback).toMatch(/bare ACK/);
    expect(why.explanation).toMatch(/ISN/);

    expect(en.find((q) => q.id === 'hs-server-calls')!.steps!.map((s) => s.id)).toEqual([
      'socket',
      'bind',
      'listen',
      'accept',
    ]);
    const ack = zh.find((q) => q.id === 'hs-ack-of-synack')!;
    expect(ack.answer).toEqual({ type: 'number', value: 101, isns: { client: 100, server: 300 } });
    expect(ack.prompt).toContain('确认号');
    const state = en.find((q) => q.id === 'hs-state-after-syn')!;
    expect(state.options!.find((o) => o.correct)!.id).toBe('SYN_RECEIVED');
    expect(state.source).toMatch(/^content\/lessons\/en\/02-three-way-handshake\.mdx:\d+$/);
  });

  it('is empty for a lesson without questions or an unknown lesson', () => {
    expect(getQuizzes('en', 'no-such-lesson')).toEqual([]);
  });
});
