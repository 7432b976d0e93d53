/**
 * One reader per data set (src/content/data.ts): a malformed or invalid file fails naming the file,
 * the line and column or the question/entry and field, and the fix.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DataFileError, readGlossary, readQuizKeys, readScenario } from '~/content/data';

const GLOSSARY = 'content/glossary.json';
const glossaryText = readFileSync(GLOSSARY, 'utf8');
const valid = (JSON.parse(glossaryText) as Record<string, unknown>[])[0]!;
const glossary =
  (data: unknown, file = 'g.json') =>
  () =>
    readGlossary(JSON.stringify(data), file);
const quizKeys = (data: unknown) => () => readQuizKeys(JSON.stringify(data), 'content/quizzes/x.json');

/** The 1-based line and column just past the end of `text`. */
function endOf(text: string): string {
  const lines = text.split('\n');
  return `${lines.length}:${lines.at(-1)!.length + 1}`;
}

describe('a truncated data file', () => {
  it.each(readdirSync('content/quizzes').map((f) => `content/quizzes/${f}`))(
    'names %s with the line and column where it stops',
    (file) => {
      const text = readFileSync(file, 'utf8');
      const cut = text.slice(0, Math.floor(text.length / 2));
      expect(() => readQuizKeys(cut, file)).toThrow(DataFileError);
      expect(() => readQuizKeys(cut, file)).toThrow(
        `${file}:${endOf(cut)}: the file ends inside an object or array (is it cut short?).`,
      );
    },
  );

  it('names content/glossary.json with the line and column where it stops', () => {
    const cut = glossaryText.slice(0, Math.floor(glossaryText.length / 3));
    expect(() => readGlossary(cut, GLOSSARY)).toThrow(
      `${GLOSSARY}:${endOf(cut)}: the file ends inside an object or array (is it cut short?).`,
    );
  });

  it('names a scenario file with the line and column where it stops', () => {
    const file = 'content/scenarios/handshake.json';
    const cut = readFileSync(file, 'utf8').slice(0, 200);
    expect(() => readScenario(cut, file)).toThrow(`${file}:${endOf(cut)}: the file ends inside`);
  });
});

describe('answer key files', () => {
  it('read every committed key file', () => {
    for (const f of readdirSync('content/quizzes')) {
      const keys = readQuizKeys(readFileSync(`content/quizzes/${f}`, 'utf8'), f);
      expect(Object.keys(keys).length, f).toBeGreaterThan(0);
    }
  });

  it('name the file, the question, the field and what is expected of an invalid key', () => {
    expect(quizKeys({ q: { type: 'choice', options: ['a', 'b'], correct: ['c'] } })).toThrow(
      'content/quizzes/x.json is invalid:\n- question "q": "correct" "c" is not one of "options" (a, b); list only ids from "options"',
    );
    expect(quizKeys({ q: { type: 'number', scenario: 'handshake', segment: 0, field: 'ack' } })).toThrow(
      /question "q": "segment" must be 1 or more/,
    );
    expect(quizKeys({ q: { type: 'quiz' } })).toThrow(
      /question "q": "type" is "quiz"; expected one of "choice", "order", "number", "state"/,
    );
    expect(quizKeys({ q: { type: 'choice', options: ['a', 'a'], correct: ['a'] } })).toThrow(
      /question "q": "options" lists "a" twice; each id once/,
    );
    expect(quizKeys({ q: { type: 'state', scenario: 'h', step: 1, side: 'both' } })).toThrow(
      /question "q": "side" must be "client" or "server"/,
    );
    expect(quizKeys({ q: { type: 'choice', options: ['a', 'b'], correct: ['a'], colour: 'red' } })).toThrow(
      /question "q": .*"colour"/,
    );
    expect(quizKeys({ q: { type: 'number', scenario: 'handshake', segment: 2, field: 'syn' } })).toThrow(
      /question "q": "field" must be "seq" or "ack"/,
    );
    expect(quizKeys({ q: { type: 'order', answer: ['a'] } })).toThrow(
      /question "q": "answer" must list at least 2 ids/,
    );
    expect(quizKeys({ q: { type: 'choice', options: ['a', 'b'], correct: ['a', 'b'], multiple: false } })).toThrow(
      /question "q": "multiple" is false but several options are correct/,
    );
    expect(quizKeys({ 'Bad Id': { type: 'choice', options: ['a', 'b'], correct: ['a'] } })).toThrow(
      /question id "Bad Id" must be lowercase letters, digits and "-"/,
    );
    expect(quizKeys([1])).toThrow(/^content\/quizzes\/x\.json: expected an object keyed by question id/);
  });

  it('list every problem of a file in one error, with where the formats are documented', () => {
    const read = quizKeys({
      a: { type: 'choice', options: ['a', 'b'], correct: ['c'] },
      b: { type: 'state', scenario: 'h', step: 0, side: 'client' },
    });
    expect(read).toThrow(/question "a": "correct".*\n- question "b": "step"/);
    expect(read).toThrow(/src\/quiz\/README\.md/);
  });

  it('fill in defaults: shuffle on, multiple when several are correct; "$schema" is not a question', () => {
    const k = readQuizKeys(
      JSON.stringify({
        $schema: './schema.json',
        q: { type: 'choice', options: ['a', 'b', 'c'], correct: ['a', 'c'] },
        r: { type: 'choice', options: ['a', 'b'], correct: ['a'], shuffle: false },
        o: { type: 'order', from: { scenario: 'handshake', calls: 'server' } },
      }),
      'f',
    );
    expect(Object.keys(k)).toEqual(['q', 'r', 'o']);
    expect(k.q).toEqual({
      type: 'choice',
      options: ['a', 'b', 'c'],
      correct: ['a', 'c'],
      shuffle: true,
      multiple: true,
    });
    expect(k.r).toMatchObject({ shuffle: false, multiple: false });
    expect(k.o).toEqual({ type: 'order', source: { scenario: 'handshake', calls: 'server' } });
  });
});

describe('the glossary file', () => {
  it('names the entry and the field when a language is missing', () => {
    const { zh: _zh, ...noZh } = valid;
    expect(glossary([noZh])).toThrow(/^g\.json is invalid:\n- entry "socket": zh /);
  });

  it('names the entry when a definition is empty', () => {
    expect(glossary([{ ...valid, en: { term: 'socket', definition: '  ' } }])).toThrow(
      /entry "socket": en\.definition must not be empty/,
    );
  });

  it('rejects duplicate ids, bad ids and unknown fields, and a file that is not a list', () => {
    expect(glossary([valid, valid])).toThrow(/entry "socket": the id is used twice/);
    expect(glossary([{ ...valid, id: 'Time Wait' }])).toThrow(/entry "Time Wait": id must be lowercase/);
    expect(glossary([{ ...valid, extra: 1 }])).toThrow(/entry "socket"/);
    expect(glossary([{ ...valid, id: undefined }])).toThrow(/entry #1 \(no id\)/);
    expect(glossary({})).toThrow(/^g\.json: expected a JSON array/);
  });
  it('refuses a Chinese term that already holds its gloss, which the pages would print twice', () => {
    const isn = { ...valid, zh: { term: 'ISN（初始序号）', gloss: '初始序号', definition: '初始序号。' } };
    expect(() => readGlossary(JSON.stringify([isn]), 'g.json')).toThrow(
      /entry "socket": zh\.term "ISN（初始序号）" already holds its gloss "初始序号"; write the term alone/,
    );
  });
});

describe('scenario files', () => {
  it('name the file and the field of an invalid scenario', () => {
    expect(() => readScenario('{"id": "x", "steps": 3}', 'content/scenarios/x.json')).toThrow(DataFileError);
    expect(() => readScenario('{"id": "x", "steps": 3}', 'content/scenarios/x.json')).toThrow(
      /^content\/scenarios\/x\.json: "title" must be/,
    );
  });
});
