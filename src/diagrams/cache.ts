import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { MERMAID_CONFIG, SVG_FORMAT } from './svg-theme';

/**
 * The committed cache of rendered diagrams: `diagram-cache/<key>.svg`, one file per diagram, each
 * already themed and with page-unique ids (see pageSvg in svg-theme.ts), so a machine without a
 * browser still builds every diagram someone has rendered before, and a cache hit is one file read.
 */
export const DEFAULT_CACHE_DIR = resolve(process.cwd(), 'diagram-cache');

let cachedVersion: string | undefined;

/** The installed Mermaid's version, read from its package.json (part of every cache key). */
export function mermaidVersion(): string {
  if (cachedVersion) return cachedVersion;
  const require = createRequire(import.meta.url);
  const pkg = JSON.parse(readFileSync(require.resolve('mermaid/package.json'), 'utf8')) as { version: string };
  cachedVersion = pkg.version;
  return cachedVersion;
}

/**
 * The cache key of one diagram: a hash of the Mermaid version, the render options, the format of
 * the stored SVG and the source. Pure. Changing any of them gives a new key, so a stale SVG is
 * never reused.
 */
export function cacheKey(
  source: string,
  version: string = mermaidVersion(),
  config: unknown = MERMAID_CONFIG,
  format: number = SVG_FORMAT,
): string {
  return createHash('sha256')
    .update(JSON.stringify({ version, config, format, source: normalizeSource(source) }))
    .digest('hex')
    .slice(0, 20);
}

/** Line endings and trailing blanks do not change a diagram, so they do not change its key. Pure. */
export function normalizeSource(source: string): string {
  return source
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .trim();
}

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
