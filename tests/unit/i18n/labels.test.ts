import { afterEach, describe, expect, it, vi } from 'vitest';
import { STRINGS, t } from '~/i18n';
import { fill, readLabels, readPageLabels } from '~/i18n/fill';
import { labelsFor } from '~/i18n/labels';

describe('labels for islands: labelsFor on the server, fill in the browser', () => {
  it('selects whole keys and groups of keys by prefix, in the page language, placeholders unfilled', () => {
    const labels = JSON.parse(labelsFor('zh', 'quiz.correct', 'search.')) as Record<string, string>;
    const search = Object.keys(STRINGS.zh).filter((k) => k.startsWith('search.'));
    expect(Object.keys(labels).sort()).toEqual(['quiz.correct', ...search].sort());
    expect(labels['quiz.correct']).toBe(STRINGS.zh['quiz.correct']);
    expect(labels['search.results']).toBe(STRINGS.zh['search.results']);
    expect(labels['search.results']).toContain('{count}');
  });

  it('refuses a prefix that matches nothing', () => {
    expect(() => labelsFor('en', 'serch.')).toThrow(/no UI string .* matches "serch\."/);
  });

  it('fill puts values in every placeholder and leaves unknown ones visible', () => {
    expect(fill('{count} results for “{query}”', { count: 3, query: 'SYN' })).toBe('3 results for “SYN”');
    expect(fill('{a}{a} {b}', { a: 0 })).toBe('00 {b}');
    expect(fill(STRINGS.en['quiz.summary.score'], { correct: 2, total: 5 })).toBe(
      t('en', 'quiz.summary.score', { correct: 2, total: 5 }),
    );
  });

  it('readLabels reads what labelsFor wrote into the island’s labels script, and fails without one', () => {
    const script = { textContent: labelsFor('en', 'sim.why.') };
    const island = (child: unknown) =>
      ({
        localName: 'phone-sim',
        querySelector: (selector: string) => (selector === ':scope > script[data-labels]' ? child : null),
      }) as unknown as HTMLElement;
    expect(readLabels(island(script))['sim.why.no-socket']).toBe(STRINGS.en['sim.why.no-socket']);
    expect(() => readLabels(island(null))).toThrow('<phone-sim> has no labels script');
  });

  describe('readPageLabels', () => {
    afterEach(() => void vi.unstubAllGlobals());

    it('reads the JSON script with the id, as a layout writes it once for many islands', () => {
      const scripts: Record<string, { textContent: string }> = {
        'quiz-labels': { textContent: labelsFor('zh', 'quiz.summary.') },
      };
      vi.stubGlobal('document', { getElementById: (id: string) => scripts[id] ?? null });
      expect(readPageLabels('quiz-labels')['quiz.summary.none']).toBe(STRINGS.zh['quiz.summary.none']);
      expect(() => readPageLabels('sim-labels')).toThrow('no #sim-labels labels on this page');
    });
  });
});
