/**
 * Turns answer keys into answers, asking the model wherever it can compute them. The model is
 * passed in (see QuizModel) so grading, the build check and the tests share one code path. Pure.
 */
import type { QuizKey, Side } from './keys';

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

/** The right order of an ordering question. Pure given the model. */
export function orderAnswer(key: Extract<QuizKey, { type: 'order' }>, model: QuizModel): string[] {
  const source = key.source;
  if ('answer' in source) return [...source.answer];
  if ('calls' in source) return model.calls(source.scenario, source.calls);
  return model
    .segments(source.scenario)
    .filter((s) => s.step > (source.afterStep ?? 0))
    .map(segmentId);
}

/** The number a number question asks for, for the given ISNs (default: the scenario's). Pure given the model. */
export function numberAnswer(
  key: Extract<QuizKey, { type: 'number' }>,
  model: QuizModel,
  isns: Isns = model.defaultIsns(key.scenario),
): number {
  const segment = model.segments(key.scenario, isns)[key.segment - 1];
  if (!segment) throw new Error(`scenario "${key.scenario}" sends fewer than ${key.segment} segments`);
  return segment[key.field];
}

/** Computes the answer to any key. Pure given the model. */
export function answerOf(key: QuizKey, model: QuizModel, isns?: Isns): Answer {
  switch (key.type) {
    case 'choice':
      return { type: 'choice', correct: [...key.correct] };
    case 'order':
      return { type: 'order', order: orderAnswer(key, model) };
    case 'number': {
      const used = isns ?? model.defaultIsns(key.scenario);
      return { type: 'number', value: numberAnswer(key, model, used), isns: used };
    }
    case 'state':
      return {
        type: 'state',
        state: model.stateAfter(key.scenario, key.step, key.side),
        options: key.options ?? [...model.states],
      };
  }
}
