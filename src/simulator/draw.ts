/**
 * Draws a ladder layout (./ladder.ts) into an `<svg>`: one element per shape, text set as textContent (a
 * shared run's words never become markup). Browser only.
 */
import type { Ladder } from './ladder';

const NS = 'http://www.w3.org/2000/svg';

function el(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/**
 * Draws `ladder` into `svg`, replacing the shapes of its last `<g>`; `marker` is the id of the arrowhead
 * marker the server wrote into the svg's `<defs>`.
 */
export function drawLadder(svg: SVGSVGElement, ladder: Ladder, marker: string): void {
  svg.setAttribute('viewBox', `${ladder.x} 0 ${ladder.width} ${ladder.height}`);
  svg.setAttribute('width', String(ladder.width));
  svg.setAttribute('height', String(ladder.height));
  // Projector mode scales the drawing from its width in user units (sim.css).
  svg.style.setProperty('--ladder-w', String(ladder.width));
  const parts: SVGElement[] = [];
  for (const s of ladder.shapes) {
    if (s.kind === 'life') parts.push(el('line', { x1: s.x, x2: s.x, y1: s.y1, y2: s.y2, class: 'sim-ladder-life' }));
    else if (s.kind === 'actor' || s.kind === 'note') {
      const g = el('g', { class: s.kind === 'actor' ? 'sim-ladder-actor' : `sim-ladder-note sim-ladder-${s.tone}` });
      if (s.kind === 'note' && s.step !== undefined) g.dataset.step = String(s.step);
      g.append(el('rect', { x: s.x, y: s.y, width: s.w, height: s.h, rx: 3 }));
      g.append(el('text', { x: s.x + s.w / 2, y: s.y + s.h / 2 }, s.text));
      parts.push(g);
    } else {
      const g = el('g', {
        class: `sim-ladder-arrow sim-ladder-${s.status}${s.marked ? ' sim-ladder-marked' : ''}`,
        'data-segment': s.id,
      });
      if (s.step !== undefined) g.dataset.step = String(s.step);
      g.append(el('text', { x: (s.x1 + s.x2) / 2, y: s.y - 10 }, s.text));
      if (s.time) g.append(el('text', { x: s.time.x, y: s.y + 4, class: 'sim-ladder-time' }, s.time.text));
      const line = el('line', { x1: s.x1, x2: s.x2, y1: s.y, y2: s.y });
      if (s.status !== 'lost') line.setAttribute('marker-end', `url(#${marker})`);
      g.append(line);
      if (s.status === 'lost')
        g.append(el('path', { d: `M ${s.x2 - 6} ${s.y - 6} l 12 12 m 0 -12 l -12 12`, class: 'sim-ladder-cross' }));
      parts.push(g);
    }
  }
  svg.lastElementChild!.replaceChildren(...parts);
}
