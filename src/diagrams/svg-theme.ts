/**
 * How a diagram looks, in one place for the build's headless browser and the dev-only fallback in
 * the reader's browser alike: the Mermaid settings every diagram is drawn with, and the rewrite of
 * Mermaid's SVG (rendered with the neutral grey theme) into one SVG that follows the page's light
 * or dark theme: every grey becomes one of five CSS variables, ordered from the page background to
 * the ink, which diagrams.css defines for both themes. Keeping one SVG instead of a light and a
 * dark copy halves the bytes a lesson page carries for its diagrams. Browser-safe: no Node imports.
 */

/**
 * The font stack diagrams are measured with at build time and shown with in the page
 * (diagrams.css repeats it as --diagram-font; a unit test keeps the two equal).
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
 * (below). It is part of every cache key, so bump it whenever those functions change
 * their output; tests/unit/diagrams/svg-theme.test.ts fails until you do.
 */
export const SVG_FORMAT = 3;

/**
 * The Mermaid configuration every diagram is rendered with. A plain JSON value (it is hashed
 * into the cache key and sent to the browser). The neutral greys are rewritten to CSS variables
 * afterwards (see themeSvg), so one SVG serves both the light and the dark page.
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

/** The variables a colour can become, from lightest to darkest in the light theme. */
export const DIAGRAM_VARS = [
  '--diagram-bg',
  '--diagram-fill',
  '--diagram-border',
  '--diagram-line',
  '--diagram-ink',
] as const;

const COLOUR = /#[0-9a-fA-F]{3,8}\b|(?:rgba?|hsla?)\([^()]*\)|\b(?:white|black)\b/g;
const COLOUR_PROPS = new Set([
  'fill',
  'stroke',
  'color',
  'background',
  'background-color',
  'stop-color',
  'flood-color',
  'border-color',
  'outline-color',
]);

/** The lightness (0–100) and alpha (0–1) of a CSS colour Mermaid writes, or undefined if unknown. Pure. */
export function lightness(colour: string): { l: number; alpha: number } | undefined {
  const c = colour.trim().toLowerCase();
  if (c === 'white') return { l: 100, alpha: 1 };
  if (c === 'black') return { l: 0, alpha: 1 };
  if (c.startsWith('#')) {
    const hex = c.slice(1);
    const full = hex.length <= 4 ? [...hex].map((d) => d + d).join('') : hex;
    if (!/^[0-9a-f]{6}([0-9a-f]{2})?$/.test(full)) return undefined;
    const [r, g, b] = [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16) / 255) as [number, number, number];
    const alpha = full.length === 8 ? parseInt(full.slice(6, 8), 16) / 255 : 1;
    return { l: ((Math.max(r, g, b) + Math.min(r, g, b)) / 2) * 100, alpha };
  }
  const nums = c.match(/-?[\d.]+%?/g)?.map((n) => (n.endsWith('%') ? parseFloat(n) / 100 : parseFloat(n)));
  if (!nums || nums.length < 3) return undefined;
  const alpha = nums[3] ?? 1;
  if (c.startsWith('hsl')) return { l: (nums[2] as number) * 100, alpha };
  const [r, g, b] = nums.slice(0, 3).map((n) => n / 255) as [number, number, number];
  return { l: ((Math.max(r, g, b) + Math.min(r, g, b)) / 2) * 100, alpha };
}

/** The CSS variable standing in for `colour`, or the colour itself when it is transparent or unknown. Pure. */
export function colourVar(colour: string): string {
  const info = lightness(colour);
  if (!info || info.alpha === 0) return colour;
  const { l } = info;
  const name =
    l >= 95
      ? DIAGRAM_VARS[0]
      : l >= 80
        ? DIAGRAM_VARS[1]
        : l >= 55
          ? DIAGRAM_VARS[2]
          : l >= 30
            ? DIAGRAM_VARS[3]
            : DIAGRAM_VARS[4];
  return `var(${name})`;
}

function recolourDeclarations(css: string): string {
  return css.replace(/([a-z-]+)(\s*:\s*)([^;{}"]+)/g, (whole, prop: string, sep: string, value: string) =>
    COLOUR_PROPS.has(prop) ? `${prop}${sep}${value.replace(COLOUR, colourVar)}` : whole,
  );
}

/**
 * Rewrites Mermaid's SVG for the page: greys to CSS variables (in presentation attributes, style
 * attributes and the embedded stylesheet), drop shadows removed (they muddy the dark theme), and
 * role="img" so assistive technology reads it as one picture named by its <title>. Pure.
 */
export function themeSvg(svg: string): string {
  let out = svg
    // Drop shadows: a filter attribute pointing at Mermaid's shadow, or a CSS drop-shadow().
    .replace(/\sfilter="url\(#[^")]*shadow[^")]*\)"/g, '')
    .replace(/filter\s*:\s*drop-shadow\((?:[^()]|\([^()]*\))*\)/g, 'filter:none')
    // …and the shadow filters themselves, now that nothing points at them.
    .replace(/<defs><filter id="[^"]*shadow[^"]*"[^>]*>[\s\S]*?<\/filter><\/defs>/g, '');
  out = out.replace(/<style>([\s\S]*?)<\/style>/g, (_, css: string) => `<style>${recolourDeclarations(css)}</style>`);
  out = out.replace(/\sstyle="([^"]*)"/g, (_, css: string) => ` style="${recolourDeclarations(css)}"`);
  out = out.replace(
    /\s(fill|stroke|stop-color|flood-color|color)="([^"]*)"/g,
    (_, attr: string, value: string) => ` ${attr}="${value.replace(COLOUR, colourVar)}"`,
  );
  out = out.replace(/^<svg([^>]*?)\srole="[^"]*"/, '<svg$1 role="img"');
  if (!/^<svg[^>]*\srole=/.test(out)) out = out.replace(/^<svg/, '<svg role="img"');
  return out;
}

/**
 * Gives every element id in the SVG that does not already contain `id` the prefix `id-` (Mermaid
 * leaves a few, like "actor0", bare), with every reference to it, so that afterwards each id in
 * the SVG contains `id`. Pure.
 */
export function prefixBareIds(svg: string, id: string): string {
  const bare = new Set<string>();
  for (const m of svg.matchAll(/\sid="([^"]+)"/g)) {
    const found = m[1] as string;
    if (!found.includes(id)) bare.add(found);
  }
  if (bare.size === 0) return svg;
  // One pass over every id and id reference (a regex per id cost milliseconds per diagram).
  return svg.replace(/(\sid="|url\(#|href="#)([^")]+)/g, (whole, lead: string, found: string) =>
    bare.has(found) ? `${lead}${id}-${found}` : whole,
  );
}

/** Renames `from` to `to` everywhere in an SVG whose every id contains `from` (see prefixBareIds). Pure. */
export function renameId(svg: string, from: string, to: string): string {
  return from === to ? svg : svg.split(from).join(to);
}

/**
 * Mermaid's SVG for diagram `id` turned into what the cache stores and a page shows: themed (see
 * themeSvg) and with every element id containing `id`. Pure.
 */
export function pageSvg(raw: string, id: string): string {
  return prefixBareIds(themeSvg(raw.trim()), id);
}
