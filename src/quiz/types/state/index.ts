/**
 * Predict the state of one side after step `step` (counted from 1) of a scenario; the model runs the
 * scenario and its trace gives the answer. The options are every state the model knows, or the key's
 * `options`. Key example:
 *
 *   "hs-state": { "type": "state", "scenario": "handshake", "step": 6, "side": "server", "expect": "SYN_RECEIVED" }
 */
import { z } from 'astro/zod';
import { t, type Lang } from '~/i18n';
import type { QuizModel } from '../../answers';
import { defineQuestionType, noChildren } from '../define';
import { positive, scenarioId, side } from '../schema';

/** A state key. */
export interface StateKey {
  type: 'state';
  scenario: string;
  step: number;
  side: 'client' | 'server';
  /** The states offered; default: every state the model knows. */
  options?: string[] | undefined;
  expect?: string | undefined;
}

const stateName = z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'must be a state name such as "SYN_SENT"');

const keySchema = z.strictObject({
  type: z.literal('state'),
  scenario: scenarioId,
  step: positive,
  side,
  options: z.array(stateName).min(2, 'must list at least two states').optional(),
  expect: stateName.optional(),
});

const stateOf = (key: StateKey, model: QuizModel) => model.stateAfter(key.scenario, key.step, key.side);

/** The prompt when the author wrote none: "After step 6, which state is the server in?". Pure. */
export function statePrompt(key: StateKey, lang: Lang): string {
  return `<p>${t(lang, 'quiz.state.prompt', { step: key.step, side: t(lang, `quiz.side.${key.side}`) })}</p>`;
}

export const state = defineQuestionType<StateKey>({
  type: 'state',
  tag: 'StateQuestion',
  childTag: null,
  keySchema,
  scenarioOf: (key) => key.scenario,
  answer: (key, model) => ({ type: 'state', state: stateOf(key, model), options: key.options ?? [...model.states] }),
  checkKey(key, model) {
    const steps = model.stepCount(key.scenario);
    if (key.step > steps) return [`"step" is ${key.step} but scenario "${key.scenario}" has ${steps} steps`];
    const problems: string[] = [];
    const answer = stateOf(key, model);
    const options = key.options ?? [...model.states];
    const unknown = options.filter((s) => !model.states.includes(s));
    if (unknown.length)
      problems.push(
        `"options" has ${unknown.join(', ')}, which the model does not know; states are ${model.states.join(', ')}`,
      );
    if (!options.includes(answer))
      problems.push(
        `the model says the ${key.side} is in ${answer} after step ${key.step} of "${key.scenario}", which is not among "options" (${options.join(', ')})`,
      );
    if (key.expect !== undefined && key.expect !== answer)
      problems.push(
        `the key expects ${key.expect}, but the model says the ${key.side} is in ${answer} after step ${key.step} of scenario "${key.scenario}"`,
      );
    return problems;
  },
  checkChildren: noChildren,
  sheet(parts, key, model, { lang }) {
    const right = stateOf(key, model);
    return {
      prompt: parts.prompt || statePrompt(key, lang),
      options: (key.options ?? [...model.states]).map((s) => ({ id: s, html: s, correct: s === right })),
    };
  },
});
