import { readdirSync, readFileSync } from 'node:fs';
import { defineCollection } from 'astro:content';
import { glob, type LoaderContext } from 'astro/loaders';
import { z } from 'astro/zod';
import { LANGS } from './i18n';
import { checkLessonDiagrams, checkLessons } from './lessons/checks';

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
    // Wraps the glob loader so the build also fails on problems across files (a lesson in one
    // language only, two lessons with one order, languages that draw different diagrams, a diagram
    // of a scenario that does not exist).
    load: async (context: LoaderContext) => {
      await lessonGlob.load(context);
      const entries = context.store.values().map((entry) => ({
        id: entry.id,
        filePath: entry.filePath ?? entry.id,
        order: Number((entry.data as { order?: unknown }).order),
      }));
      const root = context.config.root;
      // The whole file, not entry.body, so that line numbers count the front matter too.
      const sources = entries.map((e) => ({ ...e, source: readFileSync(new URL(e.filePath, root), 'utf8') }));
      const scenarioIds = readdirSync(new URL('content/scenarios/', root))
        .filter((f) => f.endsWith('.json'))
        .map((f) => f.slice(0, -'.json'.length));
      const problems = [...checkLessons(entries, LANGS), ...checkLessonDiagrams(sources, LANGS, scenarioIds)];
      if (problems.length > 0) {
        throw new Error(`Lessons are inconsistent:\n- ${problems.join('\n- ')}`);
      }
    },
  },
  schema: lessonSchema,
});

export const collections = { lessons };
