/**
 * Marks finished lessons in the lesson list (LessonNav's `.lesson-done` spans) and counts the simulator
 * challenges completed (`[data-sim-progress]`) from saved quiz progress, on every page, and again
 * whenever progress changes. Tiny and eager. Browser only.
 */
import { isLessonDone, loadProgress } from '~/quiz/progress';
import { fill } from '~/i18n/fill';
import { PROGRESS_EVENT } from './store';

function mark(): void {
  const progress = loadProgress();
  document.querySelectorAll<HTMLElement>('li[data-lesson]').forEach((li) => {
    const span = li.querySelector<HTMLElement>('.lesson-done');
    if (!span) return;
    const done = isLessonDone(progress, li.dataset.lesson!);
    span.textContent = done ? `✓ ${span.dataset.doneLabel ?? ''}` : '';
  });
  document.querySelectorAll<HTMLElement>('[data-sim-progress]').forEach((span) => {
    const ids = (span.dataset.simIds ?? '').split(' ');
    const done = ids.filter((id) => progress.sim.includes(id)).length;
    span.textContent = done ? fill(span.dataset.simProgress ?? '', { done, total: ids.length }) : '';
  });
}

mark();
document.addEventListener(PROGRESS_EVENT, mark);
// Another tab may finish a lesson; storage events keep this page's list current.
addEventListener('storage', mark);
