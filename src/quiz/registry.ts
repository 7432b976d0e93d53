/**
 * The question types. Adding one: a folder src/quiz/types/<kind>/ (index.ts with its definition,
 * Question.astro for the lesson, Sheet.astro for paper, its browser island) and one line here; see
 * src/quiz/README.md. Everything else (the key schema of content/quizzes/*.json, the lesson outline,
 * the build check, the MDX components, worksheets) iterates this list. Pure.
 */
import { z } from 'astro/zod';
import { choice } from './types/choice';
import { number } from './types/number';
import { order } from './types/order';
import { state } from './types/state';

export const QUESTION_TYPES = [choice, order, number, state] as const;

/** Any parsed answer key. */
export type QuizKey = z.output<(typeof QUESTION_TYPES)[number]['keySchema']>;

/** One lesson's keys, by question id. */
export type QuizKeys = Record<string, QuizKey>;

/** A key type name: "choice", "order", … */
export type QuizKeyType = QuizKey['type'];

/** The type of a key or of a tag, or undefined. */
export function questionType(type: string) {
  return QUESTION_TYPES.find((t) => t.type === type);
}

/** The type whose MDX tag is `tag` ("Choice"), or undefined. */
export function typeOfTag(tag: string) {
  return QUESTION_TYPES.find((t) => t.tag === tag);
}

/** The child tags that hold items ("Option", "Step"). */
export const CHILD_TAGS: readonly string[] = QUESTION_TYPES.flatMap((t) => (t.childTag ? [t.childTag] : []));

/** Every tag that belongs to questions: question tags, child tags, Feedback and Explanation. */
export const QUIZ_TAGS: readonly string[] = [
  ...QUESTION_TYPES.map((t) => t.tag),
  ...CHILD_TAGS,
  'Feedback',
  'Explanation',
];

/** The definition of a key's type, typed loosely, for code that handles every type alike. */
export function typeOf(key: QuizKey) {
  return questionType(key.type) as unknown as import('./types/define').QuestionType<QuizKey>;
}

/** The scenario a key computes its answer from, if any (the one place that decides it). Pure. */
export function keyScenario(key: QuizKey): string | undefined {
  return typeOf(key).scenarioOf(key);
}

/** The answer of any key, asking the model where it can. Pure given the model. */
export function answerOf(key: QuizKey, model: import('./answers').QuizModel, isns?: import('./answers').Isns) {
  return typeOf(key).answer(key, model, isns);
}
