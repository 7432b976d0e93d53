import { describe, expect, it } from 'vitest';
import { CHALLENGE_IDS, completed } from '~/simulator/challenges';
import { runMoves } from '~/simulator/run';
import { MISSES, PLAYS, moves } from './plays';

const ISN = { client: 100, server: 300 };
const done = (play: string) => completed(runMoves(ISN, moves(play)));

describe('simulator challenges', () => {
  it('has at least eight, each with a play and a miss', () => {
    expect(CHALLENGE_IDS.length).toBeGreaterThanOrEqual(8);
    expect(Object.keys(PLAYS).sort()).toEqual([...CHALLENGE_IDS].sort());
    expect(Object.keys(MISSES).sort()).toEqual([...CHALLENGE_IDS].sort());
  });

  it.each(CHALLENGE_IDS)('%s: the scripted play completes it', (id) => {
    expect(done(PLAYS[id]!)).toContain(id);
  });

  it.each(CHALLENGE_IDS)('%s: the play completes it with its last move, not before', (id) => {
    expect(done(PLAYS[id]!.split(',').slice(0, -1).join(','))).not.toContain(id);
  });

  it.each(CHALLENGE_IDS)('%s: the near miss does not', (id) => {
    expect(done(MISSES[id]!)).not.toContain(id);
  });

  it('an empty run completes nothing', () => {
    expect(done('')).toEqual([]);
  });

  it('a whole ordinary call completes only TIME_WAIT expiry', () => {
    expect(done(PLAYS['time-wait-expires']!)).toEqual(['time-wait-expires']);
  });
});
