/**
 * Saving the challenges a run completes, in every simulator (a lesson's too): they go into quiz progress
 * (`sim` in src/quiz/progress.ts), which the lesson list counts; the simulator page's list is marked as
 * well. Browser only.
 */
import type { Trace } from '~/tcp/browser';
import { loadProgress, recordChallenge } from '~/quiz/progress';
import { updateProgress } from '~/quiz/client/store';
import { CHALLENGES, completed, type ChallengeId } from './challenges';

/**
 * Saves the challenges `trace` completes for the first time and marks every `[data-challenge]` item in
 * `root` (the simulator page has them) done or not, `label` giving the word for each. Returns the ids
 * completed just now.
 */
export function checkChallenges(root: HTMLElement, trace: Trace, label: (done: boolean) => string): ChallengeId[] {
  const done = completed(trace);
  const saved = loadProgress().sim;
  const fresh = done.filter((id) => !saved.includes(id));
  if (fresh.length > 0) updateProgress((p) => fresh.reduce(recordChallenge, p));
  const all = new Set<string>([...saved, ...done]);
  for (const c of CHALLENGES) {
    const li = root.querySelector<HTMLElement>(`[data-challenge="${c.id}"]`);
    if (!li) continue;
    li.toggleAttribute('data-done', all.has(c.id));
    li.querySelector('[data-challenge-state]')!.textContent = label(all.has(c.id));
  }
  return fresh;
}
