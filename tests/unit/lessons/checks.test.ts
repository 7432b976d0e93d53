import { describe, expect, it } from 'vitest';
import { checkLessons, splitLessonId } from '~/lessons/checks';

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

  it('splits an id into language, file and slug', () => {
    expect(splitLessonId('zh/03-four-way-close')).toEqual({
      lang: 'zh',
      file: '03-four-way-close',
      slug: 'four-way-close',
    });
  });
});
