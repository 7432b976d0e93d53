/**
 * A lesson's questions as a worksheet with its answer key: the localized text (MDX source, as the
 * author wrote it) joined with the answers, model-computed ones included (for the scenario's own
 * ISNs). For a teacher's "worksheet + answer key" page. Pure given its inputs.
 */
import { t, type Lang } from '~/i18n';
import { answerOf, type Answer, type QuizModel } from './answers';
import type { QuizKeys } from './keys';
import { scanQuizzes } from './scan';

/** One question of a worksheet. Texts are MDX/Markdown source in the lesson's language. */
export interface WorksheetQuestion {
  id: string;
  type: 'choice' | 'order' | 'number' | 'state';
  /** Where the question is written, e.g. "content/lessons/en/02-three-way-handshake.mdx:120". */
  source: string;
  prompt: string;
  /** Choice and state questions: every option, marked correct or not. */
  options?: { id: string; text: string; feedback?: string; correct: boolean }[];
  /** Ordering questions: the steps in the right order. */
  steps?: { id: string; text: string }[];
  /** Number questions: the ISNs the answer is computed for. */
  isns?: { client: number; server: number };
  answer: Answer;
  explanation?: string;
}

/** Builds the worksheet of one lesson file. Throws when a question has no key (the build check says more). Pure. */
export function worksheetOf(
  lesson: { file: string; lang: Lang; source: string },
  keys: QuizKeys,
  model: QuizModel,
): WorksheetQuestion[] {
  return scanQuizzes(lesson.source).questions.map((q) => {
    const key = keys[q.id];
    if (!key) throw new Error(`${lesson.file}:${q.line}: question "${q.id}" has no answer key`);
    const answer = answerOf(key, model);
    const byId = new Map(q.children.map((c) => [c.id, c]));
    const out: WorksheetQuestion = {
      id: q.id,
      type: key.type,
      source: `${lesson.file}:${q.line}`,
      prompt: q.prompt,
      answer,
    };
    if (q.explanation) out.explanation = q.explanation;
    if (answer.type === 'choice') {
      out.options = q.children.map((c) => ({
        id: c.id,
        text: c.text,
        ...(c.feedback ? { feedback: c.feedback } : {}),
        correct: answer.correct.includes(c.id),
      }));
    } else if (answer.type === 'state') {
      if (!out.prompt && key.type === 'state')
        out.prompt = t(lesson.lang, 'quiz.state.prompt', {
          step: key.step,
          side: t(lesson.lang, `quiz.side.${key.side}`),
        });
      out.options = answer.options.map((s) => ({ id: s, text: s, correct: s === answer.state }));
    } else if (answer.type === 'order') {
      out.steps = answer.order.map((id) => ({ id, text: byId.get(id)?.text ?? id }));
    } else {
      out.isns = answer.isns;
    }
    return out;
  });
}
