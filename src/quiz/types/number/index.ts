/**
 * Compute a sequence or acknowledgement number. `segment` counts the scenario's sent segments from 1;
 * the browser draws new ISNs on every attempt and the model computes the answer for them. `expect`
 * (for the scenario's own ISNs) documents the answer in the key, and the build fails if the model
 * disagrees. Key example:
 *
 *   "hs-ack-of-synack": { "type": "number", "scenario": "handshake", "segment": 2, "field": "ack", "expect": 101 }
 */
import { z } from 'astro/zod';
import type { Isns, QuizModel } from '../../answers';
import { defineQuestionType, noChildren } from '../define';
import { positive, scenarioId } from '../schema';

/** A number key. */
export interface NumberKey {
  type: 'number';
  scenario: string;
  segment: number;
  field: 'seq' | 'ack';
  expect?: number | undefined;
}

const keySchema = z.strictObject({
  type: z.literal('number'),
  scenario: scenarioId,
  segment: positive,
  field: z.enum(['seq', 'ack'], { error: 'must be "seq" or "ack"' }),
  expect: z.number({ error: 'must be a whole number' }).int('must be a whole number').min(0).optional(),
});

/** The number asked for, for the given ISNs (default: the scenario's). Pure given the model. */
export function numberAnswer(key: NumberKey, model: QuizModel, isns: Isns = model.defaultIsns(key.scenario)): number {
  const segment = model.segments(key.scenario, isns)[key.segment - 1];
  if (!segment) throw new Error(`scenario "${key.scenario}" sends fewer than ${key.segment} segments`);
  return segment[key.field];
}

export const number = defineQuestionType<NumberKey>({
  type: 'number',
  tag: 'NumberQuestion',
  childTag: null,
  keySchema,
  scenarioOf: (key) => key.scenario,
  answer(key, model, isns) {
    const used = isns ?? model.defaultIsns(key.scenario);
    return { type: 'number', value: numberAnswer(key, model, used), isns: used };
  },
  checkKey(key, model) {
    const isns = model.defaultIsns(key.scenario);
    const value = numberAnswer(key, model, isns);
    return key.expect === undefined || value === key.expect
      ? []
      : [
          `the key expects ${key.expect}, but the model says segment ${key.segment} of scenario "${key.scenario}" has ${key.field} = ${value} (ISNs: client ${isns.client}, server ${isns.server})`,
        ];
  },
  checkChildren: noChildren,
  sheet: (parts, key, model, { isns }) => ({
    prompt: parts.prompt,
    number: { isns, value: numberAnswer(key, model, isns) },
  }),
});
