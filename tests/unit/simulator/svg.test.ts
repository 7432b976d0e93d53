import { describe, expect, it } from 'vitest';
import { LadderBuilder } from '~/simulator/ladder';
import { ladderBox, ladderMarkup, shapeNode, svgMarkup, type SvgNode } from '~/simulator/svg';

describe('ladder shapes as SVG', () => {
  it('describes each kind of shape as the element that draws it', () => {
    const b = new LadderBuilder();
    b.note('client', 'connect()', 'call', 3);
    b.arrow('client', 'SYN seq=100', 'lost', 1);
    b.arrow('server', 'SYN, ACK', 'delivered', 2, { time: '0.2 s' });
    const ladder = b.finish({ client: 'Client', server: 'Server' });
    const [life, actor] = ladder.shapes;
    expect(shapeNode(life!, 'm')).toEqual([
      'line',
      { x1: 70, x2: 70, y1: 50, y2: ladder.end, class: 'sim-ladder-life' },
    ]);
    expect(svgMarkup(shapeNode(actor!, 'm'))).toBe(
      '<g class="sim-ladder-actor"><rect x="0" y="0" width="140" height="50" rx="3"></rect><text x="70" y="25">Client</text></g>',
    );
    const [note, lost, delivered] = ladder.shapes.slice(4).map((s) => shapeNode(s, 'm'));
    expect(note![1]).toEqual({ class: 'sim-ladder-note sim-ladder-call', 'data-step': 3 });
    // A lost segment has no arrowhead but a cross; a delivered one points at the marker, its time in the margin.
    const children = (n: SvgNode) => n.slice(2) as SvgNode[];
    expect(children(lost!).map(([tag]) => tag)).toEqual(['text', 'line', 'path']);
    expect(children(lost!)[1]![1]['marker-end']).toBeUndefined();
    expect(children(delivered!).map(([tag]) => tag)).toEqual(['text', 'text', 'line']);
    expect(children(delivered!)[2]![1]['marker-end']).toBe('url(#m)');
    expect(ladderBox(ladder)).toEqual({
      viewBox: `${ladder.x} 0 ${ladder.width} ${ladder.height}`,
      width: String(ladder.width),
      height: String(ladder.height),
    });
  });

  it('escapes text and attributes, so a word never becomes markup', () => {
    const b = new LadderBuilder();
    b.note('both', '<b>"A & B"</b>', 'error');
    const markup = ladderMarkup(b.finish({ client: 'C', server: 'S' }), 'm');
    expect(markup).toContain('&#60;b&#62;&#34;A &#38; B&#34;&#60;/b&#62;');
    expect(markup).not.toContain('<b>');
  });
});
