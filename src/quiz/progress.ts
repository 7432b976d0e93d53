/**
 * Quiz progress as saved in localStorage under `hello-tcp:quiz`. Keyed by question id, which both
 * languages share, so switching language keeps progress. The stored JSON looks like:
 *
 *   {
 *     "v": 1,
 *     "q": { "hs-why-three": { "l": "three-way-handshake", "ok": true, "n": 2 } },
 *     "lessons": { "three-way-handshake": ["hs-why-three", "hs-server-calls"] },
 *     "sim": ["close-wait", "refused"]
 *   }
 *
 * `q[id].ok` is the latest result, `n` the number of attempts; `lessons[slug]` lists the lesson's
 * questions (written when its page loads), so the lesson list can tell a finished lesson on any page.
 * `sim` lists the simulator challenges completed (src/simulator/challenges.ts); it came later, so data
 * without it still loads (as none completed) and it did not need a new version.
 * Anything that does not match this shape, or carries another `v`, is dropped, never trusted.
 */

/** The version of the stored shape; bump it when the shape changes and old data will be ignored. */
export const PROGRESS_VERSION = 1;
/** The localStorage key. */
export const PROGRESS_KEY = 'hello-tcp:quiz';

/** One question's saved result. */
export interface QuestionProgress {
  /** Lesson slug. */
  l: string;
  ok: boolean;
  /** Attempts so far. */
  n: number;
}

/** Everything saved. */
export interface Progress {
  v: typeof PROGRESS_VERSION;
  q: Record<string, QuestionProgress>;
  lessons: Record<string, string[]>;
  /** Simulator challenges completed, by id, in the order they were completed. */
  sim: string[];
}

/** An empty store. Pure. */
export function emptyProgress(): Progress {
  return { v: PROGRESS_VERSION, q: {}, lessons: {}, sim: [] };
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Reads stored JSON. Corrupt JSON, another version or a wrong shape give an empty store; single bad
 * entries are dropped and the good ones kept. Pure; never throws.
 */
export function parseProgress(raw: string | null | undefined): Progress {
  const progress = emptyProgress();
  if (!raw) return progress;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return progress;
  }
  if (!isRecord(data) || data.v !== PROGRESS_VERSION) return progress;
  if (isRecord(data.q)) {
    for (const [id, entry] of Object.entries(data.q)) {
      if (
        isRecord(entry) &&
        typeof entry.l === 'string' &&
        typeof entry.ok === 'boolean' &&
        typeof entry.n === 'number' &&
        Number.isInteger(entry.n) &&
        entry.n >= 0
      ) {
        progress.q[id] = { l: entry.l, ok: entry.ok, n: entry.n };
      }
    }
  }
  if (isRecord(data.lessons)) {
    for (const [slug, ids] of Object.entries(data.lessons)) {
      if (Array.isArray(ids) && ids.every((id) => typeof id === 'string')) progress.lessons[slug] = [...ids];
    }
  }
  if (Array.isArray(data.sim))
    for (const id of data.sim) if (typeof id === 'string' && !progress.sim.includes(id)) progress.sim.push(id);
  return progress;
}

/** Records a completed simulator challenge (once). Pure: returns a new store. */
export function recordChallenge(progress: Progress, id: string): Progress {
  return progress.sim.includes(id) ? progress : { ...progress, sim: [...progress.sim, id] };
}

/** Records one graded attempt. Pure: returns a new store. */
export function recordAnswer(progress: Progress, lesson: string, id: string, ok: boolean): Progress {
  const n = (progress.q[id]?.n ?? 0) + 1;
  return { ...progress, q: { ...progress.q, [id]: { l: lesson, ok, n } } };
}

/** Records which questions a lesson has (so "done" can be told without visiting it). Pure. */
export function registerLesson(progress: Progress, lesson: string, ids: readonly string[]): Progress {
  return { ...progress, lessons: { ...progress.lessons, [lesson]: [...ids] } };
}

/** A lesson's score: answered right, answered at all, total, and the ids to retry. Pure. */
export function lessonScore(
  progress: Progress,
  lesson: string,
): {
  correct: number;
  answered: number;
  total: number;
  missed: string[];
} {
  const ids = progress.lessons[lesson] ?? [];
  let correct = 0;
  let answered = 0;
  const missed: string[] = [];
  for (const id of ids) {
    const entry = progress.q[id];
    if (!entry) continue;
    answered += 1;
    if (entry.ok) correct += 1;
    else missed.push(id);
  }
  return { correct, answered, total: ids.length, missed };
}

/** True when every question of the lesson was last answered right. Pure. */
export function isLessonDone(progress: Progress, lesson: string): boolean {
  const { correct, total } = lessonScore(progress, lesson);
  return total > 0 && correct === total;
}

/** Forgets the answers to a lesson's questions (keeps the lesson's question list). Pure. */
export function resetLesson(progress: Progress, lesson: string): Progress {
  const ids = new Set(progress.lessons[lesson] ?? []);
  const q: Record<string, QuestionProgress> = {};
  for (const [id, entry] of Object.entries(progress.q)) if (!ids.has(id) && entry.l !== lesson) q[id] = entry;
  return { ...progress, q };
}

/** Reads the store from localStorage; an unavailable or corrupt store reads as empty. Browser only. */
export function loadProgress(): Progress {
  try {
    return parseProgress(globalThis.localStorage?.getItem(PROGRESS_KEY));
  } catch {
    return emptyProgress();
  }
}

/** Writes the store; a full or blocked storage is ignored (progress is a convenience). Browser only. */
export function saveProgress(progress: Progress): void {
  try {
    globalThis.localStorage?.setItem(PROGRESS_KEY, JSON.stringify(progress));
  } catch {
    // Private mode or a full quota: the reader keeps working without saved progress.
  }
}
