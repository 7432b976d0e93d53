/**
 * What a question type is: the MDX tag an author writes, the child tag that holds its answers, the
 * zod schema of its answer key, and how the model answers and checks it. One object per type in
 * src/quiz/types/<kind>/index.ts; src/quiz/registry.ts lists them. Pure: no DOM, no Astro.
 */
import type { z } from 'astro/zod';
import type { Lang } from '~/i18n';
import type { Answer, Isns, QuizModel } from '../answers';
import type { SlotParts } from '../components/slot';

/** A question as the lesson outline reads it from the MDX syntax tree. */
export interface OutlineQuestion {
  /** The component, e.g. "Choice". */
  tag: string;
  id: string;
  /** The `lesson` prop, when given. */
  lesson?: string;
  /** 1-based line of the opening tag. */
  line: number;
  /** The options or steps (<Option id>, <Step id>) in source order. */
  children: { tag: string; id: string; line: number }[];
  /** True when it has an <Explanation>. */
  explained: boolean;
}

/**
 * What a question shows on paper, before the worksheet adds letters and numbers: its prompt, its
 * options marked right or wrong (in the author's order), its steps in the right order, or its number
 * for the printed ISNs. HTML throughout.
 */
export interface SheetBody {
  prompt: string;
  options?: { id: string; html: string; feedback?: string; correct: boolean }[];
  /** Checkboxes rather than one choice. */
  multiple?: boolean;
  order?: { id: string; html: string }[];
  number?: { isns: Isns; value: number };
}

/** What a question type needs to lay itself out on paper. */
export interface SheetContext {
  id: string;
  lang: Lang;
  /** The ISNs the worksheet prints (number questions). */
  isns: Isns;
}

/** A question type. `K` is its parsed key (e.g. ChoiceKey). */
export interface QuestionType<K extends { type: string } = { type: string }> {
  /** The key's "type" in content/quizzes/*.json, e.g. "choice". */
  type: K['type'];
  /** The MDX component, e.g. "Choice". */
  tag: string;
  /** The child component holding each answer item ("Option", "Step"), or null when the model lists them. */
  childTag: string | null;
  /** Validates one key (with its "type") and fills in defaults. Messages say what is expected. */
  keySchema: z.ZodType<K>;
  /** The scenario the model answers from, if any. */
  scenarioOf(key: K): string | undefined;
  /** The answer, computed by the model where it can (for the given ISNs, else the scenario's). */
  answer(key: K, model: QuizModel, isns?: Isns): Answer;
  /** Problems between the key and the model (an `expect` the model disagrees with…), without location. */
  checkKey(key: K, model: QuizModel): string[];
  /** Problems between the question as written in a lesson and its key, without location. */
  checkChildren(question: OutlineQuestion, key: K, model: QuizModel): string[];
  /** The question on paper, from its rendered text (the lesson's own MDX) and its key. */
  sheet(parts: SlotParts, key: K, model: QuizModel, context: SheetContext): SheetBody;
}

/** Helps TypeScript infer K for a type definition. */
export function defineQuestionType<K extends { type: string }>(type: QuestionType<K>): QuestionType<K> {
  return type;
}

/** Question and item ids: lowercase letters, digits and "-". */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/**
 * The usual comparison of a lesson's items with the ids a key or the model expects: ids missing from
 * the lesson and ids the lesson has that are not expected. Pure.
 */
export function compareItems(
  question: OutlineQuestion,
  childTag: string,
  expected: readonly string[],
  source: string,
): string[] {
  const ids = question.children.map((c) => c.id);
  const problems: string[] = [];
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) problems.push(`two <${childTag}>s have id "${dup}"`);
  const missing = expected.filter((id) => !ids.includes(id));
  const extra = ids.filter((id) => !expected.includes(id));
  if (missing.length)
    problems.push(
      `${source} [${missing.join(', ')}] but the lesson has no <${childTag} id=…> for ${missing.length > 1 ? 'them' : 'it'}`,
    );
  if (extra.length)
    problems.push(
      `the lesson has <${childTag}> [${extra.join(', ')}] that are not expected (expected: ${expected.join(', ')})`,
    );
  return problems;
}

/** "takes no children": for types whose items the model lists. */
export function noChildren(question: OutlineQuestion): string[] {
  return question.children.length ? [`<${question.tag}> takes no children; its answer comes from the model`] : [];
}
