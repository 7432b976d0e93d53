import { findChromium, MermaidBrowser } from './chromium';
import { MERMAID_CONFIG } from './options';

/**
 * What one build (or dev session) shares between the Markdown plugin, the ScenarioDiagram
 * component and the integration that closes the browser. Astro loads the config and the pages
 * as separate module graphs, so the one copy lives on globalThis.
 *
 * ```json
 * { "mode": "build", "base": "/", "stats": { "cached": { "count": 3, "ms": 4.1, "maxMs": 2 }, "…": "…" } }
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
  /**
   * Page-ready SVGs of this run by cache folder and key (see memoKey): a diagram compiled twice,
   * or drawn in both a lesson and its copy, is read from disk or rendered once.
   */
  svgs: Map<string, Promise<string>>;
  /** The warm browser, started on the first cache miss. */
  browser?: Promise<MermaidBrowser | undefined>;
  /** Whether "no browser, falling back" has been said (it is said once). */
  warnedNoBrowser: boolean;
  /** Overrides findChromium() (tests use it to simulate a machine without a browser). */
  chromiumPath?: string | null;
  /** Where warnings go: the integration's logger during a build or dev server, console.warn otherwise. */
  warn: (message: string) => void;
}

/** Counts and times of one kind of diagram; times in milliseconds. */
export interface TimedCount {
  count: number;
  ms: number;
  maxMs: number;
}

/**
 * Counts and milliseconds of the diagrams of a run: served from the cache, rendered in the build's
 * browser (its start counted apart), and left to the reader's browser (dev only).
 */
export interface DiagramStats {
  cached: TimedCount;
  uncached: TimedCount;
  browserStartMs: number;
  readerFallbacks: number;
}

const KEY = Symbol.for('hello-tcp.diagrams.session');

/** Fresh, empty statistics. Pure. */
export function emptyStats(): DiagramStats {
  const zero = (): TimedCount => ({ count: 0, ms: 0, maxMs: 0 });
  return { cached: zero(), uncached: zero(), browserStartMs: 0, readerFallbacks: 0 };
}

/** Adds one diagram that took `ms` to `counter`. */
export function record(counter: TimedCount, ms: number): void {
  counter.count++;
  counter.ms += ms;
  counter.maxMs = Math.max(counter.maxMs, ms);
}

/** The process-wide diagram session, created on first use in 'build' mode. */
export function session(): DiagramSession {
  const g = globalThis as Record<symbol, DiagramSession | undefined>;
  g[KEY] ??= {
    mode: 'build',
    base: '/',
    stats: emptyStats(),
    usedKeys: new Set(),
    svgs: new Map(),
    warnedNoBrowser: false,
    warn: (m) => console.warn(m),
  };
  return g[KEY];
}

/** The key of a diagram in DiagramSession.svgs. Pure. */
export function memoKey(cacheDir: string, key: string): string {
  return `${cacheDir}\n${key}`;
}

/** The Chromium this session would render with (the test override, else findChromium()). Reads the disk. */
export function chromiumPath(): string | undefined {
  const s = session();
  return s.chromiumPath === undefined ? findChromium() : (s.chromiumPath ?? undefined);
}

/**
 * The warm Mermaid browser, launched on first call; undefined when this machine has no Chromium.
 * A browser that exists but fails to start is an error, not a silent fallback.
 */
export function browser(): Promise<MermaidBrowser | undefined> {
  const s = session();
  s.browser ??= (async () => {
    const path = chromiumPath();
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
