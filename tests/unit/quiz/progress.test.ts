import { describe, expect, it } from 'vitest';
import {
  emptyProgress,
  isLessonDone,
  lessonScore,
  parseProgress,
  recordChallenge,
  PROGRESS_VERSION,
  recordAnswer,
  registerLesson,
  resetLesson,
} from '~/quiz/progress';

describe('quiz progress store', () => {
  it('ignores corrupt, foreign and old data instead of crashing', () => {
    for (const raw of [
      null,
      '',
      '{',
      'null',
      '[]',
      '42',
      '"x"',
      '{"v":0,"q":{}}',
      '{"v":"1"}',
      '{"q":{"a":{"l":"x","ok":true,"n":1}}}',
    ]) {
      expect(parseProgress(raw), String(raw)).toEqual(emptyProgress());
    }
  });

  it('keeps good entries and drops malformed ones', () => {
    const raw = JSON.stringify({
      v: PROGRESS_VERSION,
      q: {
        good: { l: 'les', ok: true, n: 2 },
        bad1: { l: 'les', ok: 'yes', n: 1 },
        bad2: { l: 3, ok: true, n: 1 },
        bad3: 'x',
        bad4: { l: 'les', ok: false, n: -1 },
      },
      lessons: { les: ['good', 'other'], broken: [1, 2], alsoBroken: 'good' },
    });
    const p = parseProgress(raw);
    expect(Object.keys(p.q)).toEqual(['good']);
    expect(p.lessons).toEqual({ les: ['good', 'other'] });
  });

  it('scores a lesson, lists what was missed and marks it done only when all are right', () => {
    let p = registerLesson(emptyProgress(), 'hs', ['a', 'b', 'c']);
    expect(lessonScore(p, 'hs')).toEqual({ correct: 0, answered: 0, total: 3, missed: [] });
    p = recordAnswer(p, 'hs', 'a', true);
    p = recordAnswer(p, 'hs', 'b', false);
    expect(lessonScore(p, 'hs')).toEqual({ correct: 1, answered: 2, total: 3, missed: ['b'] });
    expect(isLessonDone(p, 'hs')).toBe(false);
    p = recordAnswer(p, 'hs', 'b', true);
    p = recordAnswer(p, 'hs', 'c', true);
    expect(p.q.b).toEqual({ l: 'hs', ok: true, n: 2 });
    expect(isLessonDone(p, 'hs')).toBe(true);
    expect(isLessonDone(p, 'other')).toBe(false);
  });

  it('survives a round trip through JSON and resets one lesson only', () => {
    let p = registerLesson(registerLesson(emptyProgress(), 'one', ['a']), 'two', ['b']);
    p = recordAnswer(recordAnswer(p, 'one', 'a', true), 'two', 'b', true);
    const back = parseProgress(JSON.stringify(p));
    expect(back).toEqual(p);
    const reset = resetLesson(back, 'one');
    expect(Object.keys(reset.q)).toEqual(['b']);
    expect(reset.lessons.one).toEqual(['a']);
  });
});

describe('simulator challenges in progress', () => {
  it('loads data saved before challenges existed, with none completed', () => {
    const old = JSON.stringify({ v: PROGRESS_VERSION, q: { a: { l: 'hs', ok: true, n: 1 } }, lessons: { hs: ['a'] } });
    const p = parseProgress(old);
    expect(p.sim).toEqual([]);
    expect(p.q.a).toEqual({ l: 'hs', ok: true, n: 1 });
  });

  it('records a challenge once, and keeps only string ids when loading', () => {
    let p = recordChallenge(emptyProgress(), 'refused');
    p = recordChallenge(p, 'refused');
    p = recordChallenge(p, 'close-wait');
    expect(p.sim).toEqual(['refused', 'close-wait']);
    const round = parseProgress(JSON.stringify({ ...p, sim: [...p.sim, 7, null, 'refused'] }));
    expect(round.sim).toEqual(['refused', 'close-wait']);
    expect(parseProgress(JSON.stringify({ ...p, sim: 'refused' })).sim).toEqual([]);
  });
});
