/**
 * Where a diagram's SVG comes from:
 * - 'cache': diagram-cache/ (or this run's memory) has it;
 * - 'browser': the build's headless Chromium renders it, and it is cached;
 * - 'reader': a dev server without Chromium leaves it to the reader's browser (never in a release);
 * - 'fail': a release build without Chromium stops, saying how to get one.
 */
export type DiagramRoute = 'cache' | 'browser' | 'reader' | 'fail';

/** What decides a diagram's route. */
export interface RouteInput {
  /** 'dev' for `astro dev`, 'build' for `astro build` (and anything else). */
  mode: 'dev' | 'build';
  /** Whether the cache holds this diagram. */
  cached: boolean;
  /** Whether a Chromium binary was found. */
  browser: boolean;
}

/** The route of one diagram. Pure. */
export function diagramRoute({ mode, cached, browser }: RouteInput): DiagramRoute {
  if (cached) return 'cache';
  if (browser) return 'browser';
  return mode === 'dev' ? 'reader' : 'fail';
}
