// The quiz islands' words come from one script per page (QuizLabels.astro, src/quiz/components/labels.ts):
// a key an island reads but the list leaves out would show as "undefined" on the page.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGS, STRINGS } from '~/i18n';
import { labelsFor } from '~/i18n/labels';
import { QUIZ_LABELS } from '~/quiz/components/labels';

/** The islands' scripts: src/quiz/client/*.ts and each type's client.ts (a type may have none). */
const scripts = [
  ...readdirSync('src/quiz/client')
    .filter((f) => f.endsWith('.ts'))
    .map((f) => `src/quiz/client/${f}`),
  ...readdirSync('src/quiz/types').map((d) => `src/quiz/types/${d}/client.ts`),
].filter((f) => existsSync(f));

describe('the quiz labels a page carries', () => {
  it('hold every UI key the quiz islands’ scripts name', () => {
    const named = new Set(
      scripts.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/'(quiz\.[\w.]+)'/g)].map((m) => m[1]!)),
    );
    expect(named.size).toBeGreaterThan(15);
    expect([...named].filter((key) => !(QUIZ_LABELS as readonly string[]).includes(key))).toEqual([]);
  });

  it('exist in both languages, with the words of src/i18n', () => {
    for (const lang of LANGS) {
      const labels = JSON.parse(labelsFor(lang, ...QUIZ_LABELS)) as Record<string, string>;
      expect(Object.keys(labels).sort()).toEqual([...QUIZ_LABELS].sort());
      expect(labels['quiz.check']).toBe(STRINGS[lang]['quiz.check']);
    }
  });
});
