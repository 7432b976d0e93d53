/**
 * Draws a ladder layout (./ladder.ts) into an `<svg>`: one element per shape, as ./svg.ts describes it, text
 * set as textContent (a shared run's words never become markup). Only the shapes that changed since the last drawing are
 * drawn again (`syncChildren`), so a move costs the shapes of its step. Browser only.
 */
import type { Ladder } from './ladder';
import { ladderBox, shapeNode, type SvgNode } from './svg';

const NS = 'http://www.w3.org/2000/svg';

function element([tag, attrs, ...content]: SvgNode): SVGElement {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  // Text as text nodes (a shared run's words never become markup).
  e.append(...content.map((c) => (typeof c === 'string' ? c : element(c))));
  return e;
}

/** What each child was made from, so an unchanged one is kept. */
const made = new WeakMap<Element, string>();

/**
 * Makes `parent`'s children those that `keys` describe, in order: a child whose key is the same at its
 * place stays, the others are made anew by `make(i)`, extra ones are removed. A list that grows at the
 * end (a move) or shrinks there (undo) touches only its end.
 */
export function syncChildren(parent: Element, keys: readonly string[], make: (i: number) => Element): void {
  keys.forEach((key, i) => {
    const have = parent.children[i];
    if (have && made.get(have) === key) return;
    const e = make(i);
    made.set(e, key);
    if (have) have.replaceWith(e);
    else parent.append(e);
  });
  while (parent.children.length > keys.length) parent.lastElementChild!.remove();
}

/**
 * Draws `ladder` into `svg`, as the shapes of its last `<g>`; `marker` is the id of the arrowhead marker
 * the server wrote into the svg's `<defs>`.
 */
export function drawLadder(svg: SVGSVGElement, ladder: Ladder, marker: string): void {
  // Only a drawing whose size changes is resized: resizing lays out every shape in it again.
  const box = ladderBox(ladder);
  if (svg.getAttribute('viewBox') !== box.viewBox) {
    for (const [name, value] of Object.entries(box)) svg.setAttribute(name, value);
    // Projector mode scales the drawing from its width in user units (sim.css).
    svg.style.setProperty('--ladder-w', String(ladder.width));
  }
  const { shapes } = ladder;
  syncChildren(
    svg.lastElementChild!,
    shapes.map((s) => JSON.stringify(s)),
    (i) => element(shapeNode(shapes[i]!, marker)),
  );
}
