import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answerOf, segmentId } from '~/quiz/answers';
import { requireId } from '~/components/quiz/props';
import { gradeNumber } from '~/quiz/grade';
import { parseQuizKeys } from '~/quiz/keys';
import { modelFromScenarios, segmentsWithIsns } from '~/quiz/model';
import { randomIsn, seeded } from '~/quiz/random';
import { createWorld } from '~/tcp';

const dir = 'content/scenarios';
const model = modelFromScenarios(
  Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => [`${dir}/${f}`, JSON.parse(readFileSync(`${dir}/${f}`, 'utf8'))]),
  ),
);
const keys = parseQuizKeys(
  {
    'syn-ack': { type: 'number', scenario: 'handshake', segment: 2, field: 'ack' },
    'syn-ack-seq': { type: 'number', scenario: 'handshake', segment: 2, field: 'seq' },
    'last-ack': { type: 'number', scenario: 'handshake', segment: 3, field: 'ack' },
    'fin-ack': { type: 'number', scenario: 'active-close-client', segment: 5, field: 'ack' },
    state: { type: 'state', scenario: 'handshake', step: 5, side: 'client' },
    calls: { type: 'order', from: { scenario: 'handshake', calls: 'server' } },
  },
  'test.json',
);

describe('model-computed answers', () => {
  it('follow the ISNs of every attempt (500 random seeds), and the grader accepts exactly them', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const rand = seeded(seed);
      const isns = { client: randomIsn(rand), server: randomIsn(rand) };
      const synAck = answerOf(keys['syn-ack']!, model, isns);
      const synAckSeq = answerOf(keys['syn-ack-seq']!, model, isns);
      const lastAck = answerOf(keys['last-ack']!, model, isns);
      const finAck = answerOf(keys['fin-ack']!, model, isns);
      // SYN takes one sequence number, and so does FIN (RFC 9293 §3.4).
      expect(synAck).toEqual({ type: 'number', value: isns.client + 1, isns });
      expect(synAckSeq).toMatchObject({ value: isns.server });
      expect(lastAck).toMatchObject({ value: isns.server + 1 });
      expect(finAck).toMatchObject({ value: isns.client + 2 });
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

  it('match what a world driven call by call sends', () => {
    const isns = { client: 4242, server: 777 };
    const w = createWorld({ isn: isns });
    w.call('server', 'socket');
    w.call('server', 'bind', { port: 80 });
    w.call('server', 'listen');
    w.call('client', 'socket');
    w.call('client', 'connect', { port: 80 });
    w.deliver();
    const synAck = w.inFlight()[0]!;
    expect(segmentsWithIsns(model.scenario('handshake'), isns)[1]).toMatchObject({
      from: 'server',
      seq: synAck.seq,
      ack: synAck.ack,
    });
  });

  it('give states and orders from the trace', () => {
    expect(answerOf(keys.state!, model)).toMatchObject({ state: 'SYN_SENT' });
    expect(answerOf(keys.calls!, model)).toEqual({ type: 'order', order: ['socket', 'bind', 'listen', 'accept'] });
    expect(model.segments('handshake').map(segmentId)).toEqual(['client-syn', 'server-syn-ack', 'client-ack']);
    // Segment ids are what a lesson writes as <Step id>, so every scenario's must pass the prop check.
    for (const file of readdirSync(dir)) {
      for (const id of model.segments(file.replace(/\.json$/, '')).map(segmentId)) {
        expect(requireId('Step', 'id', id)).toBe(id);
      }
    }
    const close = parseQuizKeys(
      { c: { type: 'order', from: { scenario: 'active-close-client', segments: true, afterStep: 9 } } },
      'k.json',
    ).c!;
    expect(answerOf(close, model)).toEqual({
      type: 'order',
      order: ['client-fin', 'server-ack', 'server-fin', 'client-ack'],
    });
  });
});
