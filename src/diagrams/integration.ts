/**
 * The Astro integration around the Mermaid plugin, with its build hooks: the render-ahead of a
 * build's uncached diagrams before the bundler starts, and the statistics a build leaves for the
 * benchmark. astro.config.mjs registers diagramsIntegration() next to mermaidPlugin().
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { isLang, type Lang } from '../i18n';
import { scanLessonDiagrams } from '../lessons/checks';
import { cacheKey, DEFAULT_CACHE_DIR, normalizeSource, readCached } from './cache';
import { langFromPath } from './plugin';
import {
  chromiumPath,
  closeBrowser,
  emptyStats,
  renderDiagram,
  session,
  type DiagramSession,
  type TimedCount,
} from './render';
import { scenarioDiagramSource } from './trace-to-mermaid';

/** Options of the diagrams integration. */
export interface DiagramsIntegrationOptions {
  /**
   * Folders (from the project root) whose Markdown and MDX files a build scans for diagrams missing
   * from the cache, to render them before the bundler starts (see prerenderDiagrams).
   */
  prerender?: string[];
}

/**
 * The Astro integration around the Mermaid plugin: tells it whether this is a dev server (which
 * may fall back to drawing in the reader's browser) or a release build (which must not), routes
 * its warnings to Astro's logger, renders a build's uncached diagrams before the bundler starts,
 * closes the warm browser when the build or server ends, and writes the render statistics.
 */
export function diagramsIntegration(options: DiagramsIntegrationOptions = {}): AstroIntegration {
  const dirs = options.prerender ?? ['content', 'src/pages'];
  let root = process.cwd();
  return {
    name: 'hello-tcp-diagrams',
    hooks: {
      'astro:config:setup': ({ command, config, logger, updateConfig }) => {
        const s = session();
        s.mode = command === 'dev' ? 'dev' : 'build';
        s.base = config.base;
        root = fileURLToPath(config.root);
        s.stats = emptyStats();
        s.usedKeys.clear();
        s.svgs.clear();
        s.warnedNoBrowser = false;
        s.warn = (message) => logger.warn(message.replace(/^\[diagrams\]\s*/, ''));
        if (s.mode === 'dev' && !chromiumPath()) {
          // The reader's browser may have to draw a diagram (see dev/placeholder.ts): bundle Mermaid
          // when the server starts rather than on the first such page, which would reload it.
          updateConfig({ vite: { optimizeDeps: { include: ['mermaid'] } } });
        }
      },
      'astro:build:start': async ({ logger }) => {
        const started = performance.now();
        const rendered = await prerenderDiagrams(root, dirs);
        if (rendered > 0)
          logger.info(`rendered ${rendered} uncached diagrams in ${(performance.now() - started).toFixed(0)} ms`);
      },
      'astro:build:done': async ({ logger }) => {
        const s = session();
        await closeBrowser();
        const unused = unusedCacheFiles(s);
        const report = statsReport(s, unused);
        writeStats(report);
        const { cached, uncached, browserStartMs } = s.stats;
        const each = (x: { count: number; ms: number }) => (x.count ? (x.ms / x.count).toFixed(2) : '0');
        logger.info(
          `${cached.count} diagrams from diagram-cache/ (${each(cached)} ms each), ${uncached.count} rendered (${each(uncached)} ms each, slowest ${uncached.maxMs.toFixed(0)} ms; browser start ${browserStartMs.toFixed(0)} ms)`,
        );
        if (unused.length > 0)
          logger.info(
            `${unused.length} files in diagram-cache/ were not used by this build (delete them unless another branch needs them): ${unused.join(', ')}`,
          );
      },
      'astro:server:done': async () => {
        await closeBrowser();
      },
    },
  };
}

/** A ```mermaid fence found in a Markdown or MDX file. */
export interface Fence {
  /** The file, relative to the project root. */
  file: string;
  /** The line of the opening fence, counted from 1 (as the Markdown plugin reports it). */
  line: number;
  source: string;
}

/** A <ScenarioDiagram> found in an MDX file. */
export interface ScenarioUse {
  scenario: string;
  /** Its `lang` prop, else the language of the lesson folder. */
  lang: Lang;
  /** Its `from` prop (`from={9}` or `from="9"`): the first step drawn. */
  from: number;
}

/**
 * The ```mermaid (or ~~~mermaid) fences of one Markdown text, with the line of each opening fence.
 * Only fences at the start of a line are read: an indented one (in a list, say) is left to the
 * Markdown plugin, which sees exactly what the Markdown parser made of it. Pure.
 */
export function findFences(text: string, file: string): Fence[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const fences: Fence[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,}|~{3,})\s*mermaid\s*$/.exec(lines[i] as string);
    if (!open) continue;
    const marker = open[1] as string;
    const close = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`);
    let end = i + 1;
    while (end < lines.length && !close.test(lines[end] as string)) end++;
    // An unclosed fence runs to the end of the document, as in CommonMark.
    fences.push({ file, line: i + 1, source: lines.slice(i + 1, end).join('\n') });
    i = end;
  }
  return fences;
}

/**
 * The <ScenarioDiagram scenario="…"> elements of one MDX text, read as the build's lesson check reads
 * them (code and comments skipped), with the language each draws in: its `lang` prop if it has one,
 * else the language of `file`'s lesson folder. Pure.
 */
export function findScenarioUses(text: string, file: string): ScenarioUse[] {
  return scanLessonDiagrams(text).scenarios.map((d) => ({
    scenario: d.scenario,
    lang: isLang(d.lang) ? d.lang : langFromPath(file),
    from: d.from ?? 0,
  }));
}

/** Every .md and .mdx file under `dirs` (relative to `root`), sorted. Reads the disk. */
export function markdownFiles(root: string, dirs: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(join(root, dir), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const path = join(dir, e.name);
      if (e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules') walk(path);
      else if (e.isFile() && /\.mdx?$/.test(e.name)) out.push(path);
    }
  };
  for (const dir of dirs) walk(dir);
  return out.sort();
}

/** A diagram to render ahead of the pages: its source, language and where it was found. */
interface Pending {
  source: string;
  lang: Lang;
  file: string;
  line?: number;
}

/**
 * Renders, before the bundler starts, the diagrams of the Markdown and MDX files under `dirs` that
 * the cache lacks (```mermaid fences and <ScenarioDiagram>s, whose Mermaid the TCP model writes),
 * so that each one has the build's browser and a CPU to itself instead of competing with Vite
 * (on two cores that doubled a state diagram's render time). The pages then find them in memory.
 * A diagram that fails to render is left to its page, which reports it with its file and line.
 * Does nothing without a browser (a release build then fails in the page, naming the file).
 * Returns how many diagrams it rendered. Not pure: reads the disk, renders, writes the cache.
 */
export async function prerenderDiagrams(
  root: string,
  dirs: readonly string[],
  cacheDir: string = DEFAULT_CACHE_DIR,
): Promise<number> {
  const s = session();
  const missing = new Map<string, Pending>();
  const consider = (d: Pending) => {
    const key = cacheKey(normalizeSource(d.source));
    if (!missing.has(key) && readCached(key, cacheDir) === undefined) missing.set(key, d);
  };
  for (const file of markdownFiles(root, dirs)) {
    const text = readFileSync(join(root, file), 'utf8');
    for (const fence of findFences(text, file)) consider({ ...fence, lang: langFromPath(file) });
    for (const use of findScenarioUses(text, file)) {
      const scenarioFile = `content/scenarios/${use.scenario}.json`;
      try {
        const json: unknown = JSON.parse(readFileSync(join(root, scenarioFile), 'utf8'));
        consider({
          source: scenarioDiagramSource(json, scenarioFile, use.lang, use.from).source,
          lang: use.lang,
          file,
        });
      } catch {
        // A missing or invalid scenario fails its page, with the model's message.
      }
    }
  }
  if (missing.size === 0 || !chromiumPath()) return 0;
  let rendered = 0;
  for (const d of missing.values()) {
    const before = s.stats.uncached.count;
    await renderDiagram({ ...d, cacheDir, ahead: true }).catch(() => undefined);
    rendered += s.stats.uncached.count - before;
  }
  return rendered;
}

/**
 * Where a build leaves its diagram figures for the benchmark to print. A diagram's time is the
 * build time it adds: for a fence, from reading it to its figure markup; for a ScenarioDiagram,
 * from running the TCP model to its figure markup. Waiting (for the browser to start, or behind
 * another diagram in the browser) is not counted; the browser start is reported apart.
 *
 * ```json
 * { "cached": { "count": 26, "ms": 19.5, "msEach": 0.75, "maxMs": 3.1 },
 *   "uncached": { "count": 1, "ms": 180, "msEach": 180, "maxMs": 180 },
 *   "browserStartMs": 1500, "readerFallbacks": 0, "unusedCacheFiles": [] }
 * ```
 */
export const STATS_FILE = resolve(process.cwd(), 'node_modules/.cache/hello-tcp/diagram-stats.json');

/** The stats of a session as the JSON the file holds, with per-diagram averages. Pure. */
export function statsReport(s: Pick<DiagramSession, 'stats'>, unusedCacheFiles: string[] = []): unknown {
  const each = (x: TimedCount) => ({
    count: x.count,
    ms: round(x.ms),
    msEach: x.count ? round(x.ms / x.count) : 0,
    maxMs: round(x.maxMs),
  });
  return {
    cached: each(s.stats.cached),
    uncached: each(s.stats.uncached),
    browserStartMs: round(s.stats.browserStartMs),
    readerFallbacks: s.stats.readerFallbacks,
    unusedCacheFiles,
  };
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

/** Cache files no diagram of this run used (candidates for deletion). Reads the disk. */
export function unusedCacheFiles(s: Pick<DiagramSession, 'usedKeys'>, dir: string = DEFAULT_CACHE_DIR): string[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.svg'));
  } catch {
    return [];
  }
  return files.filter((f) => !s.usedKeys.has(f.slice(0, -4)));
}

/** Writes the stats file. Writes the disk. */
export function writeStats(report: unknown, file: string = STATS_FILE): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}
