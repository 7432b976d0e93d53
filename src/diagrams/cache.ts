import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The committed cache of rendered diagrams: `diagram-cache/<key>.svg`, one file per diagram, each
 * already themed and with page-unique ids (see pageSvg in svg-theme.ts), so a machine without a
 * browser still builds every diagram someone has rendered before, and a cache hit is one file read.
 */
export const DEFAULT_CACHE_DIR = resolve(process.cwd(), 'diagram-cache');

/** The stored SVG for `key`, or undefined when it has not been rendered yet. Reads the disk. */
export function readCached(key: string, dir: string = DEFAULT_CACHE_DIR): string | undefined {
  try {
    return readFileSync(join(dir, `${key}.svg`), 'utf8').trimEnd();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Stores the SVG for `key` (creating the folder). Writes the disk. */
export function writeCached(key: string, svg: string, dir: string = DEFAULT_CACHE_DIR): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${key}.svg`), svg.endsWith('\n') ? svg : `${svg}\n`);
}
