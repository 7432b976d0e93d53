import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The committed cache of rendered diagrams: `diagram-cache/<key>.svg`, one file per diagram, so a
 * machine without a browser still builds every diagram someone has rendered before.
 */
export const DEFAULT_CACHE_DIR = resolve(process.cwd(), 'diagram-cache');

/** Mermaid's SVG for `key`, or undefined when it has not been rendered yet. Reads the disk. */
export function readCached(key: string, dir: string = DEFAULT_CACHE_DIR): string | undefined {
  const file = join(dir, `${key}.svg`);
  return existsSync(file) ? readFileSync(file, 'utf8').trimEnd() : undefined;
}

/** Stores Mermaid's SVG for `key` (creating the folder). Writes the disk. */
export function writeCached(key: string, svg: string, dir: string = DEFAULT_CACHE_DIR): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${key}.svg`), svg.endsWith('\n') ? svg : `${svg}\n`);
}
