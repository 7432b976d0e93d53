/** The build check of quizzes: lessons ↔ answer keys ↔ the model ↔ languages (src/content/checks/quizzes.ts). */
import { describe, expect, it } from 'vitest';
import { checkKeysWithModel, checkQuizzes } from '~/content/checks/quizzes';
import { readQuizKeys } from '~/content/data';
import { lessonFile, readSite } from '~/content/site';
import { createQuizModel } from '~/quiz/model';

const model = createQuizModel(readSite('.').scenarios);

const choice = (id: string, options: string[]) =>
  `<Choice id="${id}">\nQuestion?\n${options.map((o) => `<Option id="${o}">text ${o}</Option>`).join('\n')}\n</Choice>\n`;

/** Lesson "hs" in `lang`: front matter (3 lines) and a blank line, so the body starts on line 5. */
const lesson = (lang: string, body: string) =>
  lessonFile(`${lang}/02-hs`, `content/lessons/${lang}/02-hs.mdx`, `---\ntitle: x\n---\n\n${body}`);
const keyFile = (data: unknown) =>
  new Map([
    ['hs', { file: 'content/quizzes/hs.json', keys: readQuizKeys(JSON.stringify(data), 'content/quizzes/hs.json') }],
  ]);
const run = (zh: string, en: string, data: unknown) =>
  checkQuizzes([lesson('zh', zh), lesson('en', en)], keyFile(data), model, ['zh', 'en']);

const goodKeys = {
  why: { type: 'choice', options: ['a', 'b'], correct: ['b'] },
  state: { type: 'state', scenario: 'handshake', step: 6, side: 'server', expect: 'SYN_RECEIVED' },
  ack: { type: 'number', scenario: 'handshake', segment: 2, field: 'ack', expect: 101 },
  calls: { type: 'order', from: { scenario: 'handshake', calls: 'server' } },
};
const order =
  '<Order id="calls">\nOrder.\n<Step id="socket">s</Step>\n<Step id="bind">b</Step>\n<Step id="listen">l</Step>\n<Step id="accept">a</Step>\n</Order>\n';
const goodBody = `${choice('why', ['a', 'b'])}\n<StateQuestion id="state" />\n\n<NumberQuestion id="ack">\nAck?\n</NumberQuestion>\n\n${order}`;

describe('the build check of quizzes', () => {
  it('accepts a consistent lesson pair whose keys agree with the model', () => {
    expect(run(goodBody, goodBody, goodKeys)).toEqual([]);
  });

  it('fails on a key that disagrees with the model, naming the file, the question and what the model says', () => {
    const problems = run(goodBody, goodBody, {
      ...goodKeys,
      state: { ...goodKeys.state, expect: 'ESTABLISHED' },
      ack: { ...goodKeys.ack, expect: 100 },
    });
    expect(problems).toContain(
      'content/quizzes/hs.json: question "state": the key expects ESTABLISHED, but the model says the server is in SYN_RECEIVED after step 6 of scenario "handshake"',
    );
    expect(problems).toContain(
      'content/quizzes/hs.json: question "ack": the key expects 100, but the model says segment 2 of scenario "handshake" has ack = 101 (ISNs: client 100, server 300)',
    );
  });

  it('fails on a duplicate id, naming both places', () => {
    const body = `${choice('why', ['a', 'b'])}\n${choice('why', ['a', 'b'])}`;
    const problems = run(body, body, { why: goodKeys.why });
    expect(problems).toContain(
      'content/lessons/zh/02-hs.mdx:11: question "why": the id "why" is already used at content/lessons/zh/02-hs.mdx:5; every question needs its own id',
    );
  });

  it('fails when a key names an option the lesson lacks, or the lesson has one the key lacks', () => {
    const problems = run(choice('why', ['a']), choice('why', ['a', 'b', 'c']), { why: goodKeys.why });
    expect(problems).toContain(
      'content/lessons/zh/02-hs.mdx:5: question "why": the key lists options [b] but the lesson has no <Option id=…> for it',
    );
    expect(problems).toContain(
      'content/lessons/en/02-hs.mdx:5: question "why": the lesson has <Option> [c] that are not expected (expected: a, b)',
    );
    expect(problems).toContain(
      'content/lessons/en/02-hs.mdx:5: question "why" has [a,b,c] but content/lessons/zh/02-hs.mdx has [a]',
    );
  });

  it('fails when the languages ask different questions, a key is missing, or an ordering step is not what the model does', () => {
    const badOrder = order.replace('<Step id="bind">b</Step>', '<Step id="connect">c</Step>');
    const problems = run(
      `${choice('why', ['a', 'b'])}\n<StateQuestion id="extra" />\n`,
      `${choice('why', ['a', 'b'])}\n${badOrder}`,
      { why: goodKeys.why, calls: goodKeys.calls },
    );
    expect(problems).toContain(
      'content/lessons/zh/02-hs.mdx:11: question "extra": no answer key; add "extra" to content/quizzes/hs.json',
    );
    expect(problems).toContain(
      'content/lessons/en/02-hs.mdx:11: question "calls": the lesson has <Step> [connect] that are not expected (expected: socket, bind, listen, accept)',
    );
    expect(problems.some((p) => p.includes('is not asked'))).toBe(false);
    expect(problems).toContain(
      'content/lessons/en/02-hs.mdx: asks [why, calls] but content/lessons/zh/02-hs.mdx asks [why, extra]; both languages need the same questions in the same order',
    );
    expect(problems).toContain(
      'content/lessons/en/02-hs.mdx:11: question "calls": the model says the steps are the server\'s calls in "handshake": [bind] but the lesson has no <Step id=…> for it',
    );
  });

  it('ignores a question inside an MDX comment or a code example', () => {
    const shown = `{/* ${choice('old', ['a', 'b'])} */}\n\n\`\`\`\`mdx\n${choice('example', ['a', 'b'])}\`\`\`\`\n\n`;
    expect(run(shown + goodBody, goodBody, goodKeys)).toEqual([]);
  });

  it('fails on a key nobody asks, a key file without a lesson, a lesson prop of another lesson and a key of another type', () => {
    const problems = run(
      `${choice('why', ['a', 'b'])}\n<NumberQuestion id="ack" lesson="other" />\n`,
      `${choice('why', ['a', 'b'])}\n<NumberQuestion id="ack" lesson="other" />\n`,
      { why: goodKeys.why, ack: goodKeys.why, spare: goodKeys.why },
    );
    expect(problems).toContain('content/quizzes/hs.json: question "spare" is not asked in any lesson of "hs"');
    expect(problems).toContain(
      'content/lessons/en/02-hs.mdx:11: question "ack": lesson="other" but the file is lesson "hs"',
    );
    expect(problems).toContain(
      'content/lessons/en/02-hs.mdx:11: question "ack": <NumberQuestion> needs a key of type "number", but content/quizzes/hs.json says "choice"',
    );
    const orphan = checkQuizzes([], keyFile({ why: goodKeys.why }), model, ['zh', 'en']);
    expect(orphan).toEqual([
      'content/quizzes/hs.json: there is no lesson "hs" (content/lessons/<lang>/NN-hs.mdx); rename the file after its lesson',
    ]);
  });

  it('fails on unknown scenarios, steps past the end and a state that is not offered', () => {
    const problems = run('<StateQuestion id="s" />', '<StateQuestion id="s" />', {
      s: { type: 'state', scenario: 'handshake', step: 5, side: 'client', options: ['LISTEN', 'CLOSED'] },
    });
    expect(problems).toContain(
      'content/quizzes/hs.json: question "s": the model says the client is in SYN_SENT after step 5 of "handshake", which is not among "options" (LISTEN, CLOSED)',
    );
    const missing = run('<StateQuestion id="s" />', '<StateQuestion id="s" />', {
      s: { type: 'state', scenario: 'nope', step: 1, side: 'client' },
    });
    expect(missing).toContain(
      'content/quizzes/hs.json: question "s": there is no scenario "nope" (content/scenarios/nope.json)',
    );
    const far = run('<StateQuestion id="s" />', '<StateQuestion id="s" />', {
      s: { type: 'state', scenario: 'handshake', step: 99, side: 'client' },
    });
    expect(far).toContain('content/quizzes/hs.json: question "s": "step" is 99 but scenario "handshake" has 9 steps');
    const farNumber = checkKeysWithModel(
      'k.json',
      readQuizKeys(
        JSON.stringify({ n: { type: 'number', scenario: 'handshake', segment: 9, field: 'ack', expect: 1 } }),
        'k.json',
      ),
      model,
    );
    expect(farNumber).toEqual([
      'k.json: question "n": the model could not answer it: scenario "handshake" sends fewer than 9 segments',
    ]);
  });
});
