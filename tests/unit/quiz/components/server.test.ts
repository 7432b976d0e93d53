/**
 * What a question component asks at build time (src/quiz/components/server.ts): its page's language
 * and lesson, and its key, failing with the question and the file when the key is missing or of
 * another type. The content accessors need Astro's runtime, so the keys are stood in for here.
 */
import { describe, expect, it, vi } from 'vitest';
import { idPrefix, keyFor, pageContext } from '~/quiz/components/server';

vi.mock('~/content', () => ({
  getKeys: async (slug: string) =>
    slug === 'hs'
      ? {
          'hs-why': { type: 'choice', options: ['a', 'b'], correct: ['a'], shuffle: true, multiple: false },
          'hs-when': { type: 'choice', options: ['a', 'b'], correct: ['b'], shuffle: true, multiple: false },
        }
      : undefined,
  getSiteModel: async () => {
    throw new Error('not used here');
  },
}));

describe('a question component’s key', () => {
  it('is the key of its type', async () => {
    await expect(keyFor('Choice', 'hs', 'hs-why', 'choice')).resolves.toMatchObject({ type: 'choice', correct: ['a'] });
  });

  it('names the question and the file when the key is of another type, missing, or the lesson has none', async () => {
    await expect(keyFor('NumberQuestion', 'hs', 'hs-why', 'number')).rejects.toThrow(
      '<NumberQuestion id="hs-why">: content/quizzes/hs.json gives type "choice"; <NumberQuestion> needs "number".',
    );
    await expect(keyFor('Choice', 'hs', 'hs-nope', 'choice')).rejects.toThrow(
      '<Choice id="hs-nope">: content/quizzes/hs.json has no key "hs-nope".',
    );
    await expect(keyFor('Choice', 'other', 'x', 'choice')).rejects.toThrow(
      '<Choice id="x">: no answer keys for lesson "other"; create content/quizzes/other.json.',
    );
  });
});

describe('a question component’s page', () => {
  it('reads the language and the lesson from the URL, a worksheet’s included, or the lesson prop', () => {
    const url = (path: string) => new URL(path, 'http://localhost');
    expect(pageContext('Choice', url('/zh/three-way-handshake/'), 'zh')).toEqual({
      lang: 'zh',
      slug: 'three-way-handshake',
    });
    expect(pageContext('Choice', url('/en/teacher/four-way-close/'), 'en')).toEqual({
      lang: 'en',
      slug: 'four-way-close',
    });
    expect(pageContext('Choice', url('/en/'), 'en', 'lab')).toEqual({ lang: 'en', slug: 'lab' });
    expect(() => pageContext('Choice', url('/en/'), 'en')).toThrow(/pass lesson="<lesson-slug>"/);
    expect(() => pageContext('Order', url('/fr/x/'), undefined)).toThrow(/<Order>: the page has no language/);
  });
});

describe('the ids of a question’s parts', () => {
  it('start with its place among its lesson’s keys, and name the lesson when the question names one', async () => {
    await expect(idPrefix('Choice', 'hs', 'hs-why')).resolves.toBe('q0');
    await expect(idPrefix('Choice', 'hs', 'hs-when')).resolves.toBe('q1');
    await expect(idPrefix('Choice', 'hs', 'hs-when', 'hs')).resolves.toBe('q-hs-1');
    await expect(idPrefix('Choice', 'hs', 'hs-nope')).rejects.toThrow(
      '<Choice id="hs-nope">: content/quizzes/hs.json has no key "hs-nope".',
    );
  });
});
