/**
 * A ladder layout's shapes (./ladder.ts) as SVG elements described as data: what the browser draws
 * (./draw.ts) and what the server writes for the simulator's empty ladder before its code arrives
 * (PhoneSimulator.astro, `ladderMarkup`), so both come from one description. Pure.
 */
import type { Ladder, LadderShape } from './ladder';

/** One SVG element: `{ tag: 'line', attrs: { x1: 70, … } }`; `text` is plain text, never markup. */
export interface SvgNode {
  tag: string;
  attrs: Record<string, string | number>;
  text?: string;
  children?: SvgNode[];
}

const node = (tag: string, attrs: Record<string, string | number>, text?: string): SvgNode =>
  text === undefined ? { tag, attrs } : { tag, attrs, text };

/** The element that draws shape `s`; `marker` is the id of the arrowhead marker in the svg's `<defs>`. Pure. */
export function shapeNode(s: LadderShape, marker: string): SvgNode {
  if (s.kind === 'life') return node('line', { x1: s.x, x2: s.x, y1: s.y1, y2: s.y2, class: 'sim-ladder-life' });
  if (s.kind === 'actor' || s.kind === 'note') {
    const attrs: SvgNode['attrs'] = {
      class: s.kind === 'actor' ? 'sim-ladder-actor' : `sim-ladder-note sim-ladder-${s.tone}`,
    };
    if (s.kind === 'note' && s.step !== undefined) attrs['data-step'] = s.step;
    return {
      tag: 'g',
      attrs,
      children: [
        node('rect', { x: s.x, y: s.y, width: s.w, height: s.h, rx: 3 }),
        node('text', { x: s.x + s.w / 2, y: s.y + s.h / 2 }, s.text),
      ],
    };
  }
  const attrs: SvgNode['attrs'] = {
    class: `sim-ladder-arrow sim-ladder-${s.status}${s.marked ? ' sim-ladder-marked' : ''}`,
    'data-segment': s.id,
  };
  if (s.step !== undefined) attrs['data-step'] = s.step;
  const children = [node('text', { x: (s.x1 + s.x2) / 2, y: s.y - 10 }, s.text)];
  if (s.time) children.push(node('text', { x: s.time.x, y: s.y + 4, class: 'sim-ladder-time' }, s.time.text));
  const line: SvgNode['attrs'] = { x1: s.x1, x2: s.x2, y1: s.y, y2: s.y };
  if (s.status !== 'lost') line['marker-end'] = `url(#${marker})`;
  children.push(node('line', line));
  if (s.status === 'lost')
    children.push(node('path', { d: `M ${s.x2 - 6} ${s.y - 6} l 12 12 m 0 -12 l -12 12`, class: 'sim-ladder-cross' }));
  return { tag: 'g', attrs, children };
}

/** The drawing's size: its `viewBox`, `width` and `height` attributes, as the svg carries them. Pure. */
export function ladderBox(ladder: Ladder): { viewBox: string; width: string; height: string } {
  return {
    viewBox: `${ladder.x} 0 ${ladder.width} ${ladder.height}`,
    width: String(ladder.width),
    height: String(ladder.height),
  };
}

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** `n` as SVG markup, text and attribute values escaped. Pure. */
export function svgMarkup(n: SvgNode): string {
  const attrs = Object.entries(n.attrs)
    .map(([k, v]) => ` ${k}="${escape(String(v))}"`)
    .join('');
  const inner = (n.text === undefined ? '' : escape(n.text)) + (n.children ?? []).map(svgMarkup).join('');
  return `<${n.tag}${attrs}>${inner}</${n.tag}>`;
}

/** The shapes of `ladder` as markup, for the server to write into the ladder's last `<g>`. Pure. */
export function ladderMarkup(ladder: Ladder, marker: string): string {
  return ladder.shapes.map((s) => svgMarkup(shapeNode(s, marker))).join('');
}
