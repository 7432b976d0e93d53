import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The font stack diagrams are measured with at build time and shown with in the page.
 * Noto Sans CJK SC is what the build machine has (Debian fonts-noto-cjk); the others are the
 * same design or a close one on readers' systems, so the boxes Mermaid sized still fit.
 */
export const DIAGRAM_FONT_STACK =
  '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

/**
 * Mermaid lays text out at this size, and diagrams.css shows it at DISPLAY_FONT_PX: every box gets
 * about 6 % of slack for a reader whose fallback font runs wider than the one measured here.
 */
export const LAYOUT_FONT_PX = 17;
/** The size diagram text is shown at (diagrams.css sets the same number). */
export const DISPLAY_FONT_PX = 16;

/**
 * The Mermaid configuration every diagram is rendered with. A plain JSON value (it is hashed
 * into the cache key and sent to the browser). The neutral greys are rewritten to CSS variables
 * afterwards (see svg-theme.ts), so one SVG serves both the light and the dark page.
 */
export const MERMAID_CONFIG = {
  startOnLoad: false,
  theme: 'neutral',
  look: 'classic',
  securityLevel: 'strict',
  fontFamily: DIAGRAM_FONT_STACK,
  fontSize: LAYOUT_FONT_PX,
  deterministicIds: true,
  sequence: {
    useMaxWidth: false,
    actorMargin: 64,
    noteMargin: 14,
    boxMargin: 12,
    messageMargin: 40,
    width: 140,
    wrap: false,
    actorFontSize: LAYOUT_FONT_PX,
    messageFontSize: LAYOUT_FONT_PX,
    noteFontSize: LAYOUT_FONT_PX,
    mirrorActors: true,
  },
  state: { useMaxWidth: false },
  flowchart: { useMaxWidth: false },
} as const;

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
 * The cache key of one diagram: a hash of the Mermaid version, the render options and the source.
 * Pure. Changing any of the three gives a new key, so a stale SVG is never reused.
 */
export function cacheKey(source: string, version: string = mermaidVersion(), config: unknown = MERMAID_CONFIG): string {
  return createHash('sha256')
    .update(JSON.stringify({ version, config, source: normalizeSource(source) }))
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
