import { describe, expect, it } from 'vitest';
import { checkLessonDiagrams, checkLessons, scanLessonDiagrams, splitLessonId } from '~/content';

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

/** A lesson source: front matter (4 lines), then `body`. */
const source = (id: string, body: string) => ({
  id,
  filePath: `content/lessons/${id}.mdx`,
  source: `---\ntitle: T\norder: 1\n---\n${body}`,
});
const SCENARIOS = ['handshake', 'lost-syn', 'half-close'];
const FENCE = '```';

describe('lesson diagrams', () => {
  it('reads scenario ids and their lines in order, counting the front matter', () => {
    const { scenarios, mermaid, problems } = scanLessonDiagrams(
      source(
        'en/02-a',
        'Intro.\n\n<ScenarioDiagram scenario="handshake" />\n\nMore.\n<ScenarioDiagram scenario={\'lost-syn\'}/>\n',
      ).source,
    );
    expect(scenarios).toEqual([
      { scenario: 'handshake', line: 7 },
      { scenario: 'lost-syn', line: 10 },
    ]);
    expect(mermaid).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('skips tags shown in code, inline code and MDX comments, and counts only mermaid fences', () => {
    const body = [
      `${FENCE}mdx`,
      '<ScenarioDiagram scenario="nope" />',
      FENCE,
      'Write `<ScenarioDiagram scenario="nope" />` in a lesson.',
      '{/* <ScenarioDiagram scenario="nope" /> */}',
      `${FENCE}mermaid`,
      'sequenceDiagram',
      FENCE,
      `~~~~mermaid`,
      '```',
      '~~~~',
      `${FENCE}text`,
      FENCE,
    ].join('\n');
    const { scenarios, mermaid } = scanLessonDiagrams(source('en/02-a', body).source);
    expect(scenarios).toEqual([]);
    expect(mermaid).toEqual([10, 13]);
  });

  it('accepts matching languages that use known scenarios', () => {
    const body = '<ScenarioDiagram scenario="handshake" />\n<ScenarioDiagram scenario="lost-syn" />\n';
    const problems = checkLessonDiagrams(
      [source('zh/02-a', body), source('en/02-a', `Prose first.\n\n${body}`)],
      ['zh', 'en'],
      SCENARIOS,
    );
    expect(problems).toEqual([]);
  });

  it('names the file, line and id of a scenario that does not exist, with the known ids', () => {
    const problems = checkLessonDiagrams(
      [source('en/02-a', 'x\n<ScenarioDiagram scenario="handshak" />')],
      ['en'],
      SCENARIOS,
    );
    expect(problems).toEqual([
      'content/lessons/en/02-a.mdx:6: <ScenarioDiagram scenario="handshak"> names no scenario: there is no content/scenarios/handshak.json. Fix: use one of half-close, handshake, lost-syn, or add the scenario file.',
    ]);
  });

  it('names the first diagram that differs between languages, with both lists', () => {
    const problems = checkLessonDiagrams(
      [
        source('zh/02-a', '<ScenarioDiagram scenario="handshake" />\n<ScenarioDiagram scenario="lost-syn" />'),
        source('en/02-a', '<ScenarioDiagram scenario="lost-syn" />\n<ScenarioDiagram scenario="handshake" />'),
      ],
      ['zh', 'en'],
      SCENARIOS,
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^content\/lessons\/en\/02-a\.mdx:5: diagram 1 is <ScenarioDiagram scenario="lost-syn">, but diagram 1 of content\/lessons\/zh\/02-a\.mdx \(line 5\) is scenario="handshake"\./,
    );
    expect(problems[0]).toContain('[handshake, lost-syn]');
    expect(problems[0]).toContain('[lost-syn, handshake]');
    expect(problems[0]).toContain('Fix:');
  });

  it('tells apart two diagrams of one scenario that start at different steps', () => {
    const problems = checkLessonDiagrams(
      [
        source('zh/03-a', '<ScenarioDiagram scenario="half-close" from={9} />'),
        source('en/03-a', '<ScenarioDiagram scenario="half-close" />'),
      ],
      ['zh', 'en'],
      SCENARIOS,
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(
      'content/lessons/en/03-a.mdx:5: diagram 1 is <ScenarioDiagram scenario="half-close">, but diagram 1 of content/lessons/zh/03-a.mdx (line 5) is scenario="half-close" from={9}.',
    );
    expect(
      scanLessonDiagrams(source('en/03-a', '<ScenarioDiagram from="9" scenario="half-close"/>').source).scenarios,
    ).toEqual([{ scenario: 'half-close', from: 9, line: 5 }]);
  });

  it('names a diagram that one language lacks, wherever it is', () => {
    const two = '<ScenarioDiagram scenario="handshake" />\n\n<ScenarioDiagram scenario="lost-syn" />';
    const one = '<ScenarioDiagram scenario="handshake" />';
    for (const [zh, en, where] of [
      [two, one, 'content/lessons/zh/02-a.mdx:7'],
      [one, two, 'content/lessons/en/02-a.mdx:7'],
    ] as const) {
      const problems = checkLessonDiagrams([source('zh/02-a', zh), source('en/02-a', en)], ['zh', 'en'], SCENARIOS);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(
        new RegExp(`^${where}: <ScenarioDiagram scenario="lost-syn"> \\(diagram 2\\) has no counterpart in`),
      );
      expect(problems[0]).toContain('Fix: add <ScenarioDiagram scenario="lost-syn" /> at the same place in');
    }
  });

  it('compares lessons by file, not across lessons', () => {
    const problems = checkLessonDiagrams(
      [
        source('zh/02-a', '<ScenarioDiagram scenario="handshake" />'),
        source('en/02-a', '<ScenarioDiagram scenario="handshake" />'),
        source('zh/03-b', '<ScenarioDiagram scenario="half-close" />'),
        source('en/03-b', '<ScenarioDiagram scenario="half-close" />'),
      ],
      ['zh', 'en'],
      SCENARIOS,
    );
    expect(problems).toEqual([]);
  });

  it('names a mermaid fence count that differs between languages', () => {
    const fence = `${FENCE}mermaid\nflowchart LR\n  A --> B\n${FENCE}\n`;
    const problems = checkLessonDiagrams(
      [source('zh/01-a', `${fence}\n${fence}`), source('en/01-a', fence)],
      ['zh', 'en'],
      SCENARIOS,
    );
    expect(problems).toEqual([
      'content/lessons/en/01-a.mdx: has 1 ```mermaid fence (line 5) but content/lessons/zh/01-a.mdx has 2 (line 5, 10). Both languages draw the same diagrams. Fix: add the missing fence or remove the extra one.',
    ]);
  });

  it('rejects a tag without a scenario, or with one the build cannot read', () => {
    const problems = checkLessonDiagrams(
      [source('en/02-a', '<ScenarioDiagram />\n<ScenarioDiagram scenario={id} />')],
      ['en'],
      SCENARIOS,
    );
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^content\/lessons\/en\/02-a\.mdx:5: <ScenarioDiagram> has no scenario prop\. Fix:/);
    expect(problems[1]).toMatch(
      /^content\/lessons\/en\/02-a\.mdx:6: <ScenarioDiagram scenario=\{id\}> must name its scenario as a string/,
    );
  });

  it('finds no problem in the committed lessons', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const lessons = ['zh', 'en'].flatMap((lang) =>
      readdirSync(`content/lessons/${lang}`)
        .filter((f) => f.endsWith('.mdx'))
        .map((f) => {
          const filePath = `content/lessons/${lang}/${f}`;
          return { id: `${lang}/${f.slice(0, -4)}`, filePath, source: readFileSync(filePath, 'utf8') };
        }),
    );
    const scenarios = readdirSync('content/scenarios').map((f) => f.replace(/\.json$/, ''));
    expect(checkLessonDiagrams(lessons, ['zh', 'en'], scenarios)).toEqual([]);
    // Lessons 2–4 draw their TCP behaviour from the model.
    for (const f of ['02-three-way-handshake', '03-four-way-close', '04-state-machine']) {
      const lesson = lessons.find((l) => l.id === `en/${f}`)!;
      expect(scanLessonDiagrams(lesson.source).scenarios.length, f).toBeGreaterThanOrEqual(2);
    }
  });
});
