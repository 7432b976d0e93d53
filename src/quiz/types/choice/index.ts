/**
 * Single or multiple choice. Key example:
 *
 *   "hs-why-three": { "type": "choice", "options": ["a", "b", "c"], "correct": ["b"] }
 *   "hs-order-words": { "type": "choice", "options": ["a", "b"], "correct": ["a"], "shuffle": false }
 *
 * More than one correct id makes it multiple choice. `shuffle: false` keeps the written order (for
 * wording such as "both of the above").
 */
import { z } from 'astro/zod';
import { compareItems, defineQuestionType } from '../define';
import { idList } from '../schema';

/** A choice key, with its defaults filled in. */
export interface ChoiceKey {
  type: 'choice';
  options: string[];
  correct: string[];
  /** false when the wording depends on the option order. Default true. */
  shuffle: boolean;
  multiple: boolean;
}

const keySchema = z
  .strictObject({
    type: z.literal('choice'),
    options: idList(2),
    correct: idList(1),
    shuffle: z.boolean({ error: 'must be true or false' }).optional(),
    multiple: z.boolean({ error: 'must be true or false' }).optional(),
  })
  .superRefine((key, ctx) => {
    for (const c of key.correct)
      if (!key.options.includes(c))
        ctx.addIssue({
          code: 'custom',
          path: ['correct'],
          message: `"${c}" is not one of "options" (${key.options.join(', ')}); list only ids from "options"`,
        });
    if (key.multiple === false && key.correct.length > 1)
      ctx.addIssue({
        code: 'custom',
        path: ['multiple'],
        message: 'is false but several options are correct; set it to true or leave it out',
      });
  })
  .transform((key): ChoiceKey => ({
    type: 'choice',
    options: key.options,
    correct: key.correct,
    shuffle: key.shuffle !== false,
    multiple: key.multiple === true || key.correct.length > 1,
  }));

export const choice = defineQuestionType<ChoiceKey>({
  type: 'choice',
  tag: 'Choice',
  childTag: 'Option',
  keySchema,
  scenarioOf: () => undefined,
  answer: (key) => ({ type: 'choice', correct: [...key.correct] }),
  checkKey: () => [],
  checkChildren: (q, key) => compareItems(q, 'Option', key.options, 'the key lists options'),
  sheet: (parts, key) => ({
    prompt: parts.prompt,
    options: parts.items.map((o) => ({ ...o, correct: key.correct.includes(o.id) })),
    multiple: key.multiple,
  }),
});
