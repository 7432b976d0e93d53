/** The site's content read from disk, outside Astro (src/content/site.ts). */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lessonFile, readSite, splitLessonId } from '~/content/site';

describe('reading the site', () => {
  it('splits an id into language, file and slug', () => {
    expect(splitLessonId('zh/03-four-way-close')).toEqual({
      lang: 'zh',
      file: '03-four-way-close',
      slug: 'four-way-close',
    });
  });

  it('reads every lesson, scenario and key file of the repository', () => {
    const site = readSite('.');
    expect(site.problems).toEqual([]);
    for (const lang of ['zh', 'en'])
      expect(site.lessons.filter((l) => l.lang === lang).map((l) => `${l.file}.mdx`)).toEqual(
        readdirSync(`content/lessons/${lang}`).sort(),
      );
    expect([...site.scenarios.keys()].sort()).toEqual(
      readdirSync('content/scenarios')
        .map((f) => f.replace(/\.json$/, ''))
        .sort(),
    );
    expect([...site.keys.keys()].sort()).toEqual(
      readdirSync('content/quizzes')
        .map((f) => f.replace(/\.json$/, ''))
        .sort(),
    );
    const hs = site.lessons.find((l) => l.id === 'en/02-three-way-handshake')!;
    expect(hs).toMatchObject({
      filePath: 'content/lessons/en/02-three-way-handshake.mdx',
      lang: 'en',
      slug: 'three-way-handshake',
    });
    expect(hs.outline.questions.map((q) => q.id)).toContain('hs-why-three');
    expect(hs.outline.questions.length).toBeGreaterThanOrEqual(5);
    const zh = site.lessons.find((l) => l.id === 'zh/02-three-way-handshake')!;
    expect(zh.outline.questions.map((q) => q.id)).toEqual(hs.outline.questions.map((q) => q.id));
  });

  it('turns an MDX syntax error into a problem with its line instead of throwing', () => {
    const file = lessonFile('en/09-x', 'content/lessons/en/09-x.mdx', '---\ntitle: x\n---\n\nText {oops\n');
    expect(file.outline.questions).toEqual([]);
    expect(file.outline.problems).toHaveLength(1);
    expect(file.outline.problems[0]!.line).toBeGreaterThanOrEqual(5);
    expect(file.outline.problems[0]!.message).toMatch(/^the MDX does not parse: /);
  });
});
