/**
 * A ladder layout's shapes (./ladder.ts) as SVG elements described as data: what the browser draws
 * (./draw.ts) and what the server writes for the simulator's empty ladder before its code arrives
 * (PhoneSimulator.astro, `ladderMarkup`), so both come from one description. Pure.
 */
import { escapeHtml } from '~/diagrams/figure';
import type { Ladder, LadderShape } from './ladder';

/**
 * One SVG element: its tag, its attributes, then its content, each a child element or plain text (never
 * markup). Example: `['g', { class: 'sim-ladder-actor' }, ['rect', { x: 0, … }], ['text', { x: 70, y: 25 }, 'Client']]`.
 */
export type SvgNode = [tag: string, attrs: Record<string, string | number>, ...content: (SvgNode | string)[]];

/** The element that draws shape `s`; `marker` is the id of the arrowhead marker in the svg's `<defs>`. Pure. */
export function shapeNode(s: LadderShape, marker: string): SvgNode {
  if (s.kind === 'life') return ['line', { x1: s.x, x2: s.x, y1: s.y1, y2: s.y2, class: 'sim-ladder-life' }];
  const step: Record<string, number> = s.kind !== 'actor' && s.step !== undefined ? { 'data-step': s.step } : {};
  if (s.kind !== 'arrow')
    return [
      'g',
      { class: s.kind === 'actor' ? 'sim-ladder-actor' : `sim-ladder-note sim-ladder-${s.tone}`, ...step },
      ['rect', { x: s.x, y: s.y, width: s.w, height: s.h, rx: 3 }],
      ['text', { x: s.x + s.w / 2, y: s.y + s.h / 2 }, s.text],
    ];
  const lost = s.status === 'lost';
  const g: SvgNode = [
    'g',
    {
      class: `sim-ladder-arrow sim-ladder-${s.status}${s.marked ? ' sim-ladder-marked' : ''}`,
      'data-segment': s.id,
      ...step,
    },
    ['text', { x: (s.x1 + s.x2) / 2, y: s.y - 10 }, s.text],
  ];
  if (s.time) g.push(['text', { x: s.time.x, y: s.y + 4, class: 'sim-ladder-time' }, s.time.text]);
  g.push(['line', { x1: s.x1, x2: s.x2, y1: s.y, y2: s.y, ...(lost ? {} : { 'marker-end': `url(#${marker})` }) }]);
  if (lost) g.push(['path', { d: `M ${s.x2 - 6} ${s.y - 6} l 12 12 m 0 -12 l -12 12`, class: 'sim-ladder-cross' }]);
  return g;
}

/** The drawing's size: its `viewBox`, `width` and `height` attributes, as the svg carries them. Pure. */
export function ladderBox({ x, width, height }: Ladder): Record<'viewBox' | 'width' | 'height', string> {
  return { viewBox: `${x} 0 ${width} ${height}`, width: `${width}`, height: `${height}` };
}

/** `node` as SVG markup, text and attribute values escaped. Pure. */
export function svgMarkup([tag, attrs, ...content]: SvgNode): string {
  const a = Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${escapeHtml(String(v))}"`)
    .join('');
  return `<${tag}${a}>${content.map((c) => (typeof c === 'string' ? escapeHtml(c) : svgMarkup(c))).join('')}</${tag}>`;
}

/** The shapes of `ladder` as markup, for the server to write into the ladder's last `<g>`. Pure. */
export function ladderMarkup(ladder: Ladder, marker: string): string {
  return ladder.shapes.map((s) => svgMarkup(shapeNode(s, marker))).join('');
}
