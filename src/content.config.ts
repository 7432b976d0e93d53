import { defineCollection } from 'astro:content';
import { glob, type LoaderContext } from 'astro/loaders';
import { z } from 'astro/zod';
import { LANGS } from './i18n';
import { checkLessons } from './lessons/checks';

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
    // Wraps the glob loader so the build also fails on problems across files
    // (a lesson in one language only, two lessons with one order).
    load: async (context: LoaderContext) => {
      await lessonGlob.load(context);
      const problems = checkLessons(
        context.store.values().map((entry) => ({
          id: entry.id,
          filePath: entry.filePath ?? entry.id,
          order: Number((entry.data as { order?: unknown }).order),
        })),
        LANGS,
      );
      if (problems.length > 0) {
        throw new Error(`Lessons are inconsistent:\n- ${problems.join('\n- ')}`);
      }
    },
  },
  schema: lessonSchema,
});

export const collections = { lessons };
