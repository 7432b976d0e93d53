/**
 * The Astro integration around the Mermaid plugin, with its build hooks: the render-ahead of a
 * build's uncached diagrams before the bundler starts, and the statistics a build leaves for the
 * benchmark. astro.config.mjs registers diagramsIntegration() next to mermaidPlugin().
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { isLang, type Lang } from '../i18n';
import { readSite } from '../content/site';
import { runScenario } from '../tcp';
import { cacheKey, DEFAULT_CACHE_DIR, normalizeSource, readCached } from './cache';
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

/**
 * The Astro integration around the Mermaid plugin: tells it whether this is a dev server (which
 * may fall back to drawing in the reader's browser) or a release build (which must not), routes
 * its warnings to Astro's logger, renders a build's uncached diagrams before the bundler starts,
 * closes the warm browser when the build or server ends, and writes the render statistics.
 */
export function diagramsIntegration(): AstroIntegration {
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
        const rendered = await prerenderDiagrams(root);
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

/** A diagram to render ahead of the pages: its source, language and where it was found. */
interface Pending {
  source: string;
  lang: Lang;
  file: string;
  line?: number;
}

/**
 * Renders, before the bundler starts, the diagrams of the lessons under `root` that the cache lacks
 * (```mermaid fences and <ScenarioDiagram>s, whose Mermaid the TCP model writes), read from each
 * lesson's outline, so that each one has the build's browser and a CPU to itself instead of competing
 * with Vite (on two cores that doubled a state diagram's render time). The pages then find them in
 * memory. A diagram that fails to render is left to its page, which reports it with its file and line.
 * Does nothing without a browser (a release build then fails in the page, naming the file).
 * Returns how many diagrams it rendered. Not pure: reads the disk, renders, writes the cache.
 */
export async function prerenderDiagrams(root: string, cacheDir: string = DEFAULT_CACHE_DIR): Promise<number> {
  const s = session();
  const missing = new Map<string, Pending>();
  const consider = (d: Pending) => {
    const key = cacheKey(normalizeSource(d.source));
    if (!missing.has(key) && readCached(key, cacheDir) === undefined) missing.set(key, d);
  };
  const site = readSite(root);
  for (const lesson of site.lessons) {
    if (!isLang(lesson.lang)) continue;
    const file = lesson.filePath;
    for (const fence of lesson.outline.mermaid) consider({ ...fence, file, lang: lesson.lang });
    for (const use of lesson.outline.diagrams) {
      const scenario = site.scenarios.get(use.scenario);
      const lang = isLang(use.lang) ? use.lang : lesson.lang;
      // A missing or invalid scenario fails the content check, naming the file and line.
      if (!scenario) continue;
      try {
        const drawn = { from: use.from ?? 0, setup: use.setup ?? 'fold' } as const;
        consider({ source: scenarioDiagramSource(runScenario(scenario), lang, drawn).source, lang, file });
      } catch {
        // A bad "from" or "setup" fails its page, with the message.
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
