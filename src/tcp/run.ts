/** Runs a scenario into a trace: what each step did to both ends. `runScenario` is pure (deterministic). */
import type { SentSegment, TcpState } from './types';
import type { Scenario, Step } from './scenario';
import { injectionSegment } from './segment';
import { createWorld, type LoggedError, type StateChange, type World } from './world';

/** Both ends' states. */
export interface States {
  client: TcpState;
  server: TcpState;
}

/**
 * A connection's send and receive sequence variables (RFC 9293 §3.3.1), or null when the side has no
 * connection (CLOSED, or only a listener). Example: `{ "sndUna": 101, "sndNxt": 101, "rcvNxt": 301 }`
 */
export type SeqVars = { sndUna: number; sndNxt: number; rcvNxt: number } | null;

/** Both ends' sequence variables. */
export interface SeqVarsBoth {
  client: SeqVars;
  server: SeqVars;
}

/**
 * Whether each end still has a listening socket, which its state does not always show: a server whose
 * accepted connection is CLOSED still listens for the next call. Example: `{ "client": false, "server": true }`
 */
export interface Listening {
  client: boolean;
  server: boolean;
}

/**
 * What one step did. `sent` lists the segments put on the network during the step; `delivered`/`dropped`/
 * `delayed` the segment the step moved (`deliveredAll` for `"deliver": "all"`); `errors` both a failed
 * call's errno and errors a segment raised (e.g. a RST: `op` "connect" or "recv"); `changes` each TCB's
 * state changes in order; `result` the call's result or, for a timer, whether it was running; `vars`
 * both ends' sequence variables after the step; `listening` which ends have a listener after it.
 */
export interface TraceStep {
  index: number;
  step: Step;
  before: States;
  after: States;
  sent: SentSegment[];
  delivered?: SentSegment;
  deliveredAll?: SentSegment[];
  dropped?: SentSegment;
  delayed?: SentSegment;
  errors: LoggedError[];
  changes: StateChange[];
  result?: unknown;
  vars: SeqVarsBoth;
  listening: Listening;
}

/** A run of a scenario: the ISNs used and one entry per step. */
export interface Trace {
  scenario: Scenario;
  isn: { client: number; server: number };
  steps: TraceStep[];
  /** Segments still in flight at the end. */
  inFlight: SentSegment[];
}

/** Runs `scenario` in a fresh world. Pure: the same scenario always gives the same trace. */
export function runScenario(scenario: Scenario): Trace {
  const w = createWorld({
    seed: scenario.seed,
    profile: scenario.profile,
    ...(scenario.isn ? { isn: scenario.isn } : {}),
  });
  const steps = scenario.steps.map((step, index) => runStep(w, step, index));
  return { scenario, isn: { ...w.isn }, steps, inFlight: [...w.inFlight()] };
}

/**
 * Runs one scenario step in `w` and says what it did, as `runScenario` does for each step; `index` is
 * the step's number. A simulator keeps its world and runs each move this way, so a move costs one step
 * (`World.save`/`restore` undo it). Not pure: it moves the world (and empties its log) and nothing else.
 */
export function runStep(w: World, step: Step, index: number): TraceStep {
  const states = (): States => ({ client: w.state('client'), server: w.state('server') });
  const seqVars = (side: 'client' | 'server'): SeqVars => {
    const tcb = w.tcb(side);
    return tcb && tcb.state !== 'CLOSED' && tcb.state !== 'LISTEN'
      ? { sndUna: tcb.sndUna, sndNxt: tcb.sndNxt, rcvNxt: tcb.rcvNxt }
      : null;
  };
  w.takeLog(); // Only this step's segments, errors and changes.
  const before = states();
  const moved: Partial<TraceStep> = {};
  if ('call' in step) moved.result = w.call(step.call, step.op, step.args);
  else if ('deliver' in step) {
    const o = { delayAck: step.delayAck ?? false };
    if (step.deliver === 'all') {
      const all: SentSegment[] = [];
      for (let s = w.deliver('next', o); s && all.length < 1000; s = w.deliver('next', o)) all.push(s);
      moved.deliveredAll = all;
    } else {
      const s = w.deliver(step.deliver, o);
      if (s) moved.delivered = s;
    }
  } else if ('drop' in step) {
    const s = w.drop(step.drop);
    if (s) moved.dropped = s;
  } else if ('delay' in step) {
    const s = w.delay(step.delay);
    if (s) moved.delayed = s;
  } else if ('inject' in step) {
    const i = step.inject;
    w.inject(i.from, injectionSegment(i), i.port === undefined ? {} : { port: i.port });
  } else if ('crash' in step) w.crash(step.crash);
  else moved.result = { fired: w.fireTimer(step.side, step.timer) };
  const log = w.takeLog();
  const vars = { client: seqVars('client'), server: seqVars('server') };
  const snap = w.snapshot();
  return {
    index,
    step,
    before,
    after: states(),
    ...moved,
    sent: log.sent,
    errors: log.errors,
    changes: log.changes,
    vars,
    listening: { client: snap.client.listener !== null, server: snap.server.listener !== null },
  };
}
