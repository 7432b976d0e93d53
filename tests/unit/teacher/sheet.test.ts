import { describe, expect, it } from 'vitest';
import { optionLetter, sheetOf, teacherSheet, worksheetIsns } from '~/components/teacher/sheet';
import { diagramScenarios, inLessonOrder, keyScenarios, scenarioEntries } from '~/components/teacher/scenarios';
import { unprintable } from '~/components/teacher/markdown';
import { parseQuizKeys, siteModel, type WorksheetQuestion } from '~/quiz';
import { numberAnswer } from '~/quiz/answers';
import { keyData, keyFiles } from '~/quiz/site';
import { scenarioIds } from '~/components/lesson/diagrams';

describe('a lesson on paper', () => {
  const en = teacherSheet('en', 'three-way-handshake');
  const zh = teacherSheet('zh', 'three-way-handshake');

  it('numbers the questions from 1 in page order, the same in both languages', () => {
    expect(en.map((q) => q.n)).toEqual(en.map((_, i) => i + 1));
    expect(en.map((q) => q.id)).toEqual(zh.map((q) => q.id));
    expect(teacherSheet('en', 'no-such-lesson')).toEqual([]);
  });

  it('letters the options in the order the author wrote them', () => {
    const why = en.find((q) => q.id === 'hs-why-three')!;
    expect(why.options!.map((o) => `${o.letter}=${o.id}`)).toEqual(['A=a', 'B=b', 'C=c']);
    expect(why.multiple).toBe(false);
    expect(en.find((q) => q.id === 'hs-synack-facts')!.multiple).toBe(true);
    expect([0, 1, 25, 26, 27].map(optionLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB']);
  });

  it('prints ordering steps scrambled, each with the number it should get', () => {
    const calls = en.find((q) => q.id === 'hs-server-calls')!;
    const right = ['socket', 'bind', 'listen', 'accept'];
    expect(calls.order!.map((s) => s.id)).toEqual(right);
    expect(calls.steps!.map((s) => s.id)).not.toEqual(right);
    for (const step of calls.steps!) expect(right[step.position - 1]).toBe(step.id);
    expect(calls.scenario).toBe('handshake');
  });

  it('prints one fixed instance of a number question, answered by the model for those ISNs', () => {
    const ack = en.find((q) => q.id === 'hs-ack-of-synack')!;
    const { isns, value } = ack.number!;
    expect(isns).toEqual(worksheetIsns('hs-ack-of-synack'));
    expect(isns).not.toEqual({ client: 100, server: 300 });
    expect(isns.client).not.toBe(isns.server);
    // The SYN+ACK acknowledges the client's SYN: client ISN + 1, whatever the ISNs.
    expect(value).toBe(isns.client + 1);
    expect(zh.find((q) => q.id === 'hs-ack-of-synack')!.number).toEqual(ack.number);
  });

  it('computes every number question of every lesson with the model, for the printed ISNs', () => {
    // Every lesson with an answer key, so a new lesson's number questions are checked too.
    let checked = 0;
    for (const { slug } of keyFiles()) {
      const keys = parseQuizKeys(keyData(slug)!.data, slug);
      for (const q of teacherSheet('en', slug).filter((q) => q.type === 'number')) {
        checked++;
        const key = keys[q.id];
        if (key?.type !== 'number') throw new Error(`${q.id} has no number key`);
        expect(q.number!.value, q.id).toBe(numberAnswer(key, siteModel, q.number!.isns));
      }
    }
    // Every number key is printed on its lesson's sheet.
    const numberKeys = keyFiles().flatMap(({ file, data }) =>
      Object.values(parseQuizKeys(data, file)).filter((k) => k.type === 'number'),
    );
    expect(checked).toBe(numberKeys.length);
    expect(checked).toBeGreaterThan(0);
  });

  it('names the question when a number question has no number key', () => {
    const question: WorksheetQuestion = {
      id: 'x-number',
      type: 'number',
      source: 'content/lessons/en/09-x.mdx:12',
      prompt: 'What?',
      answer: { type: 'number', value: 1, isns: { client: 1, server: 2 } },
    };
    expect(() => sheetOf([question], {}, siteModel)).toThrow(/09-x\.mdx:12: number question "x-number"/);
  });
});

describe('which scenarios a lesson uses', () => {
  it('reads <ScenarioDiagram scenario> tags and the scenarios of answer keys', () => {
    expect(
      diagramScenarios('<ScenarioDiagram scenario="handshake" />\n<ScenarioDiagram lang="en" scenario=\'lost-syn\'/>'),
    ).toEqual(['handshake', 'lost-syn']);
    const keys = parseQuizKeys(keyData('three-way-handshake')!.data, 'three-way-handshake');
    expect(keyScenarios(keys)).toEqual(['handshake']);
  });

  it('lists every scenario file, in the order the lessons first show them, unused ones last', () => {
    const entries = scenarioEntries('en');
    expect(entries.map((e) => e.id)).toEqual(scenarioIds());
    const handshake = entries.find((e) => e.id === 'handshake')!;
    expect(handshake.title).toBe('The three-way handshake');
    expect(handshake.uses).toContainEqual({ slug: 'three-way-handshake', at: 0 });

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

describe('question text a worksheet can print', () => {
  it('accepts Markdown and refuses MDX components and expressions', () => {
    expect(unprintable('Call `accept()` **now**, with `{ port: 80 }`.')).toBeUndefined();
    expect(unprintable('See <Term id="syn">SYN</Term>.')).toMatch(/<Term>/);
    expect(unprintable('The answer is {1 + 1}.')).toMatch(/braces/);
  });
});
