/** What lessons draw, checked from their outlines (src/content/checks/diagrams.ts). */
import { describe, expect, it } from 'vitest';
import { checkLessonDiagrams } from '~/content/checks/diagrams';
import { lessonFile } from '~/content/site';

/** A lesson file: front matter (4 lines), then `body`, so the body starts on line 5. */
const source = (id: string, body: string) =>
  lessonFile(id, `content/lessons/${id}.mdx`, `---\ntitle: T\norder: 1\n---\n${body}`);
const SCENARIOS = ['handshake', 'lost-syn', 'half-close'];
const FENCE = '```';

describe('lesson diagrams', () => {
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
      [source('en/02-a', 'x\n\n<ScenarioDiagram scenario="handshak" />')],
      ['en'],
      SCENARIOS,
    );
    expect(problems).toEqual([
      'content/lessons/en/02-a.mdx:7: <ScenarioDiagram scenario="handshak"> names no scenario: there is no content/scenarios/handshak.json. Fix: use one of half-close, handshake, lost-syn, or add the scenario file.',
    ]);
  });

  it('does not count a tag in a code example or a comment against the scenario list or the other language', () => {
    const shown = `${FENCE}mdx\n<ScenarioDiagram scenario="nope" />\n${FENCE}\n\n{/* <ScenarioDiagram scenario="lost-syn" /> */}\n\n`;
    const body = '<ScenarioDiagram scenario="handshake" />';
    expect(
      checkLessonDiagrams([source('zh/02-a', shown + body), source('en/02-a', body)], ['zh', 'en'], SCENARIOS),
    ).toEqual([]);
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
    // from="9" and from={9} are the same diagram.
    expect(
      checkLessonDiagrams(
        [
          source('zh/03-a', '<ScenarioDiagram scenario="half-close" from={9} />'),
          source('en/03-a', '<ScenarioDiagram from="9" scenario="half-close"/>'),
        ],
        ['zh', 'en'],
        SCENARIOS,
      ),
    ).toEqual([]);
  });

  it('tells apart a diagram that unfolds its set-up from one that folds it', () => {
    const problems = checkLessonDiagrams(
      [
        source('zh/01-a', '<ScenarioDiagram scenario="handshake" setup="unfold" />'),
        source('en/01-a', '<ScenarioDiagram scenario="handshake" />'),
      ],
      ['zh', 'en'],
      SCENARIOS,
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(
      'content/lessons/en/01-a.mdx:5: diagram 1 is <ScenarioDiagram scenario="handshake">, but diagram 1 of content/lessons/zh/01-a.mdx (line 5) is scenario="handshake" setup="unfold".',
    );
    expect(problems[0]).toContain('[handshake setup="unfold"]');
    // setup="fold" is what a tag without the prop draws.
    expect(
      checkLessonDiagrams(
        [
          source('zh/01-a', '<ScenarioDiagram scenario="handshake" setup="fold" />'),
          source('en/01-a', '<ScenarioDiagram scenario="handshake" />'),
        ],
        ['zh', 'en'],
        SCENARIOS,
      ),
    ).toEqual([]);
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
});
