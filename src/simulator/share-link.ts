/**
 * Shared runs in the simulator (the format is ./share.ts): the "share this run" box, the run's link on the
 * simulator page shown selected and copied where the browser allows; and what a link opens. Loaded when
 * the reader shares, and at once on the simulator page. Browser only.
 */
import type { UiKey } from '~/i18n';
import { decodeRun, encodeRun } from './share';
import type { Isns, Move } from './run';

/** Puts the link to the run (the page at `base`, the run in its fragment) into `box`, shows and selects it, and copies it. */
export function showShareLink(box: HTMLElement, base: string, isn: Isns, moves: readonly Move[]): void {
  const url = new URL(base, location.href);
  url.hash = encodeRun(isn, moves);
  const input = box.querySelector('input')!;
  input.value = url.href;
  box.hidden = false;
  input.select();
  void navigator.clipboard?.writeText(url.href).catch(() => {
    // Without clipboard access the link stays selected in the box for the reader to copy.
  });
}

/**
 * What opening the simulator page with `hash` does: the run to replay (none: a fresh game) and the
 * sentence to say, in the words `l` gives: how many moves were replayed, or why the fragment was refused.
 * A page without a run in its fragment says nothing.
 */
export function openFragment(
  hash: string,
  l: (key: UiKey, vars?: Record<string, string | number>) => string,
): { isn?: Isns; moves: Move[]; line?: [string, 'error'?] } {
  const decoded = decodeRun(hash);
  if (decoded?.ok) return { ...decoded, line: [l('sim.share.loaded', { n: decoded.moves.length })] };
  return {
    moves: [],
    ...(decoded && { line: [l('sim.share.bad', { why: l(`sim.share.bad.${decoded.reason}`) }), 'error'] }),
  };
}
