/**
 * The question types (src/quiz/types/<kind>) and their registry: key schemas, answers computed by the
 * model, the checks of a lesson's items, and each question's paper body.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readQuizKeys } from '~/content/data';
import { readSite } from '~/content/site';
import { segmentId } from '~/quiz/answers';
import { requireId } from '~/quiz/components/props';
import { gradeNumber } from '~/quiz/grade';
import { createQuizModel } from '~/quiz/model';
import { randomIsn, seeded } from '~/quiz/random';
import {
  answerOf,
  CHILD_TAGS,
  keyScenario,
  QUESTION_TYPES,
  QUIZ_TAGS,
  questionType,
  typeOf,
  typeOfTag,
  type QuizKey,
} from '~/quiz/registry';
import { choice } from '~/quiz/types/choice';
import type { OutlineQuestion } from '~/quiz/types/define';
import { number, numberAnswer } from '~/quiz/types/number';
import { order, orderAnswer } from '~/quiz/types/order';
import { state, statePrompt } from '~/quiz/types/state';

const model = createQuizModel(readSite('.').scenarios);
const keys = readQuizKeys(
  JSON.stringify({
    why: { type: 'choice', options: ['a', 'b', 'c'], correct: ['b'] },
    many: { type: 'choice', options: ['a', 'b', 'c'], correct: ['a', 'c'] },
    'syn-ack': { type: 'number', scenario: 'handshake', segment: 2, field: 'ack' },
    'syn-ack-seq': { type: 'number', scenario: 'handshake', segment: 2, field: 'seq' },
    'last-ack': { type: 'number', scenario: 'handshake', segment: 3, field: 'ack' },
    'fin-ack': { type: 'number', scenario: 'active-close-client', segment: 5, field: 'ack' },
    state: { type: 'state', scenario: 'handshake', step: 5, side: 'client' },
    'few-states': {
      type: 'state',
      scenario: 'handshake',
      step: 6,
      side: 'server',
      options: ['LISTEN', 'SYN_RECEIVED'],
    },
    calls: { type: 'order', from: { scenario: 'handshake', calls: 'server' } },
    close: { type: 'order', from: { scenario: 'active-close-client', segments: true, afterStep: 9 } },
    written: { type: 'order', answer: ['x', 'y', 'z'] },
  }),
  'test.json',
);
const key = <T extends QuizKey['type']>(id: string, type: T) => {
  const k = keys[id]!;
  if (k.type !== type) throw new Error(`${id} is not a ${type} key`);
  return k as Extract<QuizKey, { type: T }>;
};
const question = (tag: string, ids: string[]): OutlineQuestion => ({
  tag,
  id: 'q',
  line: 1,
  explained: false,
  children: ids.map((id, i) => ({ tag: typeOfTag(tag)!.childTag ?? '?', id, line: i + 2 })),
});
const context = { id: 'q', lang: 'en' as const, isns: { client: 5000, server: 9000 } };

describe('the registry', () => {
  it('lists each type once, by key type and by tag', () => {
    expect(QUESTION_TYPES.map((t) => t.type)).toEqual(['choice', 'order', 'number', 'state']);
    for (const t of QUESTION_TYPES) {
      expect(questionType(t.type)).toBe(t);
      expect(typeOfTag(t.tag)).toBe(t);
    }
    expect(questionType('quiz')).toBeUndefined();
    expect(typeOfTag('Option')).toBeUndefined();
    expect(CHILD_TAGS).toEqual(['Option', 'Step']);
    expect([...QUIZ_TAGS].sort()).toEqual(
      ['Choice', 'Order', 'NumberQuestion', 'StateQuestion', 'Option', 'Step', 'Feedback', 'Explanation'].sort(),
    );
    expect(typeOf(keys.why!)).toBe(choice);
    expect(typeOf(keys.calls!)).toBe(order);
  });

  it('says which scenario each key computes from, in one place', () => {
    expect(keyScenario(keys.why!)).toBeUndefined();
    expect(keyScenario(keys.written!)).toBeUndefined();
    expect(keyScenario(keys.calls!)).toBe('handshake');
    expect(keyScenario(keys.close!)).toBe('active-close-client');
    expect(keyScenario(keys['syn-ack']!)).toBe('handshake');
    expect(keyScenario(keys.state!)).toBe('handshake');
  });
});

describe('model-computed answers', () => {
  it('follow the ISNs of every attempt (500 random seeds), and the grader accepts exactly them', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const rand = seeded(seed);
      const isns = { client: randomIsn(rand), server: randomIsn(rand) };
      const synAck = answerOf(keys['syn-ack']!, model, isns);
      // SYN takes one sequence number, and so does FIN (RFC 9293 §3.4).
      expect(synAck).toEqual({ type: 'number', value: isns.client + 1, isns });
      expect(answerOf(keys['syn-ack-seq']!, model, isns)).toMatchObject({ value: isns.server });
      expect(answerOf(keys['last-ack']!, model, isns)).toMatchObject({ value: isns.server + 1 });
      expect(answerOf(keys['fin-ack']!, model, isns)).toMatchObject({ value: isns.client + 2 });
      expect(numberAnswer(key('fin-ack', 'number'), model, isns)).toBe(isns.client + 2);
      if (synAck.type !== 'number') throw new Error('number expected');
      expect(gradeNumber(synAck.value, String(synAck.value), { isns: [isns.client, isns.server] })).toEqual({
        ok: true,
      });
      expect(gradeNumber(synAck.value, String(isns.client), { isns: [isns.client, isns.server] })).toMatchObject({
        ok: false,
        mistake: 'off-by-one',
      });
    }
  });

  it('use the scenario file’s ISNs when none are given', () => {
    expect(answerOf(keys['syn-ack']!, model)).toEqual({
      type: 'number',
      value: 101,
      isns: { client: 100, server: 300 },
    });
  });

  it('give states and orders from the trace, and choices from the key', () => {
    expect(answerOf(keys.state!, model)).toEqual({ type: 'state', state: 'SYN_SENT', options: [...model.states] });
    expect(answerOf(keys['few-states']!, model)).toEqual({
      type: 'state',
      state: 'SYN_RECEIVED',
      options: ['LISTEN', 'SYN_RECEIVED'],
    });
    expect(answerOf(keys.calls!, model)).toEqual({ type: 'order', order: ['socket', 'bind', 'listen', 'accept'] });
    expect(answerOf(keys.close!, model)).toEqual({
      type: 'order',
      order: ['client-fin', 'server-ack', 'server-fin', 'client-ack'],
    });
    expect(orderAnswer(key('written', 'order'), model)).toEqual(['x', 'y', 'z']);
    expect(answerOf(keys.many!, model)).toEqual({ type: 'choice', correct: ['a', 'c'] });
  });

  it('name segments as a lesson writes <Step id>, for every scenario', () => {
    expect(model.segments('handshake').map(segmentId)).toEqual(['client-syn', 'server-syn-ack', 'client-ack']);
    expect(segmentId({ from: 'client', flags: ['FIN', 'ACK'] })).toBe('client-fin');
    expect(segmentId({ from: 'server', flags: ['RST', 'ACK'] })).toBe('server-rst');
    // Segment ids are what a lesson writes as <Step id>, so every scenario's must pass the prop check.
    const files = readdirSync('content/scenarios');
    expect(files.length).toBeGreaterThan(0);
    for (const file of files)
      for (const id of model.segments(file.replace(/\.json$/, '')).map(segmentId))
        expect(requireId('Step', 'id', id)).toBe(id);
  });
});

describe('checks of a key and of a lesson’s items', () => {
  it('choice: the lesson’s options are the key’s', () => {
    const k = key('why', 'choice');
    expect(choice.checkChildren(question('Choice', ['a', 'b', 'c']), k, model)).toEqual([]);
    expect(choice.checkChildren(question('Choice', ['a', 'b', 'b', 'c']), k, model)).toContain(
      'two <Option>s have id "b"',
    );
    expect(choice.checkChildren(question('Choice', ['a', 'c', 'd']), k, model)).toEqual([
      'the key lists options [b] but the lesson has no <Option id=…> for it',
      'the lesson has <Option> [d] that are not expected (expected: a, b, c)',
    ]);
  });

  it('order: the lesson’s steps are what the key or the model orders, each once', () => {
    expect(
      order.checkChildren(question('Order', ['accept', 'listen', 'bind', 'socket']), key('calls', 'order'), model),
    ).toEqual([]);
    expect(order.checkChildren(question('Order', ['x', 'y']), key('written', 'order'), model)).toEqual([
      'the key orders [z] but the lesson has no <Step id=…> for it',
    ]);
    // A client that retransmits its SYN sends "client-syn" twice: not an ordering question.
    const repeated = readQuizKeys(
      JSON.stringify({ r: { type: 'order', from: { scenario: 'lost-syn', segments: true } } }),
      'k.json',
    ).r as Extract<QuizKey, { type: 'order' }>;
    const right = orderAnswer(repeated, model);
    expect(new Set(right).size).toBeLessThan(right.length);
    expect(order.checkChildren(question('Order', [...new Set(right)]), repeated, model)[0]).toMatch(
      /^the model's order \[.*\] repeats an item; an ordering question needs distinct steps$/,
    );
  });

  it('number: the key’s expect agrees with the model', () => {
    expect(number.checkKey({ ...key('syn-ack', 'number'), expect: 101 }, model)).toEqual([]);
    expect(number.checkKey({ ...key('syn-ack', 'number'), expect: 100 }, model)).toEqual([
      'the key expects 100, but the model says segment 2 of scenario "handshake" has ack = 101 (ISNs: client 100, server 300)',
    ]);
    expect(number.checkChildren(question('NumberQuestion', []), key('syn-ack', 'number'), model)).toEqual([]);
  });

  it('state: the step exists, the options are states and hold the answer, and expect agrees', () => {
    expect(state.checkKey(key('few-states', 'state'), model)).toEqual([]);
    expect(state.checkKey({ ...key('state', 'state'), step: 10 }, model)).toEqual([
      '"step" is 10 but scenario "handshake" has 9 steps',
    ]);
    expect(state.checkKey({ ...key('few-states', 'state'), options: ['LISTEN', 'SYN_RCVD'] }, model)).toEqual([
      `"options" has SYN_RCVD, which the model does not know; states are ${model.states.join(', ')}`,
      'the model says the server is in SYN_RECEIVED after step 6 of "handshake", which is not among "options" (LISTEN, SYN_RCVD)',
    ]);
    expect(state.checkKey({ ...key('state', 'state'), expect: 'LISTEN' }, model)).toEqual([
      'the key expects LISTEN, but the model says the client is in SYN_SENT after step 5 of scenario "handshake"',
    ]);
  });
});

describe('a question’s paper body', () => {
  const parts = {
    prompt: '<p>Which?</p>',
    items: [
      { id: 'a', html: 'A', feedback: 'No.' },
      { id: 'b', html: '<em>B</em>' },
      { id: 'c', html: 'C' },
    ],
  };

  it('choice: the options in the author’s order, marked right or wrong, with their feedback', () => {
    expect(choice.sheet(parts, key('why', 'choice'), model, context)).toEqual({
      prompt: '<p>Which?</p>',
      options: [
        { id: 'a', html: 'A', feedback: 'No.', correct: false },
        { id: 'b', html: '<em>B</em>', correct: true },
        { id: 'c', html: 'C', correct: false },
      ],
      multiple: false,
    });
    expect(choice.sheet(parts, key('many', 'choice'), model, context).multiple).toBe(true);
  });

  it('order: the steps in the right order, with the lesson’s text for each', () => {
    const steps = ['accept', 'socket', 'listen', 'bind'].map((id) => ({ id, html: `<code>${id}()</code>` }));
    expect(order.sheet({ prompt: '<p>Order.</p>', items: steps }, key('calls', 'order'), model, context)).toEqual({
      prompt: '<p>Order.</p>',
      order: ['socket', 'bind', 'listen', 'accept'].map((id) => ({ id, html: `<code>${id}()</code>` })),
    });
  });

  it('number: the printed ISNs and the answer for them', () => {
    expect(number.sheet({ prompt: '<p>Ack?</p>', items: [] }, key('syn-ack', 'number'), model, context)).toEqual({
      prompt: '<p>Ack?</p>',
      number: { isns: { client: 5000, server: 9000 }, value: 5001 },
    });
  });

  it('state: every state as an option, the model’s marked right, and a prompt when the author wrote none', () => {
    const body = state.sheet({ prompt: '', items: [] }, key('state', 'state'), model, context);
    expect(body.prompt).toBe(statePrompt(key('state', 'state'), 'en'));
    expect(body.prompt).toMatch(/^<p>.*5.*<\/p>$/);
    expect(statePrompt(key('state', 'state'), 'zh')).not.toBe(body.prompt);
    expect(body.options!.map((o) => o.id)).toEqual([...model.states]);
    expect(body.options!.filter((o) => o.correct).map((o) => o.id)).toEqual(['SYN_SENT']);
    expect(state.sheet({ prompt: '<p>Mine.</p>', items: [] }, key('few-states', 'state'), model, context)).toEqual({
      prompt: '<p>Mine.</p>',
      options: [
        { id: 'LISTEN', html: 'LISTEN', correct: false },
        { id: 'SYN_RECEIVED', html: 'SYN_RECEIVED', correct: true },
      ],
    });
  });
});
