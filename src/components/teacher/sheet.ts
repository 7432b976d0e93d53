/**
 * A lesson's questions laid out for paper: the worksheet a class fills in and the answer key the
 * teacher marks it with. Built on the worksheet data of `~/quiz` (localized text, model-computed
 * answers); what paper adds is fixed here so the sheet and its key always agree:
 *
 * - options get letters (A, B, C…) in the order the author wrote them, so the key can say "B";
 * - ordering questions print their steps in the same fixed scramble as the lesson page, and the key
 *   gives the number each printed step should get;
 * - number questions print one instance with ISNs drawn from a seed (the question id), readable but
 *   not the scenario's round 100 and 300, and the model computes the key for exactly those ISNs.
 */
import { LANGS, type Lang } from '~/i18n';
import { answerOf, type Isns, type QuizModel } from '~/quiz/answers';
import { parseQuizKeys, type QuizKeys } from '~/quiz/keys';
import { hashString, randomIsn, scramble, seeded } from '~/quiz/random';
import { getQuizzes, keyData, siteModel } from '~/quiz/site';
import type { WorksheetQuestion } from '~/quiz/worksheet';

/** An option of a choice or state question, as printed. */
export interface SheetOption {
  id: string;
  /** "A", "B", …: the option's place in the printed list. */
  letter: string;
  /** Markdown source. */
  text: string;
  feedback?: string;
  correct: boolean;
}

/** A step of an ordering question, in the printed (scrambled) order. */
export interface SheetStep {
  id: string;
  text: string;
  /** The number a student should write next to it: its place in the right order, from 1. */
  position: number;
}

/**
 * One question on paper. Example (a number question):
 *
 *   { "n": 4, "id": "hs-ack-of-synack", "type": "number", "prompt": "What acknowledgement number…",
 *     "scenario": "handshake", "number": { "isns": { "client": 23817, "server": 60412 }, "value": 23818 } }
 */
export interface SheetQuestion {
  /** The question's number on the sheet, from 1. */
  n: number;
  id: string;
  type: WorksheetQuestion['type'];
  /** Where the question is written ("content/lessons/en/02-three-way-handshake.mdx:112"). */
  source: string;
  /** Markdown source. */
  prompt: string;
  explanation?: string;
  /** The scenario the model computed the answer from; absent for answers written in the key file. */
  scenario?: string;
  /** Choice and state questions. */
  options?: SheetOption[];
  /** Choice questions with more than one right option (and so checkboxes on screen). */
  multiple?: boolean;
  /** Ordering questions: the steps as printed. */
  steps?: SheetStep[];
  /** Ordering questions: the steps in the right order. */
  order?: { id: string; text: string }[];
  /** Number questions: the printed instance and its answer. */
  number?: { isns: Isns; value: number };
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

/** The scenario a key reads its answer from, if the model computes it. Pure. */
function scenarioOf(keys: QuizKeys, id: string): string | undefined {
  const key = keys[id];
  if (!key || key.type === 'choice') return undefined;
  if (key.type === 'order') return 'scenario' in key.source ? key.source.scenario : undefined;
  return key.scenario;
}

/**
 * Lays out a lesson's worksheet questions for paper. Throws, naming the question's source line,
 * when a number question has no number key (the build's quiz check reports this first). Pure given
 * its inputs.
 */
export function sheetOf(questions: readonly WorksheetQuestion[], keys: QuizKeys, model: QuizModel): SheetQuestion[] {
  return questions.map((q, i) => {
    const out: SheetQuestion = { n: i + 1, id: q.id, type: q.type, source: q.source, prompt: q.prompt };
    if (q.explanation) out.explanation = q.explanation;
    const scenario = scenarioOf(keys, q.id);
    if (scenario) out.scenario = scenario;
    if (q.options) {
      out.options = q.options.map((o, k) => ({ ...o, letter: optionLetter(k) }));
      const key = keys[q.id];
      if (q.type === 'choice')
        out.multiple = (key?.type === 'choice' && key.multiple) || out.options.filter((o) => o.correct).length > 1;
    }
    if (q.steps) {
      const right = q.steps.map((s) => s.id);
      // The Order component's scramble, so paper and page start from the same order.
      const shown = scramble(right, seeded(hashString(q.id)));
      const byId = new Map(q.steps.map((s) => [s.id, s]));
      out.steps = shown.map((id) => ({ id, text: byId.get(id)!.text, position: right.indexOf(id) + 1 }));
      out.order = q.steps.map((s) => ({ id: s.id, text: s.text }));
    }
    if (q.type === 'number') {
      const key = keys[q.id];
      if (key?.type !== 'number') throw new Error(`${q.source}: number question "${q.id}" has no number key`);
      const isns = worksheetIsns(q.id);
      const answer = answerOf(key, model, isns);
      if (answer.type !== 'number') throw new Error(`${q.source}: "${q.id}" did not compute a number`);
      out.number = { isns, value: answer.value };
    }
    return out;
  });
}

/**
 * The printable sheet of one lesson in one language, from the site's lessons, keys and scenarios
 * (empty when the lesson has no questions). Reads the content folders through ~/quiz/site.
 */
export function teacherSheet(lang: Lang, slug: string): SheetQuestion[] {
  const questions = getQuizzes(lang, slug);
  const keys = keyData(slug);
  if (questions.length === 0 || !keys) return [];
  return sheetOf(questions, parseQuizKeys(keys.data, keys.file), siteModel);
}

/** True when the lesson has questions in every language, so it gets a teacher page. */
export function hasSheet(slug: string): boolean {
  return LANGS.every((lang) => getQuizzes(lang, slug).length > 0);
}
