/**
 * Answer keys: content/quizzes/<lesson-slug>.json, one object keyed by question id, shared by both
 * languages. Where the model can compute the answer the key names the scenario instead of an answer:
 *
 *   {
 *     "hs-why-three": { "type": "choice", "options": ["a", "b", "c"], "correct": ["b"] },
 *     "hs-order-words": { "type": "choice", "options": ["a", "b"], "correct": ["a"], "shuffle": false },
 *     "hs-server-calls": { "type": "order", "from": { "scenario": "handshake", "calls": "server" } },
 *     "fc-close-segments": { "type": "order", "from": { "scenario": "active-close-client", "segments": true, "afterStep": 9 } },
 *     "hs-ack": { "type": "number", "scenario": "handshake", "segment": 2, "field": "ack" },
 *     "hs-state": { "type": "state", "scenario": "handshake", "step": 2, "side": "client", "expect": "SYN_SENT" }
 *   }
 *
 * `expect` (state and number keys, numbers for the scenario's own ISNs) is optional: it documents
 * the answer in the key file, and the build fails if the model disagrees.
 */

/** A connection end. */
export type Side = 'client' | 'server';

/** Single or multiple choice; more than one correct id makes it multiple. */
export interface ChoiceKey {
  type: 'choice';
  options: string[];
  correct: string[];
  /** false when the wording depends on the option order ("both of the above"). Default true. */
  shuffle: boolean;
  multiple: boolean;
}

/** Where an ordering question's right order comes from. */
export type OrderSource =
  | { answer: string[] }
  /** The socket calls one side makes in a scenario, in order; item ids are the call names. */
  | { scenario: string; calls: Side }
  /**
   * The segments of a scenario in the order they are sent, those of steps after `afterStep` only
   * (to skip a handshake before a close); item ids like "client-fin" (see segmentId).
   */
  | { scenario: string; segments: true; afterStep?: number };

/** Put items in order. */
export interface OrderKey {
  type: 'order';
  source: OrderSource;
}

/** Compute a sequence or acknowledgement number: `segment` counts the scenario's sent segments from 1. */
export interface NumberKey {
  type: 'number';
  scenario: string;
  segment: number;
  field: 'seq' | 'ack';
  expect?: number;
}

/** Predict the state of one side after step `step` (counted from 1) of a scenario. */
export interface StateKey {
  type: 'state';
  scenario: string;
  step: number;
  side: Side;
  /** The states offered; default: every state the model knows. */
  options?: string[];
  expect?: string;
}

/** Any answer key. */
export type QuizKey = ChoiceKey | OrderKey | NumberKey | StateKey;

/** A key file's questions, by id. */
export type QuizKeys = Record<string, QuizKey>;

/** Thrown for a malformed key file; the message names the file, the question and the field. */
export class QuizKeyError extends Error {}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const ID = /^[a-z0-9][a-z0-9-]*$/;

/**
 * Validates a parsed key file. Throws QuizKeyError naming the file, the question id, the field,
 * what was found and what is expected. Pure.
 */
export function parseQuizKeys(data: unknown, file: string): QuizKeys {
  const fail = (id: string, field: string, got: unknown, expected: string): never => {
    throw new QuizKeyError(`${file}: question "${id}": "${field}" is ${JSON.stringify(got)}; expected ${expected}.`);
  };
  if (!isRecord(data)) throw new QuizKeyError(`${file}: expected an object keyed by question id.`);
  const keys: QuizKeys = {};
  const idList = (id: string, field: string, value: unknown, min = 1): string[] => {
    if (!Array.isArray(value) || value.length < min || !value.every((v) => typeof v === 'string' && ID.test(v)))
      fail(id, field, value, `an array of at least ${min} ids (lowercase letters, digits, "-")`);
    const list = value as string[];
    const dup = list.find((v, i) => list.indexOf(v) !== i);
    if (dup) fail(id, field, value, `no repeated ids ("${dup}" appears twice)`);
    return list;
  };
  const positive = (id: string, field: string, value: unknown): number => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
      fail(id, field, value, 'a whole number from 1 up');
    return value as number;
  };
  const text = (id: string, field: string, value: unknown): string => {
    if (typeof value !== 'string' || value === '') fail(id, field, value, 'a non-empty string');
    return value as string;
  };
  for (const [id, raw] of Object.entries(data)) {
    if (id === '$schema') continue;
    if (!ID.test(id)) throw new QuizKeyError(`${file}: question id "${id}" must be lowercase letters, digits and "-".`);
    if (!isRecord(raw)) fail(id, '(question)', raw, 'an object with a "type"');
    const q = raw as Record<string, unknown>;
    const allowed = (fields: string[]) => {
      for (const field of Object.keys(q))
        if (!fields.includes(field)) fail(id, field, q[field], `no such field (allowed: ${fields.join(', ')})`);
    };
    switch (q.type) {
      case 'choice': {
        allowed(['type', 'options', 'correct', 'shuffle', 'multiple']);
        const options = idList(id, 'options', q.options, 2);
        const correct = idList(id, 'correct', q.correct);
        for (const c of correct)
          if (!options.includes(c)) fail(id, 'correct', q.correct, `ids from "options" (${options.join(', ')})`);
        if (q.shuffle !== undefined && typeof q.shuffle !== 'boolean') fail(id, 'shuffle', q.shuffle, 'true or false');
        if (q.multiple !== undefined && typeof q.multiple !== 'boolean')
          fail(id, 'multiple', q.multiple, 'true or false');
        if (q.multiple === false && correct.length > 1)
          fail(id, 'multiple', false, 'true (or leave it out) when several options are correct');
        keys[id] = {
          type: 'choice',
          options,
          correct,
          shuffle: q.shuffle !== false,
          multiple: q.multiple === true || correct.length > 1,
        };
        break;
      }
      case 'order': {
        if ('answer' in q) {
          allowed(['type', 'answer']);
          keys[id] = { type: 'order', source: { answer: idList(id, 'answer', q.answer, 2) } };
          break;
        }
        allowed(['type', 'from']);
        const from = q.from;
        if (!isRecord(from))
          fail(
            id,
            'from',
            from,
            '{ "scenario": …, "calls": "client"|"server" } or { "scenario": …, "segments": true } (or give "answer")',
          );
        const f = from as Record<string, unknown>;
        const scenario = text(id, 'from.scenario', f.scenario);
        if (f.calls === 'client' || f.calls === 'server')
          keys[id] = { type: 'order', source: { scenario, calls: f.calls } };
        else if (f.segments === true) {
          const source: OrderSource = { scenario, segments: true };
          if (f.afterStep !== undefined) {
            if (typeof f.afterStep !== 'number' || !Number.isInteger(f.afterStep) || f.afterStep < 0)
              fail(id, 'from.afterStep', f.afterStep, 'a whole number of steps to skip');
            source.afterStep = f.afterStep as number;
          }
          keys[id] = { type: 'order', source };
        } else fail(id, 'from', from, 'a "calls": "client"|"server" or a "segments": true next to "scenario"');
        break;
      }
      case 'number': {
        allowed(['type', 'scenario', 'segment', 'field', 'expect']);
        if (q.field !== 'seq' && q.field !== 'ack') fail(id, 'field', q.field, '"seq" or "ack"');
        if (q.expect !== undefined && (typeof q.expect !== 'number' || !Number.isInteger(q.expect) || q.expect < 0))
          fail(id, 'expect', q.expect, 'a whole number');
        keys[id] = {
          type: 'number',
          scenario: text(id, 'scenario', q.scenario),
          segment: positive(id, 'segment', q.segment),
          field: q.field as 'seq' | 'ack',
          ...(q.expect !== undefined ? { expect: q.expect as number } : {}),
        };
        break;
      }
      case 'state': {
        allowed(['type', 'scenario', 'step', 'side', 'options', 'expect']);
        if (q.side !== 'client' && q.side !== 'server') fail(id, 'side', q.side, '"client" or "server"');
        let options: string[] | undefined;
        if (q.options !== undefined) {
          if (!Array.isArray(q.options) || q.options.length < 2 || !q.options.every((s) => typeof s === 'string'))
            fail(id, 'options', q.options, 'an array of at least two state names such as "SYN_SENT"');
          options = q.options as string[];
        }
        keys[id] = {
          type: 'state',
          scenario: text(id, 'scenario', q.scenario),
          step: positive(id, 'step', q.step),
          side: q.side as Side,
          ...(options ? { options } : {}),
          ...(q.expect !== undefined ? { expect: text(id, 'expect', q.expect) } : {}),
        };
        break;
      }
      default:
        fail(id, 'type', q.type, '"choice", "order", "number" or "state"');
    }
  }
  return keys;
}
