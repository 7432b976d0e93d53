import { describe, expect, it } from 'vitest';
import { LIFELINE, ROOM, layoutLadder, textWidth, type LadderShape, type LadderWords } from '~/simulator/ladder';
import { runMoves } from '~/simulator/run';
import { moves } from './plays';

const WORD: Record<string, string> = {
  client: 'Client',
  server: 'Server',
  lost: 'lost',
  inFlight: 'still in flight',
  retransmitted: 'retransmitted',
  notRunning: 'not running',
  folded: 'Earlier steps not drawn',
  crash: 'crash',
  'timer.retransmit': 'retransmit fires',
  'timer.time_wait': '2·MSL expires',
  remark: '{label} ({remark})',
};
const WORDS: LadderWords = (word, vars = {}) => WORD[word]!.replace(/\{(\w+)\}/g, (_, name: string) => vars[name]!);
const ISN = { client: 100, server: 300 };
const ladder = (play: string, from = 0) => layoutLadder(runMoves(ISN, moves(play)), WORDS, from);
type Of<K extends LadderShape['kind']> = Extract<LadderShape, { kind: K }>;
const of = <K extends LadderShape['kind']>(shapes: LadderShape[], kind: K) =>
  shapes.filter((s): s is Of<K> => s.kind === kind);

describe('live ladder layout', () => {
  it('an empty run is the two ends and their lifelines', () => {
    const l = ladder('');
    expect(of(l.shapes, 'actor').map((a) => a.text)).toEqual(['Client', 'Server']);
    expect(of(l.shapes, 'life').map((s) => s.x)).toEqual([LIFELINE.client, LIFELINE.server]);
    expect(of(l.shapes, 'note')).toEqual([]);
  });

  it('draws the handshake as the build-time diagrams do: calls, states, arrows labelled by segmentLabel', () => {
    const l = ladder('s.socket,s.bind,s.listen,c.socket,c.connect,d,d,d,s.accept');
    const notes = of(l.shapes, 'note');
    expect(notes.filter((n) => n.tone === 'call').map((n) => n.text)).toEqual([
      'socket()',
      'bind(80)',
      'listen()',
      'socket()',
      'connect(80)',
      'accept()',
    ]);
    expect(notes.filter((n) => n.tone === 'state').map((n) => `${n.side} ${n.text}`)).toEqual([
      'server → LISTEN',
      'client → SYN_SENT',
      'server → SYN_RECEIVED',
      'client → ESTABLISHED',
      'server → ESTABLISHED',
    ]);
    const arrows = of(l.shapes, 'arrow');
    expect(arrows.map((a) => a.text)).toEqual(['SYN seq=100', 'SYN, ACK seq=300 ack=101', 'ACK seq=101 ack=301']);
    expect(arrows.every((a) => a.status === 'delivered')).toBe(true);
    expect(arrows.map((a) => [a.x1, a.x2])).toEqual([
      [LIFELINE.client, LIFELINE.server],
      [LIFELINE.server, LIFELINE.client],
      [LIFELINE.client, LIFELINE.server],
    ]);
    // Each shape sits below the one before: the ladder grows downward in the order things happened.
    const ys = l.shapes.filter((s) => s.kind === 'note' || s.kind === 'arrow').map((s) => s.y);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    expect(l.height).toBeGreaterThan(Math.max(...ys));
  });

  it('tells in flight, lost and delivered apart', () => {
    const sent = of(ladder('s.socket,s.bind,s.listen,c.socket,c.connect').shapes, 'arrow');
    expect(sent).toMatchObject([{ status: 'inFlight', text: 'SYN seq=100 (still in flight)', id: 1 }]);
    expect(sent[0]!.x2).toBeLessThan(LIFELINE.server);
    const lost = of(ladder('s.socket,s.bind,s.listen,c.socket,c.connect,x,c.retransmit').shapes, 'arrow');
    expect(lost.map((a) => [a.status, a.text])).toEqual([
      ['lost', 'SYN seq=100 (lost)'],
      ['inFlight', 'SYN seq=100 (retransmitted) (still in flight)'],
    ]);
    expect(lost[0]!.x2).toBe((LIFELINE.client + LIFELINE.server) / 2);
  });

  it('shows errors and timers that were not running', () => {
    const notes = of(ladder('c.socket,c.connect,d,d,s.time_wait,s.accept').shapes, 'note');
    expect(notes.filter((n) => n.tone === 'error').map((n) => `${n.side} ${n.text}`)).toEqual(['client ECONNREFUSED']);
    expect(notes.map((n) => n.text)).toContain('2·MSL expires (not running)');
    expect(notes.map((n) => n.text)).toContain('accept() → EBADF');
  });

  it('"restart from here" folds the earlier steps into one note and the states at that point', () => {
    const play = 's.socket,s.bind,s.listen,c.socket,c.connect,d,d,d,s.accept,c.close';
    const l = ladder(play, 9);
    const notes = of(l.shapes, 'note');
    expect(notes.slice(0, 3).map((n) => [n.side, n.text])).toEqual([
      ['both', 'Earlier steps not drawn'],
      ['client', 'ESTABLISHED'],
      ['server', 'ESTABLISHED'],
    ]);
    expect(notes.slice(3).map((n) => n.text)).toEqual(['close()', '→ FIN_WAIT_1']);
    expect(of(l.shapes, 'arrow').map((a) => a.status)).toEqual(['inFlight']);
  });

  it('grows in steps of ROOM, so most moves keep the size of the drawing; the lifelines run on to its bottom', () => {
    const play = 's.socket,s.bind,s.listen,c.socket,c.connect,d,d,d,s.accept,c.close,d,d,s.close,d,d'.split(',');
    const ladders = play.map((_, i) => ladder(play.slice(0, i + 1).join(',')));
    for (const l of ladders) {
      expect(l.height % ROOM).toBe(0);
      const last = Math.max(...l.shapes.filter((s) => s.kind === 'note' || s.kind === 'arrow').map((s) => s.y));
      expect(l.end).toBeGreaterThan(last);
      expect(l.height).toBeGreaterThanOrEqual(l.end);
      expect(of(l.shapes, 'life').map((s) => s.y2)).toEqual([l.height, l.height]);
    }
    const resized = ladders.filter((l, i) => i > 0 && l.height !== ladders[i - 1]!.height).length;
    expect(resized).toBeGreaterThan(0);
    expect(resized).toBeLessThan(play.length / 3);
  });

  it('widens the view for a long note instead of cutting it', () => {
    const wide: LadderWords = (word, vars) => (word === 'notRunning' ? 'x'.repeat(80) : WORDS(word, vars));
    const l = layoutLadder(runMoves(ISN, moves('c.retransmit')), wide);
    const note = of(l.shapes, 'note')[0]!;
    expect(l.x).toBeLessThanOrEqual(note.x);
    expect(l.x + l.width).toBeGreaterThanOrEqual(note.x + note.w);
    expect(textWidth('中文')).toBeGreaterThan(textWidth('ab'));
  });
});
