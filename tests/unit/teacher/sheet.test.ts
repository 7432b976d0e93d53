/**
 * What paper adds to a question (src/teacher/sheet.ts): letters, the page's scramble, fixed ISNs and
 * the model's number for them. The worksheet pages themselves (the lesson's own Content rendered with
 * the print components) are checked in tests/e2e/teacher.spec.ts.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSite } from '~/content/site';
import { createQuizModel } from '~/quiz/model';
import { hashString, scramble, seeded } from '~/quiz/random';
import type { QuizKey } from '~/quiz/registry';
import { choice } from '~/quiz/types/choice';
import { number } from '~/quiz/types/number';
import { layOut, optionLetter, worksheetIsns } from '~/teacher/sheet';

const site = readSite('.');
const model = createQuizModel(site.scenarios);
const keyOf = (slug: string, id: string) => site.keys.get(slug)!.keys[id]!;

describe('letters and ISNs', () => {
  it('letters options A, B, … Z, then AA', () => {
    expect([0, 1, 25, 26, 27, 51, 52].map(optionLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA']);
  });

  it('prints fixed ISNs per question: four or five digits, not the scenario’s, never equal', () => {
    // Fixed: the same sheet prints the same numbers on every build.
    expect(worksheetIsns('hs-ack-of-synack')).toEqual({ client: 48315, server: 72820 });
    expect(worksheetIsns('hs-ack-of-synack')).toEqual(worksheetIsns('hs-ack-of-synack'));
    expect(worksheetIsns('fc-ack-of-fin')).not.toEqual(worksheetIsns('hs-ack-of-synack'));
    for (let i = 0; i < 300; i++) {
      const { client, server } = worksheetIsns(`q-${i}`);
      expect(client).not.toBe(server);
      for (const isn of [client, server]) {
        expect(Number.isInteger(isn)).toBe(true);
        expect(String(isn)).toMatch(/^\d{4,5}$/);
      }
    }
  });
});

describe('a question laid out for paper', () => {
  it('letters the options in the order the author wrote them, and keeps choose-one or choose-many', () => {
    const items = ['a', 'b', 'c'].map((id) => ({ id, html: `option ${id}` }));
    const why = keyOf('three-way-handshake', 'hs-why-three') as Extract<QuizKey, { type: 'choice' }>;
    const body = choice.sheet({ prompt: '<p>Why?</p>', items }, why, model, {
      id: 'hs-why-three',
      lang: 'en',
      isns: worksheetIsns('hs-why-three'),
    });
    const q = layOut(body, { id: 'hs-why-three', type: 'choice', explanation: '<p>Because.</p>' });
    expect(q.options!.map((o) => `${o.letter}=${o.id}:${o.correct}`)).toEqual(['A=a:false', 'B=b:true', 'C=c:false']);
    expect(q).toMatchObject({
      id: 'hs-why-three',
      type: 'choice',
      prompt: '<p>Why?</p>',
      explanation: '<p>Because.</p>',
    });
    expect(q.multiple).toBe(false);
    expect(q.scenario).toBeUndefined();
    expect(keyOf('three-way-handshake', 'hs-synack-facts')).toMatchObject({ multiple: true });
  });

  it('prints ordering steps in the page’s scramble, each with the number it should get', () => {
    const right = ['socket', 'bind', 'listen', 'accept'];
    const q = layOut(
      { prompt: '<p>Order.</p>', order: right.map((id) => ({ id, html: `<code>${id}()</code>` })) },
      { id: 'hs-server-calls', type: 'order', scenario: 'handshake' },
    );
    expect(q.order!.map((s) => s.id)).toEqual(right);
    expect(q.steps!.map((s) => s.id)).toEqual(['socket', 'accept', 'listen', 'bind']);
    // The scramble src/quiz/types/order/Question.astro shows on the lesson page.
    expect(q.steps!.map((s) => s.id)).toEqual(scramble(right, seeded(hashString('hs-server-calls'))));
    expect(q.steps!.map((s) => `${s.id}=${s.position}`)).toEqual(['socket=1', 'accept=4', 'listen=3', 'bind=2']);
    expect(q.steps!.find((s) => s.id === 'bind')!.html).toBe('<code>bind()</code>');
    expect(q.scenario).toBe('handshake');
    expect(q.options).toBeUndefined();
  });

  it('prints one fixed instance of a number question, answered by the model for those ISNs', () => {
    const key = keyOf('three-way-handshake', 'hs-ack-of-synack') as Extract<QuizKey, { type: 'number' }>;
    const isns = worksheetIsns('hs-ack-of-synack');
    const q = layOut(
      number.sheet({ prompt: '<p>Ack?</p>', items: [] }, key, model, { id: 'hs-ack-of-synack', lang: 'zh', isns }),
      { id: 'hs-ack-of-synack', type: 'number', scenario: 'handshake' },
    );
    // The SYN+ACK acknowledges the client's SYN: client ISN + 1 (RFC 9293 §3.4).
    expect(q.number).toEqual({ isns: { client: 48315, server: 72820 }, value: 48316 });
  });

  it('computes every number question of every lesson for the printed ISNs', () => {
    // A segment's seq counts from its sender's ISN and its ack from the receiver's (RFC 9293 §3.4), so
    // moving the ISNs moves the number by the same amount as the ISN it counts from. The key's
    // `expect` is the number for the scenario file's own ISNs.
    const slugs = readdirSync('content/lessons/en').map((f) => f.replace(/^\d+-/, '').replace(/\.mdx?$/, ''));
    expect(slugs.length).toBeGreaterThanOrEqual(5);
    const numberKeys = [...site.keys.values()].flatMap((k) => Object.values(k.keys).filter((x) => x.type === 'number'));
    let checked = 0;
    for (const lesson of site.lessons) {
      expect(slugs).toContain(lesson.slug);
      for (const question of lesson.outline.questions.filter((q) => q.tag === 'NumberQuestion')) {
        const key = keyOf(lesson.slug, question.id) as Extract<QuizKey, { type: 'number' }>;
        expect(key.expect, `${question.id} documents its answer`).toBeDefined();
        const isns = worksheetIsns(question.id);
        const q = layOut(
          number.sheet({ prompt: '', items: [] }, key, model, { id: question.id, lang: lesson.lang as 'en', isns }),
          { id: question.id, type: 'number', scenario: key.scenario },
        );
        const sent = model.segments(key.scenario)[key.segment - 1]!;
        const other = sent.from === 'client' ? 'server' : 'client';
        const countsFrom = key.field === 'seq' ? sent.from : other;
        const defaults = model.defaultIsns(key.scenario);
        const shifted = key.expect! + isns[countsFrom] - defaults[countsFrom];
        // A number that answers an injected segment (an old duplicate with its own fixed seq, say) does
        // not move with the ISNs: it may keep the scenario's value.
        const injects = model.scenario(key.scenario).steps.some((step) => 'inject' in step);
        expect(q.number!.isns, `${lesson.filePath}: ${question.id}`).toEqual(isns);
        expect(injects ? [shifted, key.expect] : [shifted], `${lesson.filePath}: ${question.id}`).toContain(
          q.number!.value,
        );
        checked++;
      }
    }
    // Every number key of every lesson, in both languages.
    expect(checked).toBe(numberKeys.length * 2);
    expect(numberKeys.length).toBeGreaterThanOrEqual(5);
  });
});
