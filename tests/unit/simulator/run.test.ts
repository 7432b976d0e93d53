import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LiveRun, runMoves, SIM_CALLS, SIM_TIMERS, type Move } from '~/simulator/run';
import { PLAYS, moves } from './plays';

const ISN = { client: 100, server: 300 };
const move: fc.Arbitrary<Move> = fc.oneof(
  fc.record({ side: fc.constantFrom('client' as const, 'server' as const), call: fc.constantFrom(...SIM_CALLS) }),
  fc.record({ side: fc.constantFrom('client' as const, 'server' as const), timer: fc.constantFrom(...SIM_TIMERS) }),
  { weight: 3, arbitrary: fc.record({ net: fc.constantFrom('deliver' as const, 'hold' as const, 'drop' as const) }) },
);

describe('a live run: the kept world, one step per move', () => {
  it.each(Object.entries(PLAYS))('%s: playing move by move gives the trace of running them all', (_, play) => {
    const ms = moves(play);
    const live = new LiveRun(ISN);
    for (const m of ms) live.push(m);
    expect(live.trace).toEqual(runMoves(ISN, ms));
    expect(live.moves).toEqual(ms);
  });

  it('after any mix of moves and undos, the trace is that of the moves left', () => {
    fc.assert(
      fc.property(fc.array(fc.option(move, { freq: 4, nil: null }), { maxLength: 50 }), (ops) => {
        const live = new LiveRun(ISN);
        const kept: Move[] = [];
        for (const op of ops) {
          if (op === null) {
            expect(live.pop()).toEqual(kept.pop());
          } else {
            const st = live.push(op);
            kept.push(op);
            expect(st).toBe(live.trace.steps.at(-1));
          }
          expect(live.trace).toEqual(runMoves(ISN, kept));
        }
      }),
      { numRuns: 150, seed: 9293 },
    );
  });

  it('undoing every move leaves a fresh world; undo with no moves does nothing', () => {
    const live = new LiveRun(ISN, moves(PLAYS['lost-final-ack']!));
    while (live.pop());
    expect(live.pop()).toBeUndefined();
    expect(live.trace).toEqual(runMoves(ISN, []));
    live.push({ side: 'client', call: 'socket' });
    expect(live.trace).toEqual(runMoves(ISN, moves('c.socket')));
  });

  it('says after each move whether a server still listens once its call is over', () => {
    const live = new LiveRun(
      ISN,
      moves('s.socket,s.bind,s.listen,c.socket,c.connect,d,d,d,s.accept,c.close,d,d,s.close,d,d'),
    );
    const last = live.trace.steps.at(-1)!;
    expect(last.after.server).toBe('CLOSED');
    expect(last.listening).toEqual({ client: false, server: true });
    expect(live.trace.steps[1]!.listening.server).toBe(false);
  });
});
