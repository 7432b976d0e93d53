/** The scenario list of the scenarios page (src/teacher/scenarios.ts). */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lessonOutline } from '~/content/outline';
import { readSite } from '~/content/site';
import { keyScenario } from '~/quiz/registry';
import { inLessonOrder, scenarioEntries } from '~/teacher/scenarios';

const site = readSite('.');
const lessonsWithKeys = (lang: string) =>
  site.lessons
    .filter((l) => l.lang === lang)
    .map((l) => ({ slug: l.slug, outline: l.outline, keys: site.keys.get(l.slug)?.keys }));

describe('which scenarios a lesson uses', () => {
  it('counts the diagrams it draws, then the scenarios its keys compute from, each once', () => {
    const outline = lessonOutline(
      [
        '<ScenarioDiagram scenario="handshake" />',
        '',
        '<ScenarioDiagram lang="en" scenario=\'lost-syn\'/>',
        '',
        '<ScenarioDiagram scenario="handshake" from={3} />',
        '',
        '```mdx',
        '<ScenarioDiagram scenario="half-close" />',
        '```',
        '',
        '{/* <ScenarioDiagram scenario="simultaneous-open" /> */}',
      ].join('\n'),
    );
    const keys = site.keys.get('three-way-handshake')!.keys;
    expect([...new Set(Object.values(keys).flatMap((k) => keyScenario(k) ?? []))]).toEqual([
      'handshake',
      'handshake-data-close',
    ]);
    const y = { slug: 'y', outline: lessonOutline('<ScenarioDiagram scenario="lost-syn" />'), keys };
    const entries = scenarioEntries('en', [...site.scenarios.values()], [{ slug: 'x', outline, keys }, y]);
    const uses = (id: string) => entries.find((e) => e.id === id)!.uses;
    // In "y", handshake comes only from the keys: after the one scenario it draws.
    expect(uses('handshake')).toEqual([
      { slug: 'x', at: 0 },
      { slug: 'y', at: 1 },
    ]);
    expect(uses('lost-syn')).toEqual([
      { slug: 'x', at: 1 },
      { slug: 'y', at: 0 },
    ]);
    expect(uses('half-close')).toEqual([]);
    expect(uses('simultaneous-open')).toEqual([]);
  });

  it('lists every scenario file with its title, and the lessons that use it', () => {
    const entries = scenarioEntries('en', [...site.scenarios.values()], lessonsWithKeys('en'));
    expect(entries.map((e) => e.id)).toEqual(
      readdirSync('content/scenarios')
        .map((f) => f.replace(/\.json$/, ''))
        .sort(),
    );
    const handshake = entries.find((e) => e.id === 'handshake')!;
    expect(handshake.title).toBe('The three-way handshake');
    expect(handshake.uses).toContainEqual({ slug: 'three-way-handshake', at: 0 });
    expect(scenarioEntries('zh', [...site.scenarios.values()], []).find((e) => e.id === 'handshake')!.title).toBe(
      '三次握手',
    );
  });

  it('orders scenarios as a reader meets them, unused ones last', () => {
    const ordered = inLessonOrder(
      [
        { id: 'unused-b', title: '', profile: 'rfc9293', uses: [] },
        { id: 'close', title: '', profile: 'rfc9293', uses: [{ slug: 'two', at: 1 }] },
        { id: 'unused-a', title: '', profile: 'rfc9293', uses: [{ slug: 'not-listed', at: 0 }] },
        {
          id: 'late',
          title: '',
          profile: 'rfc9293',
          uses: [
            { slug: 'two', at: 0 },
            { slug: 'one', at: 5 },
          ],
        },
        { id: 'open', title: '', profile: 'rfc9293', uses: [{ slug: 'one', at: 0 }] },
      ],
      ['one', 'two'],
    );
    expect(ordered.map((e) => e.id)).toEqual(['open', 'late', 'close', 'unused-a', 'unused-b']);
    expect(ordered.find((e) => e.id === 'late')!.lessons).toEqual(['one', 'two']);
    expect(ordered.find((e) => e.id === 'unused-a')!.lessons).toEqual([]);
  });
});
