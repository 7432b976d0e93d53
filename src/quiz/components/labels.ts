/** Translated labels the question islands share; each component adds its own (see labelsFor in src/i18n/labels.ts). */
import type { UiKey } from '~/i18n';

/** Labels every question island uses. */
export const COMMON_LABELS = [
  'quiz.correct',
  'quiz.incorrect',
  'quiz.savedRight',
  'quiz.savedWrong',
] as const satisfies readonly UiKey[];
