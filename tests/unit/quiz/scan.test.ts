import { describe, expect, it } from 'vitest';
import { scanQuizzes } from '~/quiz/scan';

const lesson = `---
title: x
---
Some prose.

\`\`\`mdx
<Choice id="in-a-code-block">
<Option id="z">ignored</Option>
</Choice>
\`\`\`

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

describe('scanning quiz tags in MDX', () => {
  it('reads ids, options, feedback, prompt and explanation, with lines, skipping code blocks', () => {
    const { questions, problems } = scanQuizzes(lesson);
    expect(problems).toEqual([]);
    expect(questions.map((q) => [q.tag, q.id, q.line])).toEqual([
      ['Choice', 'hs-why-three', 12],
      ['Order', 'hs-calls', 19],
      ['StateQuestion', 'hs-state', 25],
    ]);
    const choice = questions[0]!;
    expect(choice.prompt).toBe('Why **three**?');
    expect(choice.children).toEqual([
      { id: 'a', line: 14, text: 'To send data.', feedback: 'No data yet.' },
      { id: 'b', line: 15, text: 'So each side hears its ISN confirmed.' },
    ]);
    expect(choice.explanation).toBe('Each side must hear its own number.');
    expect(questions[1]!.lesson).toBe('three-way-handshake');
    expect(questions[1]!.children.map((c) => c.id)).toEqual(['socket', 'bind']);
  });

  it('reports unclosed tags, missing ids and misplaced children with their lines', () => {
    const { problems } = scanQuizzes(
      '<Choice>\n<Option>x</Option>\n<Step id="s">y</Step>\n</Choice>\n<Option id="q">z</Option>\n<Order id="o">',
    );
    const messages = problems.map((p) => `${p.line}: ${p.message}`);
    expect(messages).toContain('2: <Option> in "" needs an id');
    expect(messages).toContain('1: <Choice> needs an id, e.g. <Choice id="hs-why-three">');
    expect(messages).toContain('3: <Step> does not belong inside <Choice>');
    expect(messages).toContain('5: <Option> must sit inside a question (<Choice>, <Order>…)');
    expect(messages).toContain('6: <Order> is never closed');
  });
});
