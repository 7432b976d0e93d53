/**
 * Put items in order. The right order is written in the key, or computed by the model: the socket
 * calls one side makes in a scenario, or the segments of a scenario in sending order (those sent
 * after step `afterStep` only, to skip a handshake before a close). Key examples:
 *
 *   "sp-steps": { "type": "order", "answer": ["socket", "bind", "listen"] }
 *   "hs-server-calls": { "type": "order", "from": { "scenario": "handshake", "calls": "server" } }
 *   "fc-close-segments": { "type": "order", "from": { "scenario": "active-close-client", "segments": true, "afterStep": 9 } }
 *
 * Segment item ids look like "client-fin", "server-syn-ack" (see segmentId).
 */
import { z } from 'astro/zod';
import { segmentId, type QuizModel } from '../../answers';
import { compareItems, defineQuestionType } from '../define';
import { idList, scenarioId, side } from '../schema';

/** Where an ordering question's right order comes from. */
export type OrderSource =
  | { answer: string[] }
  | { scenario: string; calls: 'client' | 'server' }
  | { scenario: string; segments: true; afterStep?: number };

/** An ordering key. */
export interface OrderKey {
  type: 'order';
  source: OrderSource;
}

const from = z.union(
  [
    z.strictObject({ scenario: scenarioId, calls: side }),
    z.strictObject({
      scenario: scenarioId,
      segments: z.literal(true),
      afterStep: z.number().int().min(0, 'must be a whole number of steps to skip').optional(),
    }),
  ],
  {
    error:
      'must be { "scenario": "<id>", "calls": "client" | "server" } or { "scenario": "<id>", "segments": true, "afterStep"?: n }',
  },
);

const keySchema = z
  .union(
    [
      z.strictObject({ type: z.literal('order'), answer: idList(2) }),
      z.strictObject({ type: z.literal('order'), from }),
    ],
    { error: 'an order key has either "answer": [ids in order] or "from": { "scenario": … }' },
  )
  .transform((key): OrderKey => ({ type: 'order', source: 'answer' in key ? { answer: key.answer } : key.from }));

/** The right order. Pure given the model. */
export function orderAnswer(key: OrderKey, model: QuizModel): string[] {
  const source = key.source;
  if ('answer' in source) return [...source.answer];
  if ('calls' in source) return model.calls(source.scenario, source.calls);
  return model
    .segments(source.scenario)
    .filter((s) => s.step > (source.afterStep ?? 0))
    .map(segmentId);
}

export const order = defineQuestionType<OrderKey>({
  type: 'order',
  tag: 'Order',
  childTag: 'Step',
  keySchema,
  scenarioOf: (key) => ('scenario' in key.source ? key.source.scenario : undefined),
  answer: (key, model) => ({ type: 'order', order: orderAnswer(key, model) }),
  checkKey: () => [],
  checkChildren(q, key, model) {
    const right = orderAnswer(key, model);
    const source = key.source;
    if ('answer' in source) return compareItems(q, 'Step', right, 'the key orders');
    const problems: string[] = [];
    if (new Set(right).size !== right.length)
      problems.push(
        `the model's order [${right.join(', ')}] repeats an item; an ordering question needs distinct steps`,
      );
    const what =
      'calls' in source
        ? `the model says the steps are the ${source.calls}'s calls in "${source.scenario}":`
        : `the model says the steps are the segments of "${source.scenario}":`;
    return [...problems, ...compareItems(q, 'Step', right, what)];
  },
  sheet(parts, key, model) {
    const byId = new Map(parts.items.map((s) => [s.id, s.html]));
    return { prompt: parts.prompt, order: orderAnswer(key, model).map((id) => ({ id, html: byId.get(id) ?? id })) };
  },
});
