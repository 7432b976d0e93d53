import type { ParseResult, Progress } from './types';

/**
 * A parse that can pause: it yields the fraction read so far (0…1) now and then and returns its result.
 * The worker runs one straight through (`drive`); the page, when no worker can start (a page opened from
 * disk), runs one a slice at a time between frames so the tab stays responsive.
 */
export type ParseSteps = Generator<number, ParseResult, void>;

/**
 * Runs `steps` to the end, passing each fraction to `progress`. Never throws: the readers check every
 * length before reading, and this is the last guard, so a page never sees a throw. Pure apart from
 * calling `progress`.
 */
export function drive(steps: ParseSteps, progress?: Progress): ParseResult {
  try {
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
      progress?.(r.value);
    }
  } catch {
    return { ok: false, error: { code: 'corrupt', at: 0 } };
  }
}

/** How many bytes a binary reader reads between two pauses. */
export const STEP_BYTES = 1 << 18;
