/**
 * What a question's answer is made of, and what the quiz asks of the TCP model. Each question type
 * (src/quiz/types/<kind>) computes its answer through a QuizModel, so grading, the build check,
 * worksheets and the tests share one code path. Pure.
 */
/** A connection end. */
export type Side = 'client' | 'server';

/** Initial sequence numbers of both ends. */
export interface Isns {
  client: number;
  server: number;
}

/** What the quiz needs from the TCP model. `src/quiz/model.ts` implements it with `src/tcp`. */
export interface QuizModel {
  /** Every TCP state name, in the model's order. */
  states: readonly string[];
  /** True when the scenario exists. */
  hasScenario(scenario: string): boolean;
  /** The ISNs the scenario file uses. */
  defaultIsns(scenario: string): Isns;
  /** Steps in the scenario. */
  stepCount(scenario: string): number;
  /** One side's state after step `step` (from 1). */
  stateAfter(scenario: string, step: number, side: Side): string;
  /** The segments sent, in order, with the given ISNs. */
  segments(scenario: string, isns?: Isns): { from: Side; flags: string[]; seq: number; ack: number; step: number }[];
  /** The socket calls a side makes in the scenario, in order (call names such as "listen"). */
  calls(scenario: string, side: Side): string[];
}

/**
 * A segment's id in ordering questions: its sender and its most telling flag, in the lowercase form
 * `<Step id>` takes: "client-syn", "server-syn-ack", "client-fin" (a FIN usually carries ACK too; FIN is
 * what matters), "server-ack", "client-rst". Pure.
 */
export function segmentId(segment: { from: Side; flags: readonly string[] }): string {
  const f = new Set(segment.flags);
  const main = f.has('RST') ? 'rst' : f.has('SYN') ? (f.has('ACK') ? 'syn-ack' : 'syn') : f.has('FIN') ? 'fin' : 'ack';
  return `${segment.from}-${main}`;
}

/** The answer of a key, as the grader and the worksheet need it. */
export type Answer =
  | { type: 'choice'; correct: string[] }
  | { type: 'order'; order: string[] }
  | { type: 'number'; value: number; isns: Isns }
  | { type: 'state'; state: string; options: string[] };
