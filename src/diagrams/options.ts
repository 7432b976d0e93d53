import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { MERMAID_CONFIG, SVG_FORMAT } from './config';

export { DIAGRAM_FONT_STACK, DISPLAY_FONT_PX, LAYOUT_FONT_PX, MERMAID_CONFIG, SVG_FORMAT } from './config';

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
