/**
 * The quiz's bridge to the TCP model (src/tcp): runs scenario files and reads answers from their
 * traces. Pure (given the scenario data); used at build time and, for number questions, in the browser.
 */
import { flagNames, runScenario, type Scenario, type Trace } from '~/tcp/browser';
import { parseScenario, TCP_STATES } from '~/tcp';
import type { Isns, QuizModel } from './answers';
import type { Side } from './keys';

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

/**
 * A QuizModel over scenario files (`{ "content/scenarios/handshake.json": json, … }`). Each scenario
 * is parsed and run once, lazily. Pure.
 */
export function modelFromScenarios(files: Record<string, unknown>): QuizModel & { scenario(id: string): Scenario } {
  const byId = new Map<string, { file: string; json: unknown }>();
  for (const [file, json] of Object.entries(files))
    byId.set(file.replace(/^.*\//, '').replace(/\.json$/, ''), { file, json });
  const parsed = new Map<string, { scenario: Scenario; trace: Trace }>();
  const get = (id: string) => {
    let entry = parsed.get(id);
    if (!entry) {
      const source = byId.get(id);
      if (!source) throw new Error(`there is no scenario "${id}" (content/scenarios/${id}.json)`);
      const scenario = parseScenario(source.json, source.file);
      entry = { scenario, trace: runScenario(scenario) };
      parsed.set(id, entry);
    }
    return entry;
  };
  return {
    states: TCP_STATES,
    hasScenario: (id) => byId.has(id),
    scenario: (id) => get(id).scenario,
    defaultIsns: (id) => ({ ...get(id).trace.isn }),
    stepCount: (id) => get(id).scenario.steps.length,
    stateAfter(id, step, side) {
      const entry = get(id).trace.steps[step - 1];
      if (!entry) throw new Error(`scenario "${id}" has ${get(id).scenario.steps.length} steps, not ${step}`);
      return entry.after[side];
    },
    segments(id, isns) {
      return isns ? segmentsWithIsns(get(id).scenario, isns) : traceSegments(get(id).trace);
    },
    calls: (id, side) => get(id).scenario.steps.flatMap((s) => ('call' in s && s.call === side ? [s.op] : [])),
  };
}
