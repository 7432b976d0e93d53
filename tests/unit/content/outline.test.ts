/**
 * The one reader of a lesson's MDX (src/content/outline.ts): what it counts and what it must not
 * (comments, code examples, fences shown inside other fences), with the lines the build reports.
 */
import { describe, expect, it } from 'vitest';
import { lessonOutline, OutlineSyntaxError } from '~/content/outline';

const FENCE = '```';
/** A lesson source: front matter (4 lines), then `body`, so the body starts on line 5. */
const lesson = (body: string) => `---\ntitle: T\norder: 1\n---\n${body}`;

describe('the lesson outline: questions', () => {
  const source = `---
title: x
---
Some prose.

${FENCE}mdx
<Choice id="in-a-code-block">
<Option id="z">ignored</Option>
</Choice>
${FENCE}

<Choice id="hs-why-three">
Why **three**?
<Option id="a">To send data.<Feedback>No data yet.</Feedback></Option>
<Option id="b">So each side hears its ISN confirmed.</Option>
<Explanation>Each side must hear its own number.</Explanation>
</Choice>

<Order id="hs-calls" lesson="three-way-handshake">
Order them.
<Step id="socket">socket()</Step>
<Step id='bind'>bind()</Step>
</Order>

<StateQuestion id="hs-state" />
`;

  it('reads ids, children, explanation and lesson prop with their lines, skipping code blocks', () => {
    const { questions, problems } = lessonOutline(source);
    expect(problems).toEqual([]);
    expect(questions.map((q) => [q.tag, q.id, q.line])).toEqual([
      ['Choice', 'hs-why-three', 12],
      ['Order', 'hs-calls', 19],
      ['StateQuestion', 'hs-state', 25],
    ]);
    const choice = questions[0]!;
    expect(choice.children).toEqual([
      { tag: 'Option', id: 'a', line: 14 },
      { tag: 'Option', id: 'b', line: 15 },
    ]);
    expect(choice.explained).toBe(true);
    expect(choice.lesson).toBeUndefined();
    expect(questions[1]!.lesson).toBe('three-way-handshake');
    expect(questions[1]!.explained).toBe(false);
    expect(questions[1]!.children.map((c) => [c.tag, c.id])).toEqual([
      ['Step', 'socket'],
      ['Step', 'bind'],
    ]);
    expect(questions[2]!.children).toEqual([]);
  });

  it('ignores a question inside an MDX comment, in inline code or in a four-backtick example', () => {
    const body = [
      '{/* <Choice id="commented-out">', // 5
      '<Option id="a">x</Option>', // 6
      '</Choice> */}', // 7
      '', // 8
      'Write `<Choice id="inline">` to ask.', // 9
      '', // 10
      '````mdx', // 11
      `${FENCE}mdx`, // 12
      '<Choice id="nested-example" />', // 13
      FENCE, // 14
      '````', // 15
      '', // 16
      '<Choice id="real">', // 17
      '<Option id="a">A</Option>', // 18
      '</Choice>', // 19
    ].join('\n');
    const { questions, problems } = lessonOutline(lesson(body));
    expect(problems).toEqual([]);
    expect(questions.map((q) => [q.id, q.line])).toEqual([['real', 17]]);
  });

  it('reports missing ids and misplaced children with their lines', () => {
    const { problems } = lessonOutline(
      '<Choice>\n<Option>x</Option>\n<Step id="s">y</Step>\n</Choice>\n\n<Option id="q">z</Option>\n\n<Choice id="outer">\n<Order id="inner">\n</Order>\n</Choice>\n',
    );
    const messages = problems.map((p) => `${p.line}: ${p.message}`);
    expect(messages).toContain('1: <Choice> needs an id, e.g. <Choice id="hs-why-three">.');
    expect(messages).toContain('2: <Option> in "" needs an id, e.g. <Option id="a">.');
    expect(messages).toContain('3: <Step> does not belong inside <Choice>.');
    expect(messages).toContain('6: <Option> must sit inside a question (<Choice>, <Order>…).');
    expect(messages).toContain('9: <Order> cannot sit inside <Choice id="outer">; close the question first.');
  });

  it('reports children given to a question whose answers the model lists', () => {
    const { questions, problems } = lessonOutline(
      '<StateQuestion id="s">\n<Option id="a">x</Option>\n</StateQuestion>\n',
    );
    expect(problems).toEqual([{ line: 2, message: '<Option> does not belong inside <StateQuestion>.' }]);
    expect(questions[0]!.children).toEqual([]);
  });

  it('fails with the line of an unclosed tag instead of guessing', () => {
    const read = () => lessonOutline('Prose.\n\n<Order id="o">\n<Step id="a">a</Step>\n');
    expect(read).toThrow(OutlineSyntaxError);
    try {
      read();
    } catch (error) {
      expect((error as OutlineSyntaxError).line).toBeGreaterThanOrEqual(3);
      expect((error as Error).message).toMatch(/Order/);
    }
  });
});

describe('the lesson outline: diagrams', () => {
  it('reads scenario ids, props and lines in order, counting the front matter', () => {
    const outline = lessonOutline(
      lesson(
        [
          'Intro.', // 5
          '', // 6
          '<ScenarioDiagram scenario="handshake" />', // 7
          '', // 8
          'More.', // 9
          '<ScenarioDiagram scenario={\'lost-syn\'} lang="en"/>', // 10
          '', // 11
          '<ScenarioDiagram from="9" scenario="half-close"/>', // 12
          '<ScenarioDiagram scenario="half-close" from={3} />', // 13
          '<ScenarioDiagram scenario="handshake" setup="unfold" />', // 14
          '<ScenarioDiagram scenario="handshake" setup={"fold"} />', // 15
        ].join('\n'),
      ),
    );
    expect(outline.diagrams).toEqual([
      { scenario: 'handshake', line: 7 },
      { scenario: 'lost-syn', lang: 'en', line: 10 },
      { scenario: 'half-close', from: 9, line: 12 },
      { scenario: 'half-close', from: 3, line: 13 },
      { scenario: 'handshake', setup: 'unfold', line: 14 },
      { scenario: 'handshake', setup: 'fold', line: 15 },
    ]);
    expect(outline.mermaid).toEqual([]);
    expect(outline.problems).toEqual([]);
  });

  it('ignores <ScenarioDiagram> in a fenced code example, in inline code and in an MDX comment', () => {
    const body = [
      `${FENCE}mdx`, // 5
      '<ScenarioDiagram scenario="in-fence" />', // 6
      FENCE, // 7
      '', // 8
      'Write `<ScenarioDiagram scenario="inline" />` in a lesson.', // 9
      '', // 10
      '{/* <ScenarioDiagram scenario="commented" /> */}', // 11
      '', // 12
      '<ScenarioDiagram scenario="real" />', // 13
    ].join('\n');
    const { diagrams, problems } = lessonOutline(lesson(body));
    expect(problems).toEqual([]);
    expect(diagrams).toEqual([{ scenario: 'real', line: 13 }]);
  });

  it('counts ```mermaid fences, indented ones in a list item included, with the line of the opening fence', () => {
    const body = [
      '# T', // 5
      '', // 6
      `${FENCE}mermaid`, // 7
      'sequenceDiagram', // 8
      '  A->>B: x', // 9
      FENCE, // 10
      '', // 11
      '- a list item', // 12
      '', // 13
      `  ${FENCE}mermaid`, // 14
      '  flowchart LR', // 15
      '    A --> B', // 16
      `  ${FENCE}`, // 17
      '', // 18
      '~~~~ mermaid', // 19
      'stateDiagram-v2', // 20
      FENCE, // 21: not the end of a ~~~~ fence
      '~~~~', // 22
      '', // 23
      `${FENCE}js`, // 24
      'const x = 1;', // 25
      FENCE, // 26
    ].join('\n');
    expect(lessonOutline(lesson(body)).mermaid).toEqual([
      { line: 7, source: 'sequenceDiagram\n  A->>B: x' },
      { line: 14, source: 'flowchart LR\n  A --> B' },
      { line: 19, source: `stateDiagram-v2\n${FENCE}` },
    ]);
  });

  it('ignores a ```mermaid fence shown inside a four-backtick block, and other languages', () => {
    const body = [
      '````md', // 5
      `${FENCE}mermaid`, // 6
      'flowchart LR', // 7
      FENCE, // 8
      '````', // 9
      '', // 10
      `${FENCE}text`, // 11
      'mermaid', // 12
      FENCE, // 13
      '', // 14
      `${FENCE}mermaid title="x"`, // 15
      'flowchart TD', // 16
      FENCE, // 17
    ].join('\n');
    expect(lessonOutline(lesson(body)).mermaid).toEqual([{ line: 15, source: 'flowchart TD' }]);
  });

  it('names a tag without a scenario, or with one the build cannot read, or a bad from', () => {
    const { diagrams, problems } = lessonOutline(
      lesson('<ScenarioDiagram />\n<ScenarioDiagram scenario={id} />\n<ScenarioDiagram scenario="x" from="-1" />'),
    );
    expect(diagrams).toEqual([{ scenario: 'x', line: 7 }]);
    expect(problems.map((p) => p.line)).toEqual([5, 6, 7]);
    expect(problems[0]!.message).toMatch(/^<ScenarioDiagram> has no scenario prop\. Fix:/);
    expect(problems[1]!.message).toMatch(/^<ScenarioDiagram scenario=\{id\}> must name its scenario as a string/);
    expect(problems[2]!.message).toMatch(/needs a step index\. Fix: write from=\{9\}/);
  });

  it('names a setup prop that is neither "fold" nor "unfold", with the values it takes', () => {
    const { diagrams, problems } = lessonOutline(
      lesson('<ScenarioDiagram scenario="handshake" setup="folded" />\n<ScenarioDiagram scenario="x" setup={mode} />'),
    );
    expect(diagrams).toEqual([
      { scenario: 'handshake', line: 5 },
      { scenario: 'x', line: 6 },
    ]);
    expect(problems).toEqual([
      {
        line: 5,
        message:
          '<ScenarioDiagram scenario="handshake" setup="folded"> must be setup="fold" or setup="unfold" (default "fold"). Fix: write setup="unfold" to draw each set-up call, or leave it out.',
      },
      {
        line: 6,
        message: expect.stringMatching(/^<ScenarioDiagram scenario="x" setup=\{mode\}> must be setup="fold" or/),
      },
    ]);
  });
});
