/**
 * The quiz's bridge to the TCP model (src/tcp): runs scenario files and reads answers from their
 * traces. Pure (given the scenario data); used at build time and, for number questions, in the browser.
 */
import { flagNames, runScenario, type Scenario, type Trace } from '~/tcp/browser';
import { TCP_STATES } from '~/tcp';
import type { Isns, QuizModel } from './answers';
type Side = 'client' | 'server';

/** A sent segment as the quiz reads it. */
export interface QuizSegment {
  from: Side;
  flags: string[];
  seq: number;
  ack: number;
  /** The scenario step (from 1) that sent it. */
  step: number;
}

/** Every segment a trace sent, in sending order (retransmissions included). Pure. */
export function traceSegments(trace: Trace): QuizSegment[] {
  return trace.steps.flatMap((step) =>
    step.sent.map((s) => ({ from: s.from, flags: flagNames(s), seq: s.seq, ack: s.ack, step: step.index + 1 })),
  );
}

/**
 * Runs an already parsed scenario with the given ISNs and lists the segments it sent. The browser
 * uses this one: the build has parsed and checked the scenario, so the checker need not ship. Pure.
 */
export function segmentsWithIsns(scenario: Scenario, isns: Isns): QuizSegment[] {
  return traceSegments(runScenario({ ...scenario, isn: { client: isns.client, server: isns.server } }));
}

/** The quiz model over parsed scenarios, with the scenarios themselves. */
export type SiteModel = QuizModel & { scenario(id: string): Scenario; trace(id: string): Trace };

/**
 * A QuizModel over parsed scenarios (by id). Each scenario is run once, lazily. Pure.
 */
export function createQuizModel(scenarios: ReadonlyMap<string, Scenario>): SiteModel {
  const traces = new Map<string, Trace>();
  const scenario = (id: string) => {
    const found = scenarios.get(id);
    if (!found) throw new Error(`there is no scenario "${id}" (content/scenarios/${id}.json)`);
    return found;
  };
  const trace = (id: string) => {
    let t = traces.get(id);
    if (!t) traces.set(id, (t = runScenario(scenario(id))));
    return t;
  };
  return {
    states: TCP_STATES,
    hasScenario: (id) => scenarios.has(id),
    scenario,
    trace,
    defaultIsns: (id) => ({ ...trace(id).isn }),
    stepCount: (id) => scenario(id).steps.length,
    stateAfter(id, step, side) {
      const entry = trace(id).steps[step - 1];
      if (!entry) throw new Error(`scenario "${id}" has ${scenario(id).steps.length} steps, not ${step}`);
      return entry.after[side];
    },
    segments(id, isns) {
      return isns ? segmentsWithIsns(scenario(id), isns) : traceSegments(trace(id));
    },
    calls: (id, side) => scenario(id).steps.flatMap((s) => ('call' in s && s.call === side ? [s.op] : [])),
  };
}
