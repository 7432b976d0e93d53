/** Grading of every question type. Pure functions: an answer in, a verdict out. */

/** How one option of a choice question fared. */
export interface OptionVerdict {
  id: string;
  chosen: boolean;
  correct: boolean;
}

/** The result of a choice question: right only if exactly the correct options are chosen. Pure. */
export function gradeChoice(
  options: readonly string[],
  correct: readonly string[],
  chosen: readonly string[],
): { ok: boolean; options: OptionVerdict[] } {
  const right = new Set(correct);
  const picked = new Set(chosen);
  const verdicts = options.map((id) => ({ id, chosen: picked.has(id), correct: right.has(id) }));
  const ok = picked.size > 0 && verdicts.every((v) => v.chosen === v.correct);
  return { ok, options: verdicts };
}

/** The result of an ordering question, with whether each position holds the right item. Pure. */
export function gradeOrder(answer: readonly string[], given: readonly string[]): { ok: boolean; positions: boolean[] } {
  const positions = answer.map((id, i) => given[i] === id);
  return { ok: given.length === answer.length && positions.every(Boolean), positions };
}

/**
 * Why a number answer was wrong, when a useful reason can be told:
 * `empty` nothing typed; `nan` not a whole number; `off-by-one` one away (SYN and FIN each take
 * one sequence number); `mixed` close to an ISN but not the answer's, so probably the other
 * side's counter; `wrong` anything else.
 */
export type NumberMistake = 'empty' | 'nan' | 'off-by-one' | 'mixed' | 'wrong';

/**
 * The whole number a reader typed (spaces, commas and underscores between digits allowed), or why it
 * is none: the part of grading that needs no expected value. Pure.
 */
export function readNumber(typed: string): number | 'empty' | 'nan' {
  const text = typed.trim().replace(/[\s,_]/g, '');
  if (text === '') return 'empty';
  if (!/^\d+$/.test(text)) return 'nan';
  return Number(text);
}

/**
 * Grades a typed sequence or acknowledgement number against the model's value. `related` holds
 * numbers the reader may confuse with the answer (the ISNs). Pure.
 */
export function gradeNumber(
  expected: number,
  typed: string,
  related: { isns?: readonly number[] } = {},
): { ok: true } | { ok: false; mistake: NumberMistake; value?: number } {
  const value = readNumber(typed);
  if (typeof value === 'string') return { ok: false, mistake: value };
  if (value === expected) return { ok: true };
  if (Math.abs(value - expected) === 1) return { ok: false, mistake: 'off-by-one', value };
  const isns = related.isns ?? [];
  if (isns.some((isn) => Math.abs(value - isn) <= 2)) return { ok: false, mistake: 'mixed', value };
  return { ok: false, mistake: 'wrong', value };
}

/** Grades a predicted state against the model's. Pure. */
export function gradeState(expected: string, chosen: string | undefined): { ok: boolean } {
  return { ok: chosen === expected };
}
