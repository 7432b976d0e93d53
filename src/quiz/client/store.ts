/**
 * The browser side of quiz progress: load, change and save the store, and tell the page
 * (`quiz:progress` on document) so the score and the lesson list update. Browser only.
 */
import { loadProgress, saveProgress, type Progress } from '~/quiz/progress';

/** The event sent on document after every change to saved progress. */
export const PROGRESS_EVENT = 'quiz:progress';

/** Applies a pure change to the saved store and announces it. */
export function updateProgress(change: (p: Progress) => Progress): Progress {
  const next = change(loadProgress());
  saveProgress(next);
  document.dispatchEvent(new CustomEvent(PROGRESS_EVENT));
  return next;
}
