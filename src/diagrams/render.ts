import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Lang } from '../i18n';
import { readCached, writeCached, DEFAULT_CACHE_DIR } from './cache';
import { HOW_TO_GET_A_BROWSER } from './chromium';
import { figureHtml, type DiagramTable } from './figure';
import { cacheKey, normalizeSource } from './options';
import { fallbackScriptUrl, placeholderHtml } from './placeholder';
import { diagramRoute } from './route';
import { browser, chromiumPath, memoKey, record, session } from './session';
import { sourceInfo } from './source-info';
import { sourceTable } from './source-table-view';
import { pageSvg, renameId } from './svg-theme';

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
   * True when rendering ahead of the pages (prerender.ts): the diagram is not marked as used, since
   * only a page drawing it proves that.
   */
  ahead?: boolean | undefined;
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
 * Renders one diagram to the figure markup a page shows. The SVG comes from this run's memory or
 * the committed cache when this exact source has been rendered with this Mermaid version, these
 * options and this SVG format; otherwise from the warm headless browser (then stored in the cache).
 * Without a browser, a dev server falls back to drawing in the reader's browser and a release build
 * throws (see route.ts). Not pure: reads and writes the cache, records the build statistics.
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
  const figure = (body: string) =>
    figureHtml({
      lang: req.lang,
      title: info.title,
      body,
      table: req.table ?? sourceTable(source, info.kind, req.lang, info.description),
      kind: info.kind,
    });

  const memo = memoKey(dir, key);
  let svg = s.svgs.get(memo);
  if (svg === undefined) {
    const stored = readCached(key, dir);
    if (stored !== undefined) s.svgs.set(memo, (svg = Promise.resolve(stored)));
  }
  if (svg) {
    // route 'cache'
    // Awaiting an in-flight render of the same diagram is waiting, not work: count only the rest.
    const waitFrom = performance.now();
    const themed = await svg.catch(rethrowAt(req));
    const waited = performance.now() - waitFrom;
    const html = figure(renameId(themed, id, pageId));
    record(s.stats.cached, performance.now() - started - waited);
    return html;
  }

  const route = diagramRoute({ mode: s.mode, cached: false, browser: chromiumPath() !== undefined });
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
    return { themed, waited: rendered.startedAt - askedAt };
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
  const html = figure(renameId(result.themed, id, pageId));
  record(s.stats.uncached, performance.now() - started - result.waited);
  return html;
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
