import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DEFAULT_CACHE_DIR } from './cache';
import type { DiagramSession } from './session';

/**
 * Where a build leaves its diagram figures for the benchmark to print:
 *
 * ```json
 * { "cached": { "count": 5, "ms": 6.2, "msEach": 1.24 }, "uncached": { "count": 1, "ms": 180, "msEach": 180 },
 *   "browserStartMs": 5400, "unusedCacheFiles": [] }
 * ```
 */
export const STATS_FILE = resolve(process.cwd(), 'node_modules/.cache/hello-tcp/diagram-stats.json');

/** The stats of a session as the JSON the file holds, with per-diagram averages. Pure. */
export function statsReport(s: Pick<DiagramSession, 'stats'>, unusedCacheFiles: string[] = []): unknown {
  const each = (x: { count: number; ms: number }) => ({
    count: x.count,
    ms: round(x.ms),
    msEach: x.count ? round(x.ms / x.count) : 0,
  });
  return {
    cached: each(s.stats.cached),
    uncached: each(s.stats.uncached),
    browserStartMs: round(s.stats.browserStartMs),
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
