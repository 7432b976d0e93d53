import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeRun, encodeRun, MAX_MOVES } from '~/simulator/share';
import { SIM_CALLS, SIM_TIMERS, type Move } from '~/simulator/run';
import { PLAYS, moves } from './plays';

const move: fc.Arbitrary<Move> = fc.oneof(
  fc.record({ side: fc.constantFrom('client' as const, 'server' as const), call: fc.constantFrom(...SIM_CALLS) }),
  fc.record({ side: fc.constantFrom('client' as const, 'server' as const), timer: fc.constantFrom(...SIM_TIMERS) }),
  fc.record({ net: fc.constantFrom('deliver' as const, 'hold' as const, 'drop' as const) }),
);
const isn = fc.integer({ min: 0, max: 0xffffffff });

describe('sharing a run in the URL fragment', () => {
  it('writes a readable fragment', () => {
    expect(encodeRun({ client: 100, server: 300 }, moves('s.socket,c.connect,d,h,x,c.retransmit'))).toBe(
      '#run=1,100,300,s.socket,c.connect,d,h,x,c.retransmit',
    );
  });

  it('round-trips any run', () => {
    fc.assert(
      fc.property(isn, isn, fc.array(move, { maxLength: 60 }), (client, server, ms) => {
        const d = decodeRun(encodeRun({ client, server }, ms));
        expect(d).toEqual({ ok: true, isn: { client, server }, moves: ms });
      }),
    );
  });

  it('round-trips every challenge play, and accepts escaped commas', () => {
    for (const play of Object.values(PLAYS)) {
      const hash = encodeRun({ client: 5, server: 6 }, moves(play));
      expect(decodeRun(hash.replaceAll(',', '%2C'))).toEqual(decodeRun(hash));
      expect(decodeRun(hash)).toMatchObject({ ok: true, moves: moves(play) });
    }
  });

  it('ignores fragments that are not runs', () => {
    for (const h of ['', '#', '#summary', '#run', 'top']) expect(decodeRun(h), h).toBeNull();
  });

  it.each([
    ['#run=', 'format'],
    ['#run=1,100', 'format'],
    ['#run=2,100,300,d', 'version'],
    ['#run=1,-1,300', 'isn'],
    ['#run=1,4294967296,300', 'isn'],
    ['#run=1,1e3,300', 'isn'],
    ['#run=1,100,300,s.fork', 'move'],
    ['#run=1,100,300,c.constructor', 'move'],
    ['#run=1,100,300,__proto__', 'move'],
    ['#run=1,100,300,toString', 'move'],
    ['#run=1,100,300,<img src=x onerror=alert(1)>', 'move'],
    ['#run=1,100,300,c.socket%3Cscript%3E', 'move'],
    ['#run=1,100,300,javascript:alert(1)', 'move'],
    [
      `#run=1,100,300,${Array(MAX_MOVES + 1)
        .fill('d')
        .join(',')}`,
      'long',
    ],
    [`#run=1,100,300,${'x'.repeat(100000)}`, 'long'],
  ])('refuses %s (%s)', (hash, reason) => {
    expect(decodeRun(hash)).toEqual({ ok: false, reason });
  });

  it('never throws, and whatever it accepts encodes back to the same run', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (junk) => {
        for (const h of [junk, `#run=${junk}`, `#run=1,1,1,${junk}`]) {
          const d = decodeRun(h);
          if (d?.ok) expect(decodeRun(encodeRun(d.isn, d.moves))).toEqual(d);
          else if (d) expect(['format', 'version', 'isn', 'move', 'long']).toContain(d.reason);
        }
      }),
    );
  });
});
