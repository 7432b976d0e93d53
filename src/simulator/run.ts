/**
 * A simulator run as data: the reader's moves are scenario steps (src/tcp/scenario.ts), and the model's
 * `runScenario` turns them into the trace that the ladder, the phone words and the challenges read. Undo
 * drops the last move and runs again: the same ISNs and moves always give the same trace. Pure.
 */
import {
  createWorld,
  runScenario,
  type CallArgs,
  type CallName,
  type Side,
  type Step,
  type TimerKind,
  type Trace,
  type WorldSnapshot,
} from '~/tcp/browser';

/** The calls the simulator has buttons for, in button order. */
export const SIM_CALLS = [
  'socket',
  'bind',
  'listen',
  'accept',
  'connect',
  'write',
  'read',
  'shutdown',
  'close',
] as const satisfies readonly CallName[];
/** A call the simulator offers. */
export type SimCall = (typeof SIM_CALLS)[number];

/** The timers the simulator has buttons for. */
export const SIM_TIMERS = ['retransmit', 'time_wait', 'delayed_ack'] as const satisfies readonly TimerKind[];
/** A timer the simulator offers. */
export type SimTimer = (typeof SIM_TIMERS)[number];

/** What the network buttons do to the oldest segment in flight: deliver it, deliver it holding the ACK, lose it. */
export type NetMove = 'deliver' | 'hold' | 'drop';

/**
 * One move of the reader. Example: `{ "side": "client", "call": "connect" }`, `{ "net": "deliver" }`,
 * `{ "side": "server", "timer": "retransmit" }`.
 */
export type Move = { side: Side; call: SimCall } | { side: Side; timer: SimTimer } | { net: NetMove };

/** Both ends' ISNs: the run's only randomness, drawn once per game and kept in a shared URL. */
export interface Isns {
  client: number;
  server: number;
}

/** The arguments a call button passes: the server binds the well-known port the client dials. */
export function callArgs(side: Side, call: SimCall): CallArgs | undefined {
  if (call === 'bind') return side === 'server' ? { port: 80 } : undefined;
  if (call === 'connect') return { port: 80 };
  if (call === 'write') return { data: 'hello' };
  if (call === 'read') return { max: 100 };
  if (call === 'shutdown') return { how: 'SHUT_WR' };
  return undefined;
}

/** A move as the scenario step the model runs. Pure. */
export function moveStep(move: Move): Step {
  if ('net' in move) {
    if (move.net === 'drop') return { drop: 'next' };
    return move.net === 'hold' ? { deliver: 'next', delayAck: true } : { deliver: 'next' };
  }
  if ('timer' in move) return { timer: move.timer, side: move.side };
  const args = callArgs(move.side, move.call);
  return args ? { call: move.side, op: move.call, args } : { call: move.side, op: move.call };
}

/** Runs the moves from a fresh world with these ISNs (RFC 9293 profile). Pure and deterministic. */
export function runMoves(isn: Isns, moves: readonly Move[]): Trace {
  return runScenario({
    id: 'simulator',
    title: { zh: '', en: '' },
    profile: 'rfc9293',
    seed: 0,
    isn: { ...isn },
    steps: moves.map(moveStep),
  });
}

/**
 * What the model shows at the end of the moves: each end's state and whether it still has a listening
 * socket (which the trace does not record). Plays the same moves in a world of its own. Pure.
 */
export function finalSnapshot(isn: Isns, moves: readonly Move[]): WorldSnapshot {
  const w = createWorld({ isn: { ...isn } });
  for (const move of moves) {
    if ('net' in move) {
      if (move.net === 'drop') w.drop('next');
      else w.deliver('next', { delayAck: move.net === 'hold' });
    } else if ('timer' in move) w.fireTimer(move.side, move.timer);
    else w.call(move.side, move.call, callArgs(move.side, move.call));
  }
  return w.snapshot();
}
