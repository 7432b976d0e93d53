/**
 * What paper adds to a question, fixed here so a worksheet and its key always agree:
 *
 * - options get letters (A, B, C…) in the order the author wrote them, so the key can say "B";
 * - ordering questions print their steps in the same fixed scramble as the lesson page, and the key
 *   gives the number each printed step should get;
 * - number questions print one instance with ISNs drawn from a seed (the question id), readable but
 *   not the scenario's round 100 and 300, and the model computes the key for exactly those ISNs.
 *
 * Pure.
 */
import type { Isns } from '~/quiz/answers';
import { hashString, randomIsn, scramble, seeded } from '~/quiz/random';
import type { SheetBody } from '~/quiz/types/define';

/**
 * One question laid out for paper. Example (a number question):
 *
 *   { "id": "hs-ack-of-synack", "type": "number", "prompt": "<p>What acknowledgement number…</p>",
 *     "number": { "isns": { "client": 23817, "server": 60412 }, "value": 23818 } }
 */
export interface SheetQuestion extends Omit<SheetBody, 'options'> {
  id: string;
  type: string;
  explanation?: string;
  /** The scenario the model computed the answer from; absent for answers written in the key file. */
  scenario?: string;
  options?: (NonNullable<SheetBody['options']>[number] & { letter: string })[];
  /** Ordering questions: the steps as printed, each with the number a student should write. */
  steps?: { id: string; html: string; position: number }[];
}

/** "A" for 0, "B" for 1, … "Z", then "AA". Pure. */
export function optionLetter(index: number): string {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  return index < letters.length ? letters[index]! : optionLetter(Math.floor(index / 26) - 1) + letters[index % 26];
}

/** The ISNs a worksheet prints for a number question: fixed per question id, four or five digits. Pure. */
export function worksheetIsns(questionId: string): Isns {
  const rand = seeded(hashString(`worksheet:${questionId}`));
  const client = randomIsn(rand);
  let server = randomIsn(rand);
  // Equal ISNs would hide whether a student mixed up the two sides.
  while (server === client) server = randomIsn(rand);
  return { client, server };
}

/** Lays a question's paper body out: letters for options, the page's scramble for steps. Pure. */
export function layOut(
  body: SheetBody,
  question: { id: string; type: string; explanation?: string | undefined; scenario?: string | undefined },
): SheetQuestion {
  const { options, ...rest } = body;
  const out: SheetQuestion = { ...rest, id: question.id, type: question.type };
  if (question.explanation) out.explanation = question.explanation;
  if (question.scenario) out.scenario = question.scenario;
  if (options) out.options = options.map((o, k) => ({ ...o, letter: optionLetter(k) }));
  if (body.order) {
    const right = body.order.map((s) => s.id);
    // The Order component's scramble, so paper and page start from the same order.
    const shown = scramble(right, seeded(hashString(question.id)));
    const byId = new Map(body.order.map((s) => [s.id, s]));
    out.steps = shown.map((id) => ({ id, html: byId.get(id)!.html, position: right.indexOf(id) + 1 }));
  }
  return out;
}
