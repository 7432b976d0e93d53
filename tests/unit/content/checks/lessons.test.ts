/** Checks over the lesson set that no per-file schema can see (src/content/checks/lessons.ts). */
import { describe, expect, it } from 'vitest';
import { checkLessons } from '~/content/checks/lessons';

const lesson = (id: string, order: number) => ({ id, order, filePath: `content/lessons/${id}.mdx` });

describe('lesson set checks', () => {
  it('accepts matching languages with distinct orders', () => {
    const entries = [lesson('zh/01-a', 1), lesson('en/01-a', 1), lesson('zh/02-b', 2), lesson('en/02-b', 2)];
    expect(checkLessons(entries, ['zh', 'en'])).toEqual([]);
  });

  it('names a lesson that exists in one language only, and how to fix it', () => {
    const problems = checkLessons([lesson('zh/01-a', 1), lesson('en/01-a', 1), lesson('zh/02-b', 2)], ['zh', 'en']);
    expect(problems).toEqual([
      'content/lessons/zh/02-b.mdx: this lesson exists in "zh" only. Add content/lessons/en/02-b.mdx (zh and en move together), or remove it.',
    ]);
  });

  it('names both files when two lessons share an order', () => {
    const problems = checkLessons([lesson('en/01-a', 1), lesson('en/02-b', 1)], ['en']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(
      'content/lessons/en/02-b.mdx: order 1 is already used by content/lessons/en/01-a.mdx',
    );
  });

  it('rejects a file name without its number and a twin with another order', () => {
    const problems = checkLessons([lesson('zh/intro', 1), lesson('en/intro', 2)], ['zh', 'en']);
    expect(problems.some((p) => p.includes('NN-slug.mdx'))).toBe(true);
    expect(problems.some((p) => p.includes('differs from'))).toBe(true);
  });

  it('names a lesson outside the site languages, and skips the order check of a lesson without one', () => {
    expect(checkLessons([lesson('fr/01-a', 1)], ['zh', 'en'])).toEqual([
      'content/lessons/fr/01-a.mdx: "fr" is not a site language. Move the lesson under content/lessons/{zh,en}/.',
    ]);
    expect(checkLessons([lesson('en/01-a', NaN), lesson('en/02-b', NaN)], ['en'])).toEqual([]);
  });
});
