import { findChromium, MermaidBrowser } from './chromium';
import { MERMAID_CONFIG } from './options';

/**
 * What one build (or dev session) shares between the Markdown plugin, the ScenarioDiagram
 * component and the integration that closes the browser. Astro loads the config and the pages
 * as separate module graphs, so the one copy lives on globalThis.
 *
 * ```json
 * { "mode": "build", "base": "/", "stats": { "cached": { "count": 3, "ms": 4.1 }, "uncached": { "count": 1, "ms": 212 } } }
 * ```
 */
export interface DiagramSession {
  /** 'dev' falls back to rendering in the reader's browser on a cache miss without Chromium; 'build' fails. */
  mode: 'dev' | 'build';
  /** The site's base path, for the dev-only fallback script's URL. */
  base: string;
  stats: DiagramStats;
  /** Cache keys used in this run, to tell which cache files nobody uses any more. */
  usedKeys: Set<string>;
  /** The warm browser, started on the first cache miss. */
  browser?: Promise<MermaidBrowser | undefined>;
  /** Whether "no browser, falling back" has been said (it is said once). */
  warnedNoBrowser: boolean;
  /** Overrides findChromium() (tests use it to simulate a machine without a browser). */
  chromiumPath?: string | null;
}

/** Counts and total milliseconds of cached and uncached renders, plus the browser start. */
export interface DiagramStats {
  cached: { count: number; ms: number };
  uncached: { count: number; ms: number };
  browserStartMs: number;
}

const KEY = Symbol.for('hello-tcp.diagrams.session');

/** Fresh, empty statistics. Pure. */
export function emptyStats(): DiagramStats {
  return { cached: { count: 0, ms: 0 }, uncached: { count: 0, ms: 0 }, browserStartMs: 0 };
}

/** The process-wide diagram session, created on first use in 'build' mode. */
export function session(): DiagramSession {
  const g = globalThis as Record<symbol, DiagramSession | undefined>;
  g[KEY] ??= { mode: 'build', base: '/', stats: emptyStats(), usedKeys: new Set(), warnedNoBrowser: false };
  return g[KEY];
}

/**
 * The warm Mermaid browser, launched on first call; undefined when this machine has no Chromium.
 * A browser that exists but fails to start is an error, not a silent fallback.
 */
export function browser(): Promise<MermaidBrowser | undefined> {
  const s = session();
  s.browser ??= (async () => {
    const path = s.chromiumPath === undefined ? findChromium() : (s.chromiumPath ?? undefined);
    if (!path) return undefined;
    const started = performance.now();
    const b = await MermaidBrowser.launch(path, MERMAID_CONFIG);
    s.stats.browserStartMs += performance.now() - started;
    return b;
  })();
  return s.browser;
}

/** Closes the browser if one was started; the next cache miss starts a new one. */
export async function closeBrowser(): Promise<void> {
  const s = session();
  const pending = s.browser;
  s.browser = undefined;
  const b = await pending?.catch(() => undefined);
  await b?.close();
}
