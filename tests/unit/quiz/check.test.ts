import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkQuizzes, type KeyFile, type LessonFile } from '~/quiz/check';
import { parseQuizKeys, QuizKeyError } from '~/quiz/keys';
import { modelFromScenarios } from '~/quiz/model';

const dir = 'content/scenarios';
const model = modelFromScenarios(
  Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => [`${dir}/${f}`, JSON.parse(readFileSync(`${dir}/${f}`, 'utf8'))]),
  ),
);

const choice = (id: string, options: string[]) =>
  `<Choice id="${id}">\nQuestion?\n${options.map((o) => `<Option id="${o}">text ${o}</Option>`).join('\n')}\n</Choice>\n`;

function lesson(lang: string, body: string): LessonFile {
  return { file: `content/lessons/${lang}/02-hs.mdx`, lang, slug: 'hs', source: `---\ntitle: x\n---\n\n${body}` };
}
const keys = (data: unknown): KeyFile[] => [{ file: 'content/quizzes/hs.json', slug: 'hs', data }];
const run = (zh: string, en: string, data: unknown) =>
  checkQuizzes([lesson('zh', zh), lesson('en', en)], keys(data), model, ['zh', 'en']);

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
      'content/lessons/zh/02-hs.mdx:5: question "why": content/quizzes/hs.json lists options [b] but the lesson has no <Option id=…> for it',
    );
    expect(problems).toContain(
      'content/lessons/en/02-hs.mdx:5: question "why": the lesson has <Option> [c] that content/quizzes/hs.json does not list (it lists a, b)',
    );
    expect(
      problems.some((p) =>
        p.startsWith(
          'content/lessons/en/02-hs.mdx:5: question "why" has [a,b,c] but content/lessons/zh/02-hs.mdx has [a]',
        ),
      ),
    ).toBe(true);
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
      'content/lessons/en/02-hs.mdx:11: question "calls": the lesson has <Step> [connect] that the model\'s order does not list (it lists socket, bind, listen, accept)',
    );
    expect(problems.some((p) => p.includes('is not asked'))).toBe(false);
    expect(problems).toContain(
      'content/lessons/en/02-hs.mdx: asks [why, calls] but content/lessons/zh/02-hs.mdx asks [why, extra]; both languages need the same questions in the same order',
    );
    expect(problems).toContain(
      'content/lessons/en/02-hs.mdx:11: question "calls": the model says the steps are the server\'s calls in "handshake": [bind] but the lesson has no <Step id=…> for it',
    );
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
    expect(far.join('\n')).toMatch(
      /question "s": the model could not answer it: scenario "handshake" has 9 steps, not 99/,
    );
  });

  it('passes on the real lessons and key files of the site', () => {
    const lessons: LessonFile[] = [];
    for (const lang of ['zh', 'en']) {
      for (const f of readdirSync(`content/lessons/${lang}`)) {
        lessons.push({
          file: `content/lessons/${lang}/${f}`,
          lang,
          slug: f.replace(/^\d+-/, '').replace(/\.mdx?$/, ''),
          source: readFileSync(`content/lessons/${lang}/${f}`, 'utf8'),
        });
      }
    }
    const keyFiles: KeyFile[] = readdirSync('content/quizzes').map((f) => ({
      file: `content/quizzes/${f}`,
      slug: f.replace(/\.json$/, ''),
      data: JSON.parse(readFileSync(`content/quizzes/${f}`, 'utf8')),
    }));
    expect(checkQuizzes(lessons, keyFiles, model, ['zh', 'en'])).toEqual([]);
  });
});

describe('answer key files', () => {
  it('reject bad fields with the file, question, field, value and expectation', () => {
    const bad = (data: unknown) => () => parseQuizKeys(data, 'content/quizzes/x.json');
    expect(bad({ q: { type: 'choice', options: ['a', 'b'], correct: ['c'] } })).toThrow(
      'content/quizzes/x.json: question "q": "correct" is ["c"]; expected ids from "options" (a, b).',
    );
    expect(bad({ q: { type: 'number', scenario: 'handshake', segment: 0, field: 'ack' } })).toThrow(
      /"segment" is 0; expected a whole number from 1 up/,
    );
    expect(bad({ q: { type: 'quiz' } })).toThrow(/"type" is "quiz"; expected "choice", "order", "number" or "state"/);
    expect(bad({ q: { type: 'choice', options: ['a', 'a'], correct: ['a'] } })).toThrow(/"a" appears twice/);
    expect(bad({ q: { type: 'state', scenario: 'h', step: 1, side: 'both' } })).toThrow(QuizKeyError);
    expect(bad({ q: { type: 'choice', options: ['a', 'b'], correct: ['a'], colour: 'red' } })).toThrow(
      /"colour" .*no such field/,
    );
  });

  it('fill in defaults: shuffle on, multiple when several are correct', () => {
    const k = parseQuizKeys(
      {
        q: { type: 'choice', options: ['a', 'b', 'c'], correct: ['a', 'c'] },
        r: { type: 'choice', options: ['a', 'b'], correct: ['a'], shuffle: false },
      },
      'f',
    );
    expect(k.q).toEqual({
      type: 'choice',
      options: ['a', 'b', 'c'],
      correct: ['a', 'c'],
      shuffle: true,
      multiple: true,
    });
    expect(k.r).toMatchObject({ shuffle: false, multiple: false });
  });
});
