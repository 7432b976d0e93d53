import { z } from 'astro/zod';
import { glossParen } from './label';

/**
 * The shape of content/glossary.json: one entry per protocol term, in both languages, with a note for
 * translators. Example entry:
 *
 * ```json
 * { "id": "time-wait", "group": "state",
 *   "en": { "term": "TIME_WAIT", "definition": "The side that closed first waits 2·MSL…" },
 *   "zh": { "term": "TIME_WAIT", "gloss": "时间等待", "definition": "先关闭的一方……" },
 *   "note": "状态名保持英文……", "rfc": "3.3.2" }
 * ```
 */

/** Topic groups, in the order the glossary page shows them. */
export const GLOSSARY_GROUPS = ['api', 'segment', 'lifecycle', 'state', 'error'] as const;
export type GlossaryGroup = (typeof GLOSSARY_GROUPS)[number];

const text = z.string().trim().min(1, 'must not be empty');

/** Zod schema of one glossary entry. */
export const glossaryEntrySchema = z.strictObject({
  /** Anchor on the glossary page (/zh/glossary/#time-wait); lowercase words joined by hyphens. */
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lowercase words joined by hyphens, e.g. "time-wait"'),
  group: z.enum(GLOSSARY_GROUPS),
  en: z.strictObject({ term: text, definition: text }),
  /**
   * `gloss`: the Chinese meaning given next to a term that stays in English (TIME_WAIT → 时间等待). Pages print
   * it after the term, in parentheses, so the term must not hold it too: "ISN" with the gloss "初始序号".
   */
  zh: z.strictObject({ term: text, gloss: text.optional(), definition: text }).superRefine((zh, ctx) => {
    if (!zh.gloss || !zh.term.includes(zh.gloss)) return;
    const alone = zh.term.replace(glossParen(zh.gloss), '').trim();
    ctx.addIssue({
      code: 'custom',
      path: ['term'],
      message: `"${zh.term}" already holds its gloss "${zh.gloss}"; write the term alone (${alone === zh.term ? 'without the gloss' : `"${alone}"`}): the gloss is printed after it.`,
    });
  }),
  /** For translators: why this Chinese term, what to avoid. */
  note: text,
  /** Section of RFC 9293 that defines the term, e.g. "3.3.2". */
  rfc: z
    .string()
    .regex(/^\d+(\.\d+)*$/, 'must be an RFC 9293 section number such as "3.3.2"')
    .optional(),
});

/** One validated glossary entry. */
export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;
