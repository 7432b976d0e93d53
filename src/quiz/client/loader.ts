/**
 * The only quiz script a lesson page runs up front (a few hundred bytes): it records which
 * questions the lesson has, then loads each island's code, the TCP model included, when the
 * island comes near the viewport. Browser only.
 */
import { registerLesson } from '~/quiz/progress';
import { updateProgress } from './store';
import { whenNear } from '~/islands/near';
import { lessonOf } from './lesson';

// Each question type's island is src/quiz/types/<kind>/client.ts and defines <quiz-<kind>>.
const typeIslands = import.meta.glob('../types/*/client.ts');
const islands: Record<string, () => Promise<unknown>> = {
  ...Object.fromEntries(Object.entries(typeIslands).map(([path, load]) => [`quiz-${path.split('/').at(-2)}`, load])),
  'quiz-summary': () => import('./summary'),
};

const questions = [...document.querySelectorAll<HTMLElement>('[data-quiz-id]')];
const lesson = questions[0] && lessonOf(questions[0]);
if (lesson)
  updateProgress((p) =>
    registerLesson(
      p,
      lesson,
      questions.map((q) => q.dataset.quizId!),
    ),
  );

const loaded = new Set<string>();
whenNear(document.querySelectorAll(Object.keys(islands).join(',')), ({ localName: tag }) => {
  if (loaded.has(tag)) return;
  loaded.add(tag);
  void islands[tag]!();
});
