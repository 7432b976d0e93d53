/**
 * Marks finished lessons in the lesson list (LessonNav's `.lesson-done` spans) from saved quiz
 * progress, on every page, and again whenever progress changes. Tiny and eager. Browser only.
 */
import { isLessonDone, loadProgress } from '~/quiz/progress';
import { PROGRESS_EVENT } from './store';

function mark(): void {
  const progress = loadProgress();
  document.querySelectorAll<HTMLElement>('li[data-lesson]').forEach((li) => {
    const span = li.querySelector<HTMLElement>('.lesson-done');
    if (!span) return;
    const done = isLessonDone(progress, li.dataset.lesson!);
    span.textContent = done ? `✓ ${span.dataset.doneLabel ?? ''}` : '';
  });
}

mark();
document.addEventListener(PROGRESS_EVENT, mark);
// Another tab may finish a lesson; storage events keep this page's list current.
addEventListener('storage', mark);
