import { describe, expect, it } from 'vitest';
import { gradeChoice, gradeNumber, gradeOrder, gradeState, readNumber } from '~/quiz/grade';
import { hashString, randomIsn, scramble, seeded, shuffle } from '~/quiz/random';

describe('grading', () => {
  it('choice: right only with exactly the correct options, with a verdict per option', () => {
    expect(gradeChoice(['a', 'b', 'c'], ['b'], ['b']).ok).toBe(true);
    expect(gradeChoice(['a', 'b', 'c'], ['b'], ['a']).ok).toBe(false);
    expect(gradeChoice(['a', 'b', 'c'], ['b'], []).ok).toBe(false);
    const multi = gradeChoice(['a', 'b', 'c'], ['a', 'c'], ['a']);
    expect(multi.ok).toBe(false);
    expect(multi.options).toEqual([
      { id: 'a', chosen: true, correct: true },
      { id: 'b', chosen: false, correct: false },
      { id: 'c', chosen: false, correct: true },
    ]);
    expect(gradeChoice(['a', 'b', 'c'], ['a', 'c'], ['c', 'a']).ok).toBe(true);
    expect(gradeChoice(['a', 'b', 'c'], ['a', 'c'], ['a', 'b', 'c']).ok).toBe(false);
  });

  it('order: right only in the exact order, with each position judged', () => {
    expect(gradeOrder(['s', 'b', 'l', 'a'], ['s', 'b', 'l', 'a'])).toEqual({
      ok: true,
      positions: [true, true, true, true],
    });
    expect(gradeOrder(['s', 'b', 'l', 'a'], ['s', 'l', 'b', 'a'])).toEqual({
      ok: false,
      positions: [true, false, false, true],
    });
  });

  it('number: accepts the value, explains off-by-one and mixed-up counters', () => {
    expect(gradeNumber(4001, '4001')).toEqual({ ok: true });
    expect(gradeNumber(4001, ' 4 001 ')).toEqual({ ok: true });
    expect(gradeNumber(4001, '')).toEqual({ ok: false, mistake: 'empty' });
    expect(gradeNumber(4001, '4001.5')).toEqual({ ok: false, mistake: 'nan' });
    expect(gradeNumber(4001, '-4001')).toEqual({ ok: false, mistake: 'nan' });
    expect(gradeNumber(4001, '4000', { isns: [4000, 9000] })).toEqual({
      ok: false,
      mistake: 'off-by-one',
      value: 4000,
    });
    expect(gradeNumber(4001, '4002', { isns: [4000, 9000] })).toEqual({
      ok: false,
      mistake: 'off-by-one',
      value: 4002,
    });
    expect(gradeNumber(4001, '9001', { isns: [4000, 9000] })).toEqual({ ok: false, mistake: 'mixed', value: 9001 });
    expect(gradeNumber(4001, '123', { isns: [4000, 9000] })).toEqual({ ok: false, mistake: 'wrong', value: 123 });
  });

  it('number: reads what was typed before any expected value is known (the model may still be loading)', () => {
    expect(readNumber(' 4 001 ')).toBe(4001);
    expect(readNumber('1,000_000')).toBe(1000000);
    expect(readNumber('  ')).toBe('empty');
    expect(readNumber('12a')).toBe('nan');
    expect(readNumber('-1')).toBe('nan');
  });

  it('state: exact state name', () => {
    expect(gradeState('SYN_SENT', 'SYN_SENT').ok).toBe(true);
    expect(gradeState('SYN_SENT', 'SYN_RECEIVED').ok).toBe(false);
    expect(gradeState('SYN_SENT', undefined).ok).toBe(false);
  });
});

describe('randomness helpers', () => {
  it('shuffles reproducibly per seed and keeps every item', () => {
    const items = ['a', 'b', 'c', 'd', 'e'];
    expect(shuffle(items, seeded(7))).toEqual(shuffle(items, seeded(7)));
    expect(shuffle(items, seeded(7)).sort()).toEqual(items);
    expect(hashString('hs-why-three')).toBe(hashString('hs-why-three'));
  });

  it('scramble never returns the solved order', () => {
    for (let seed = 0; seed < 300; seed++) {
      expect(scramble(['1', '2'], seeded(seed))).toEqual(['2', '1']);
      expect(scramble(['a', 'b', 'c', 'd'], seeded(seed))).not.toEqual(['a', 'b', 'c', 'd']);
    }
  });

  it('random ISNs are readable whole numbers that are not round', () => {
    for (let seed = 0; seed < 500; seed++) {
      const isn = randomIsn(seeded(seed));
      expect(Number.isInteger(isn)).toBe(true);
      expect(isn).toBeGreaterThanOrEqual(1000);
      expect(isn).toBeLessThan(90_100);
      expect(isn % 100).not.toBe(0);
    }
  });
});
