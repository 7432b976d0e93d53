import { describe, expect, it } from 'vitest';
import { labelsModule, LABELS_PREFIX } from '~/i18n/bundled-labels';
import { STRINGS } from '~/i18n';

describe('bundled labels (the Vite plugin that ships an island its words per language)', () => {
  it('gives one lazy loader per language, each importing only its own language', () => {
    const source = labelsModule(`${LABELS_PREFIX}sim.,quiz.side.`)!;
    expect(source).toBe(
      'export default { zh: () => import("virtual:labels/sim.,quiz.side./labels-zh"), en: () => import("virtual:labels/sim.,quiz.side./labels-en") };',
    );
  });

  it("a language's module holds the selected keys in that language and nothing else", () => {
    const source = labelsModule(`${LABELS_PREFIX}sim.,quiz.side./labels-zh`)!;
    const labels = JSON.parse(source.replace(/^export default /, '').replace(/;$/, '')) as Record<string, string>;
    const keys = Object.keys(labels);
    expect(keys.length).toBeGreaterThan(50);
    expect(keys.every((k) => k.startsWith('sim.') || k.startsWith('quiz.side.'))).toBe(true);
    expect(labels['sim.you']).toBe(STRINGS.zh['sim.you']);
    expect(labels['quiz.side.client']).toBe(STRINGS.zh['quiz.side.client']);
    expect(source).not.toContain(STRINGS.en['sim.noscript']);
  });

  it('leaves other modules alone, and fails on a selector that matches nothing', () => {
    expect(labelsModule('virtual:other')).toBeUndefined();
    expect(() => labelsModule(`${LABELS_PREFIX}sim.,nope./labels-en`)).toThrow('matches "nope."');
    expect(() => labelsModule(`${LABELS_PREFIX}sim./labels-fr`)).toThrow('names no language');
  });
});
