/**
 * The translated labels of the quiz islands (the questions and the score panel). A lesson has many questions
 * and they all say the same words, so the page carries these once, in a JSON script with the id
 * QUIZ_LABELS_ID that the lesson layout writes (QuizLabels.astro), and every island reads it with
 * readPageLabels (src/i18n/fill.ts) instead of carrying its own copy.
 */
import type { UiKey } from '~/i18n';

/** The id of the page's quiz labels script. */
export const QUIZ_LABELS_ID = 'quiz-labels';

/** Every label a quiz island's script reads (src/quiz/client, src/quiz/types/<type>/client.ts). */
export const QUIZ_LABELS = [
  // Every question (client/base.ts).
  'quiz.check',
  'quiz.retry',
  'quiz.correct',
  'quiz.incorrect',
  'quiz.savedRight',
  'quiz.savedWrong',
  // Choice and state questions.
  'quiz.pickFirst',
  'quiz.yourRight',
  'quiz.yourWrong',
  'quiz.rightOption',
  // Ordering.
  'quiz.order.up',
  'quiz.order.down',
  'quiz.order.moved',
  'quiz.order.rightPlace',
  'quiz.order.wrongPlace',
  // Numbers.
  'quiz.answer',
  'quiz.number.isns',
  'quiz.number.empty',
  'quiz.number.nan',
  'quiz.number.offByOne',
  'quiz.number.mixed',
  'quiz.number.wrong',
  'quiz.number.answerIs',
  'quiz.number.failed',
  // The score panel (client/summary.ts).
  'quiz.summary.score',
  'quiz.summary.none',
  'quiz.summary.done',
  'quiz.summary.wasReset',
] as const satisfies readonly UiKey[];
