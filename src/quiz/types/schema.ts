/** Zod pieces shared by the question types' key schemas. Pure. */
import { z } from 'astro/zod';
import { ID_PATTERN } from './define';

/** An array of at least `min` distinct ids. */
export function idList(min: number) {
  return z
    .array(z.string().regex(ID_PATTERN, 'must be an id of lowercase letters, digits and "-"'), {
      error: `must be an array of at least ${min} ids`,
    })
    .min(min, `must list at least ${min} ids`)
    .superRefine((list, ctx) => {
      const dup = list.find((v, i) => list.indexOf(v) !== i);
      if (dup) ctx.addIssue({ code: 'custom', message: `lists "${dup}" twice; each id once` });
    });
}

/** A whole number from 1 up. */
export const positive = z
  .number({ error: 'must be a whole number from 1 up' })
  .int('must be a whole number')
  .min(1, 'must be 1 or more');

/** A scenario id (the name of a file in content/scenarios/). */
export const scenarioId = z
  .string({ error: 'must be a scenario id, the name of a file in content/scenarios/' })
  .regex(ID_PATTERN, 'must be a scenario id, the name of a file in content/scenarios/');

/** A connection end. */
export const side = z.enum(['client', 'server'], { error: 'must be "client" or "server"' });
