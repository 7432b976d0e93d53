/**
 * The content collections: the site's one data layer. Lessons (MDX), scenarios, answer keys and the
 * glossary each have one loader and one schema; every check across files runs once, after the
 * lessons load (src/content/checks). Pages read them through src/content/index.ts.
 */
import { fileURLToPath } from 'node:url';
import { defineCollection } from 'astro:content';
import { glob, type LoaderContext } from 'astro/loaders';
import { z } from 'astro/zod';
import { LANGS } from './i18n';
import { siteProblems } from './content/checks';
import { readGlossary, readQuizKeys, readScenario } from './content/data';
import { jsonLoader } from './content/loaders';
import { readSite } from './content/site';
import { glossaryEntrySchema } from './content/glossary/schema';
import type { QuizKeys } from './quiz/registry';
import type { Scenario } from './tcp';

const lessonGlob = glob({ pattern: '{zh,en}/*.{md,mdx}', base: './content/lessons' });

/** Front matter of a lesson. Astro names the file when a field is wrong. */
const lessonSchema = z.strictObject({
  title: z.string().min(1),
  description: z.string().min(1).max(200),
  order: z.number().int().positive(),
  /** What the reader can do after the lesson; shown at the top. */
  objectives: z.array(z.string().min(1)).min(1),
});

const lessons = defineCollection({
  loader: {
    name: 'lessons',
    // The glob loader, then every check across files (lessons, diagrams, scenarios, answer keys, languages).
    load: async (context: LoaderContext) => {
      await lessonGlob.load(context);
      const orders = new Map(context.store.values().map((e) => [e.id, Number((e.data as { order?: unknown }).order)]));
      const problems = siteProblems(readSite(fileURLToPath(context.config.root)), LANGS, orders);
      if (problems.length > 0) throw new Error(`The content is inconsistent:\n- ${problems.join('\n- ')}`);
    },
  },
  schema: lessonSchema,
});

// The data sets are validated by their readers (src/content/data.ts), which name the file and field;
// these schemas give the pages their types.
const scenarios = defineCollection({
  loader: jsonLoader('scenarios', 'content/scenarios', (text, file) => {
    const scenario = readScenario(text, file);
    return [{ id: scenario.id, data: scenario as unknown as Record<string, unknown> }];
  }),
  schema: z.custom<Scenario>(),
});

const quizzes = defineCollection({
  loader: jsonLoader('quizzes', 'content/quizzes', (text, file) => [
    { id: file.replace(/^.*\//, '').replace(/\.json$/, ''), data: readQuizKeys(text, file) },
  ]),
  schema: z.custom<QuizKeys>(),
});

const glossary = defineCollection({
  loader: jsonLoader('glossary', 'content/glossary.json', (text, file) =>
    readGlossary(text, file).map((entry) => ({ id: entry.id, data: entry })),
  ),
  schema: glossaryEntrySchema,
});

export const collections = { lessons, scenarios, quizzes, glossary };
