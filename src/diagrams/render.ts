/**
 * One diagram, from Mermaid source to the figure markup a page shows, and the state one build (or
 * dev session) shares for it: the warm browser, the SVGs already read or rendered, the statistics.
 * Used by the Markdown plugin, ScenarioDiagram and the render-ahead in the integration.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Lang } from '../i18n';
import { cacheKey, DEFAULT_CACHE_DIR, normalizeSource, readCached, writeCached } from './cache';
import { findChromium, HOW_TO_GET_A_BROWSER, MermaidBrowser } from './chromium';
import { fallbackScriptUrl, placeholderHtml } from './dev/placeholder';
import { figureHtml, sourceInfo, sourceTable, type DiagramTable, type FigureExtra } from './figure';
import { markSteps, svgWidth } from './stepper/marks';
import type { StepMark } from './trace-to-mermaid';
import { MERMAID_CONFIG, pageSvg, renameId } from './svg-theme';
import { optimizeSvg, svgHeight } from './svg-optimize';

/** One diagram to render. */
export interface DiagramRequest {
  /** The Mermaid source. */
  source: string;
  lang: Lang;
  /** Where the diagram is written (a lesson file or a scenario), for error messages. */
  file?: string | undefined;
  /** The line of the ```mermaid fence in `file`. */
  line?: number | undefined;
  /** The table twin; derived from the source when absent. */
  table?: DiagramTable | undefined;
  /** 1 for the first diagram with this source on a page, 2 for a repeat, … (keeps ids unique). */
  instance?: number | undefined;
  /** Cache folder (tests point this at a temporary one). */
  cacheDir?: string | undefined;
  /**
   * performance.now() when the caller started working on this diagram (reading the fence, running
   * the TCP model), so the build statistics count that work too; now by default.
   */
  startedAt?: number | undefined;
  /**
   * True when rendering ahead of the pages (see prerenderDiagrams in integration.ts): the diagram
   * is not marked as used, since only a page drawing it proves that.
   */
  ahead?: boolean | undefined;
  /**
   * A scenario diagram's step marks (see stepper/marks.ts), applied to the SVG after the cache read so
   * the cache key stays the same, and what the stepper adds to the figure; the figure also gets the
   * SVG's width as `--diagram-w` (every figure with an SVG gets its height as `--diagram-h`). Left out of the dev-only placeholder, which has no SVG yet.
   */
  stepper?: { marks: StepMark[]; extra: FigureExtra } | undefined;
}

/** A Mermaid syntax error, or a machine without a browser in a release build. Names file and line. */
export class DiagramError extends Error {
  override name = 'DiagramError';
}

/** "content/lessons/zh/01-x.mdx" for a file URL or absolute path; the input otherwise. Pure. */
export function displayPath(file: string | URL | undefined): string {
  if (!file) return '(unknown file)';
  const path = file instanceof URL || file.startsWith('file:') ? fileURLToPath(file) : file;
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}

// Playwright wraps the page's exception ("page.evaluate: Error: Parse error…\n    at …"); keep Mermaid's words.
function mermaidMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text
    .replace(/^page\.evaluate:\s*/, '')
    .replace(/^Error:\s*/, '')
    .replace(/^\s+at .*$/gm, '')
    .trim();
}

function where(req: DiagramRequest): string {
  return req.line ? `${displayPath(req.file)}:${req.line}` : displayPath(req.file);
}

/** Thrown inside the render job so that each caller can name its own file and line. */
class MermaidSyntaxError extends Error {}

/**
 * Where the SVG of a diagram missing from the cache comes from:
 * - 'browser': the build's headless Chromium renders it, and it is cached;
 * - 'reader': a dev server without Chromium leaves it to the reader's browser (never in a release);
 * - 'fail': a release build without Chromium stops, saying how to get one.
 */
export type DiagramRoute = 'browser' | 'reader' | 'fail';

/** What decides the route of a diagram missing from the cache. */
export interface RouteInput {
  /** 'dev' for `astro dev`, 'build' for `astro build` (and anything else). */
  mode: 'dev' | 'build';
  /** Whether a Chromium binary was found. */
  browser: boolean;
}

/** The route of one diagram the cache lacks. Pure. */
export function diagramRoute({ mode, browser }: RouteInput): DiagramRoute {
  if (browser) return 'browser';
  return mode === 'dev' ? 'reader' : 'fail';
}

/**
 * Renders one diagram to the figure markup a page shows. The SVG comes from this run's memory or
 * the committed cache when this exact source has been rendered with this Mermaid version, these
 * options and this SVG format; otherwise from the warm headless browser (then stored in the cache).
 * Without a browser, a dev server falls back to drawing in the reader's browser and a release build
 * throws (see diagramRoute). Not pure: reads and writes the cache, records the build statistics.
 */
export async function renderDiagram(req: DiagramRequest): Promise<string> {
  const s = session();
  const started = req.startedAt ?? performance.now();
  const source = normalizeSource(req.source);
  const info = sourceInfo(source);
  const key = cacheKey(source);
  const id = `mmd-${key}`;
  const pageId = (req.instance ?? 1) > 1 ? `${id}-${req.instance}` : id;
  const dir = req.cacheDir ?? DEFAULT_CACHE_DIR;
  if (!req.ahead) s.usedKeys.add(key);
  const figure = (body: string, svg = false) => {
    const stepper = svg ? req.stepper : undefined;
    // The SVG's size for the page's CSS: its width for the projector view, its height to hold the
    // figure's place while content-visibility skips drawing it off screen (diagrams.css).
    const width = stepper ? svgWidth(body) : undefined;
    const height = svg ? svgHeight(body) : undefined;
    const vars = [width && `--diagram-w:${width}`, height && `--diagram-h:${height}`].filter(Boolean);
    const style = vars.length > 0 ? ` style="${vars.join(';')}"` : '';
    return figureHtml({
      lang: req.lang,
      title: info.title,
      body: stepper ? markedAt(req, body, stepper.marks) : body,
      table: req.table ?? sourceTable(source, info.kind, req.lang, info.description),
      kind: info.kind,
      extra:
        stepper || style
          ? { attrs: `${stepper?.extra.attrs ?? ''}${style}`, afterBody: stepper?.extra.afterBody ?? '' }
          : undefined,
    });
  };

  const memo = memoKey(dir, key);
  let svg = s.svgs.get(memo);
  if (svg === undefined) {
    const stored = readCached(key, dir);
    if (stored !== undefined) s.svgs.set(memo, (svg = Promise.resolve(optimized(stored, id))));
  }
  if (svg) {
    // Awaiting an in-flight render of the same diagram is waiting, not work: count only the rest.
    const waitFrom = performance.now();
    const themed = await svg.catch(rethrowAt(req));
    const waited = performance.now() - waitFrom;
    const html = figure(renameId(themed, id, pageId), true);
    record(s.stats.cached, performance.now() - started - waited);
    return html;
  }

  const route = diagramRoute({ mode: s.mode, browser: chromiumPath() !== undefined });
  if (route === 'fail') {
    throw new DiagramError(
      `${where(req)}: this diagram is not in diagram-cache/ and there is no browser to render it. ${HOW_TO_GET_A_BROWSER}`,
    );
  }
  if (route === 'reader') {
    if (!s.warnedNoBrowser) {
      s.warnedNoBrowser = true;
      s.warn(
        `[diagrams] ${where(req)}: no Chromium found, so diagrams missing from diagram-cache/ are drawn in the reader's browser while you develop. A release build needs them rendered: ${HOW_TO_GET_A_BROWSER}`,
      );
    }
    s.stats.readerFallbacks++;
    return figure(placeholderHtml(source, pageId, req.lang, fallbackScriptUrl(s.base)));
  }

  // route === 'browser'
  const askedAt = performance.now();
  const job = (async () => {
    const b = await browser();
    if (!b) throw new DiagramError(`${where(req)}: Chromium went missing. ${HOW_TO_GET_A_BROWSER}`);
    const rendered = await b.render(id, source).catch((error: unknown) => {
      throw new MermaidSyntaxError(mermaidMessage(error));
    });
    const themed = pageSvg(rendered.svg, id);
    writeCached(key, themed, dir);
    return { themed: optimized(themed, id), waited: rendered.startedAt - askedAt };
  })();
  const themed = job.then((r) => r.themed);
  // Its failure is reported through `job` below; callers that share it report their own.
  themed.catch(() => undefined);
  s.svgs.set(memo, themed);
  let result: { themed: string; waited: number };
  try {
    result = await job;
  } catch (error) {
    // A failed render is not remembered: fix the source and the next build tries again.
    s.svgs.delete(memo);
    return rethrowAt(req)(error);
  }
  const html = figure(renameId(result.themed, id, pageId), true);
  record(s.stats.uncached, performance.now() - started - result.waited);
  return html;
}

/** The shared Mermaid stylesheet (mermaid.css), read once per process. */
let mermaidCss: string | undefined;

/** A cached SVG as the page carries it (see svg-optimize.ts): what mermaid.css holds, and what nothing reads, removed. */
function optimized(themed: string, id: string): string {
  mermaidCss ??= readFileSync(resolve(process.cwd(), 'src/diagrams/mermaid.css'), 'utf8');
  return optimizeSvg(themed, id, mermaidCss).svg;
}

/** `svg` with its step marks; a mismatch between the SVG and the trace is a DiagramError naming the file. */
function markedAt(req: DiagramRequest, svg: string, marks: StepMark[]): string {
  try {
    return markSteps(svg, marks);
  } catch (error) {
    throw new DiagramError(`${where(req)}: cannot mark the diagram's steps: ${(error as Error).message}`);
  }
}

/** Turns a failed render into a DiagramError naming the caller's file and fence line. */
function rethrowAt(req: DiagramRequest): (error: unknown) => never {
  return (error) => {
    if (!(error instanceof MermaidSyntaxError)) throw error;
    const inner = /on line (\d+)/.exec(error.message);
    const fileLine = inner && req.line ? ` (line ${req.line + Number(inner[1])} of the file)` : '';
    throw new DiagramError(`${where(req)}: Mermaid could not parse this diagram${fileLine}:\n${error.message}`);
  };
}

// Per page (keyed by the page's Request), how many diagrams with each Mermaid source it has drawn.
const INSTANCES = new WeakMap<object, Map<string, number>>();

/**
 * 1 for the first diagram with this Mermaid source on the page `page` (Astro.request), 2 for a
 * repeat, …: renderDiagram uses it to keep element ids unique when a page draws a scenario twice.
 * (The Markdown plugin counts a page's fences itself.)
 */
export function diagramInstance(page: object, source: string): number {
  let seen = INSTANCES.get(page);
  if (!seen) INSTANCES.set(page, (seen = new Map()));
  const n = (seen.get(source) ?? 0) + 1;
  seen.set(source, n);
  return n;
}

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
