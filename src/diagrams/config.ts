/**
 * The Mermaid settings every diagram is drawn with, by the build's headless browser and by the
 * dev-only fallback in the reader's browser alike. Browser-safe: no Node imports.
 */

/**
 * The font stack diagrams are measured with at build time and shown with in the page
 * (src/styles/diagrams.css repeats it as --diagram-font; a unit test keeps the two equal).
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
 * The version of what the cache holds: Mermaid's SVG after themeSvg and prefixBareIds
 * (svg-theme.ts). It is part of every cache key, so bump it whenever those functions change
 * their output; tests/unit/diagrams/svg.test.ts fails until you do.
 */
export const SVG_FORMAT = 3;

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
