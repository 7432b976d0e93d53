/**
 * A simulator run as data: the reader's moves are scenario steps (src/tcp/scenario.ts), and the model
 * turns them into the trace that the ladder, the phone words and the challenges read. A `LiveRun` keeps
 * its world and runs each new move as one step (`runStep`); undo puts back the world saved before the
 * last move. The same ISNs and moves always give the same trace, however they were reached.
 */
import {
  createWorld,
  runScenario,
  runStep,
  type CallArgs,
  type CallName,
  type Scenario,
  type Side,
  type Step,
  type TimerKind,
  type Trace,
  type TraceStep,
  type World,
  type WorldState,
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

/** The scenario the moves are: the RFC 9293 profile, these ISNs. Pure. */
function movesScenario(isn: Isns, moves: readonly Move[]): Scenario {
  return {
    id: 'simulator',
    title: { zh: '', en: '' },
    profile: 'rfc9293',
    seed: 0,
    isn: { ...isn },
    steps: moves.map(moveStep),
  };
}

/** Runs the moves from a fresh world with these ISNs (RFC 9293 profile). Pure and deterministic. */
export function runMoves(isn: Isns, moves: readonly Move[]): Trace {
  return runScenario(movesScenario(isn, moves));
}

/**
 * A run that grows one move at a time. `trace` is always the trace `runMoves(isn, moves)` would give,
 * kept up to date in place: `push` runs only the new move in the kept world and appends its step, `pop`
 * restores the world saved before the last move and removes its step. Deterministic; not pure (it holds
 * the world).
 */
export class LiveRun {
  /** The trace of the moves so far; its `steps` and `inFlight` change in place with every push and pop. */
  readonly trace: Trace;
  /** The moves so far (read only: `push` and `pop` change them). */
  readonly moves: Move[] = [];
  private readonly world: World;
  /** The world as it was before each move, for undo. */
  private readonly saved: WorldState[] = [];

  constructor(
    readonly isn: Isns,
    moves: readonly Move[] = [],
  ) {
    this.world = createWorld({ isn: { ...isn } });
    this.trace = { scenario: movesScenario(isn, []), isn: { ...isn }, steps: [], inFlight: [] };
    moves.forEach((m) => this.push(m));
  }

  /** Plays `move`: one step of the model; returns what it did (also the trace's last step). */
  push(move: Move): TraceStep {
    const { world, trace } = this;
    const step = moveStep(move);
    this.saved.push(world.save());
    const st = runStep(world, step, trace.steps.length);
    this.moves.push(move);
    trace.scenario.steps.push(step);
    trace.steps.push(st);
    trace.inFlight = [...world.inFlight()];
    return st;
  }

  /** Takes the last move back, world and trace; returns it, or undefined when there was none. */
  pop(): Move | undefined {
    const { world, trace } = this;
    const state = this.saved.pop();
    if (!state) return undefined;
    world.restore(state);
    trace.scenario.steps.pop();
    trace.steps.pop();
    trace.inFlight = [...world.inFlight()];
    return this.moves.pop();
  }
}
