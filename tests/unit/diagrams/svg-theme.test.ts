import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  colourVar,
  DIAGRAM_FONT_STACK,
  DISPLAY_FONT_PX,
  pageSvg,
  prefixBareIds,
  renameId,
  SVG_FORMAT,
  themeSvg,
} from '~/diagrams/svg-theme';

describe('themeSvg', () => {
  it('maps greys from light to dark onto the five diagram variables', () => {
    expect(['#fff', '#eaeaea', '#999', '#666', '#333'].map(colourVar)).toEqual([
      'var(--diagram-bg)',
      'var(--diagram-fill)',
      'var(--diagram-border)',
      'var(--diagram-line)',
      'var(--diagram-ink)',
    ]);
    expect(colourVar('hsl(0, 0%, 83%)')).toBe('var(--diagram-fill)');
    expect(colourVar('rgba(0,0,0,0)')).toBe('rgba(0,0,0,0)');
  });

  it('rewrites attributes, inline styles and the stylesheet, drops shadows, and sets role="img"', () => {
    const svg =
      '<svg id="m" role="graphics-document document"><style>#m .actor{fill:#eaeaea;stroke:#666;filter:drop-shadow( 1px 2px 2px rgba(185,185,185,1));} #m p{background-color:white;}</style>' +
      '<rect fill="#eaeaea" stroke="#666" filter="url(#m-drop-shadow)"/><text style="fill: #333; font-size: 16px">x</text></svg>';
    const out = themeSvg(svg);
    expect(out).toContain('role="img"');
    expect(out).not.toMatch(/#[0-9a-f]{3,6}\b|white|drop-shadow/i);
    expect(out).toContain('fill="var(--diagram-fill)"');
    expect(out).toContain('fill: var(--diagram-ink)');
    expect(out).toContain('background-color:var(--diagram-bg)');
  });

  it('prefixes bare ids and renames the diagram id everywhere', () => {
    const svg = prefixBareIds('<svg id="mmd-1"><g id="actor0"/><path marker-end="url(#mmd-1-arrow)"/></svg>', 'mmd-1');
    expect(svg).toBe('<svg id="mmd-1"><g id="mmd-1-actor0"/><path marker-end="url(#mmd-1-arrow)"/></svg>');
    const out = renameId(svg, 'mmd-1', 'mmd-1-2');
    expect(out).toBe('<svg id="mmd-1-2"><g id="mmd-1-2-actor0"/><path marker-end="url(#mmd-1-2-arrow)"/></svg>');
  });
});

describe('the SVG the cache stores', () => {
  // Mermaid's own output for a small state diagram (foreignObject labels, a drop shadow, bare ids).
  const raw = readFileSync('tests/unit/diagrams/fixtures/raw-state.svg', 'utf8');

  it('is themed, with every id carrying the diagram id', () => {
    const svg = pageSvg(raw, 'mmd-fixture');
    const ids = [...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] as string);
    expect(ids.length).toBeGreaterThan(10);
    expect(ids.filter((id) => !id.includes('mmd-fixture'))).toEqual([]);
    expect(svg).not.toMatch(/#[0-9a-f]{3,6}\b|shadow/i);
    expect(svg).toMatch(/^<svg id="mmd-fixture"[^>]* role="img"/);
  });

  // Cache entries hold pageSvg's output and SVG_FORMAT is in their key, so a change to svg-theme.ts
  // that alters the output must come with a new SVG_FORMAT, or builds would serve SVGs themed the old way.
  const KNOWN_OUTPUTS: Record<number, string> = { 2: 'df4b3c8b12e64621', 3: 'b29ce7eaba5be741' };
  it('changes only together with SVG_FORMAT', () => {
    const hash = createHash('sha256').update(pageSvg(raw, 'mmd-fixture')).digest('hex').slice(0, 16);
    expect(
      hash,
      `pageSvg's output changed: bump SVG_FORMAT in src/diagrams/svg-theme.ts and record ${hash} for it here`,
    ).toBe(KNOWN_OUTPUTS[SVG_FORMAT]);
    expect(Object.entries(KNOWN_OUTPUTS).filter(([, h]) => h === hash)).toHaveLength(1);
  });
});

describe('the font readers see', () => {
  const css = readFileSync('src/diagrams/diagrams.css', 'utf8');

  it('is the font stack Mermaid measured the text with', () => {
    const declared = /--diagram-font:\s*([^;]+);/.exec(css)?.[1] ?? '';
    const norm = (stack: string) => stack.replace(/\s+/g, ' ').replace(/'/g, '"').trim();
    expect(norm(declared)).toBe(norm(DIAGRAM_FONT_STACK));
    expect(DIAGRAM_FONT_STACK).toMatch(/^"Noto Sans CJK SC"/);
  });

  it('is shown at the display size diagrams.css and the layout slack agree on', () => {
    expect(css).toContain(`font-size: ${DISPLAY_FONT_PX}px !important;`);
  });
});
