import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DEFAULT_CACHE_DIR } from './cache';
import type { DiagramSession, TimedCount } from './session';

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
