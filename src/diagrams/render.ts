import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Lang } from '../i18n';
import { t } from '../i18n';
import { readCached, writeCached, DEFAULT_CACHE_DIR } from './cache';
import { HOW_TO_GET_A_BROWSER } from './chromium';
import { escapeHtml, figureHtml, type DiagramTable } from './figure';
import { cacheKey, normalizeSource } from './options';
import { browser, session } from './session';
import { sourceInfo } from './source-info';
import { sourceTable } from './source-table-view';
import { themeSvg, uniqueIds } from './svg-theme';

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

/**
 * Renders one diagram to the figure markup a page shows: from the committed cache when this exact
 * source has been rendered with this Mermaid version and these options, otherwise in the warm
 * headless browser (then stored in the cache). Without a browser, a dev server falls back to
 * drawing in the reader's browser and a release build throws. Not pure: reads and writes the cache.
 */
export async function renderDiagram(req: DiagramRequest): Promise<string> {
  const s = session();
  const started = performance.now();
  const source = normalizeSource(req.source);
  const info = sourceInfo(source);
  const key = cacheKey(source);
  const id = `mmd-${key}`;
  const pageId = (req.instance ?? 1) > 1 ? `${id}-${req.instance}` : id;
  const dir = req.cacheDir ?? DEFAULT_CACHE_DIR;
  s.usedKeys.add(key);
  const table = req.table ?? sourceTable(source, info.kind, req.lang, info.description);
  const figure = (body: string) => figureHtml({ lang: req.lang, title: info.title, body, table, kind: info.kind });

  const cached = readCached(key, dir);
  if (cached !== undefined) {
    const html = figure(uniqueIds(themeSvg(cached), id, pageId));
    s.stats.cached.count++;
    s.stats.cached.ms += performance.now() - started;
    return html;
  }

  const b = await browser();
  if (!b) {
    if (s.mode === 'build') {
      throw new DiagramError(
        `${where(req)}: this diagram is not in diagram-cache/ and there is no browser to render it. ${HOW_TO_GET_A_BROWSER}`,
      );
    }
    if (!s.warnedNoBrowser) {
      s.warnedNoBrowser = true;
      console.warn(
        `[diagrams] ${where(req)}: no Chromium found, so diagrams missing from diagram-cache/ are drawn in the reader's browser while you develop. A release build needs them rendered: ${HOW_TO_GET_A_BROWSER}`,
      );
    }
    return figure(fallbackMarkup(source, pageId, req.lang));
  }

  const renderStarted = performance.now();
  let raw: string;
  try {
    raw = await b.render(id, source);
  } catch (error) {
    const message = mermaidMessage(error);
    const inner = /on line (\d+)/.exec(message);
    const fileLine = inner && req.line ? ` (line ${req.line + Number(inner[1])} of the file)` : '';
    throw new DiagramError(`${where(req)}: Mermaid could not parse this diagram${fileLine}:\n${message}`);
  }
  writeCached(key, raw, dir);
  s.stats.uncached.count++;
  s.stats.uncached.ms += performance.now() - renderStarted;
  return figure(uniqueIds(themeSvg(raw), id, pageId));
}

/**
 * The dev-only stand-in for a diagram nobody could render at build time: the source in a custom
 * element whose script (served by the dev server from node_modules, never a CDN) loads Mermaid
 * when the element scrolls into view. Pure.
 */
export function fallbackMarkup(source: string, id: string, lang: Lang): string {
  const script = `${session().base.replace(/\/?$/, '/')}@fs${join(process.cwd(), 'src/diagrams/client/fallback.ts')}`;
  return (
    `<hello-mermaid data-id="${escapeHtml(id)}" data-loading="${escapeHtml(t(lang, 'diagram.loading'))}" data-failed="${escapeHtml(t(lang, 'diagram.failed', { message: '{message}' }))}">` +
    `<pre class="diagram-source">${escapeHtml(source)}</pre></hello-mermaid>` +
    `<script type="module" src="${escapeHtml(script)}"></script>`
  );
}
