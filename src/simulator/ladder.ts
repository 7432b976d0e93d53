/**
 * The live ladder diagram's layout: a run's trace → the shapes of an SVG, in the visual language of the
 * build-time scenario diagrams (src/diagrams): a box and a lifeline per end, a dark note for each call,
 * timer or error, a framed note "→ STATE" where an end changes state, and an arrow labelled with
 * `segmentLabel` where a segment arrives. A lost segment stops half-way at a ×; one still in flight is
 * dashed and drawn at the bottom until it lands. The caller supplies every word (`LadderWords`). Pure:
 * the browser only turns the shapes into elements (./draw.ts). `LadderBuilder` is the layout itself, which
 * the capture page (src/capture/page) uses to draw a capture in the same look.
 */
import { callText, segmentLabel, type SentSegment, type Side, type TimerKind, type Trace } from '~/tcp/browser';

/** A word the ladder shows: the suffix of its `diagram.trace.*` UI key. */
export type LadderWord =
  | 'client'
  | 'server'
  | 'lost'
  | 'inFlight'
  | 'retransmitted'
  | 'notRunning'
  | 'folded'
  | 'crash'
  | `timer.${TimerKind}`
  | 'remark';

/**
 * The ladder's words in the page's language: `words('lost')`, and `words('remark', { label, remark })`
 * for "label (remark)" as the language writes it.
 */
export type LadderWords = (word: LadderWord, vars?: Record<string, string>) => string;

/** How a note looks: a call or event (dark), a state change (framed, bold), an error. */
export type NoteTone = 'call' | 'state' | 'error';
/** What became of a segment. */
export type ArrowStatus = 'delivered' | 'lost' | 'inFlight';

/**
 * One shape. Coordinates are SVG user units; text is plain (the browser sets it as textContent). `step`,
 * where set, is the step the shape belongs to (a stepper fades and highlights by it); an arrow `marked`
 * departs from what the model expected (the capture page), and may carry a `time` drawn in the left margin.
 */
export type LadderShape =
  | { kind: 'actor'; x: number; y: number; w: number; h: number; text: string }
  | { kind: 'life'; x: number; y1: number; y2: number }
  | {
      kind: 'note';
      x: number;
      y: number;
      w: number;
      h: number;
      text: string;
      tone: NoteTone;
      side: Side | 'both';
      step?: number;
    }
  | {
      kind: 'arrow';
      x1: number;
      x2: number;
      y: number;
      text: string;
      status: ArrowStatus;
      id: number;
      step?: number;
      marked?: boolean;
      time?: { x: number; text: string };
    };

/** The whole drawing: its view box, where its last shape ends (`end`, above `height`) and its shapes, in drawing order. */
export interface Ladder {
  x: number;
  width: number;
  height: number;
  end: number;
  shapes: LadderShape[];
}

/** The lifelines' x, as the build-time diagrams place them (140-unit actor boxes, 290 apart). */
export const LIFELINE: Record<Side, number> = { client: 70, server: 360 };
const ACTOR = { w: 140, h: 50 };
const NOTE_H = 34;
const GAP = 10;
const ARROW_H = 46;
const LEFT = -80;
const WIDTH = 590;
/** Where a time in the left margin ends (right-aligned), as an offset from LEFT: just left of the client's box. */
const TIME_END = 70;
/**
 * The drawing grows this much at a time, its lifelines running on into the room below the last shape:
 * resizing an SVG lays out all of its text again, so most moves should draw into room already there.
 */
export const ROOM = 320;

/** About how wide `text` is at 16 px: CJK characters a full em, the rest a little over half. Pure. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.codePointAt(0)! >= 0x2e80 ? 16 : 8.8;
  return w;
}

const peer = (side: Side): Side => (side === 'client' ? 'server' : 'client');

/** What an arrow may carry besides its ends and label (see `LadderShape`). */
export interface ArrowExtra {
  step?: number;
  marked?: boolean;
  time?: string;
}

/**
 * Builds a ladder top to bottom, in the layout every live ladder shares: `note` and `arrow` add a row
 * below the last, `finish` adds the ends and their lifelines and fits the view box around the notes (and
 * the times in the margin). `layoutLadder` draws a simulator run with it, the capture page a capture. Pure.
 */
export class LadderBuilder {
  private readonly shapes: LadderShape[] = [];
  private y = ACTOR.h + GAP * 2;

  /** A note on one lifeline, or across both (`'both'`). */
  note(side: Side | 'both', text: string, tone: NoteTone, step?: number): void {
    const w = Math.max(side === 'both' ? 430 : 140, textWidth(text) + 24);
    const cx = side === 'both' ? (LIFELINE.client + LIFELINE.server) / 2 : LIFELINE[side];
    const note: LadderShape = { kind: 'note', x: cx - w / 2, y: this.y, w, h: NOTE_H, text, tone, side };
    if (step !== undefined) note.step = step;
    this.shapes.push(note);
    this.y += NOTE_H + GAP;
  }

  /** An arrow from `from` towards the other end; a lost one stops half-way, one in flight two-thirds. */
  arrow(from: Side, text: string, status: ArrowStatus, id: number, extra: ArrowExtra = {}): void {
    const x1 = LIFELINE[from];
    const x2full = LIFELINE[peer(from)];
    const part = status === 'delivered' ? 1 : status === 'lost' ? 0.5 : 0.66;
    const y = this.y + 24;
    const arrow: LadderShape = { kind: 'arrow', x1, x2: x1 + (x2full - x1) * part, y, text, status, id };
    if (extra.step !== undefined) arrow.step = extra.step;
    if (extra.marked) arrow.marked = true;
    // A time ends just left of the client's box, or of the label if that reaches further.
    const label = Math.min(x1, arrow.x2) + Math.abs(arrow.x2 - x1) / 2 - textWidth(text) / 2;
    if (extra.time !== undefined) arrow.time = { x: Math.min(LEFT + TIME_END, label - GAP), text: extra.time };
    this.shapes.push(arrow);
    this.y += ARROW_H;
  }

  /**
   * The whole drawing: the ends' boxes and lifelines, then every row, in a view box that holds them all. With
   * `room`, the height grows in steps of that much and the lifelines run on to the bottom (see ROOM).
   */
  finish(words: Record<Side, string>, { room }: { room?: number } = {}): Ladder {
    const end = this.y + GAP;
    const height = room ? Math.ceil((end + 10) / room) * room : end + 10;
    const lifeShapes: LadderShape[] = [];
    for (const side of ['client', 'server'] as const) {
      const x = LIFELINE[side];
      lifeShapes.push({ kind: 'life', x, y1: ACTOR.h, y2: room ? height : end });
      lifeShapes.push({ kind: 'actor', x: x - ACTOR.w / 2, y: 0, w: ACTOR.w, h: ACTOR.h, text: words[side] });
    }
    // Lifelines first, so notes and arrows are drawn over them.
    // A long note (a crash, a long language) widens the view rather than running off its edge, and so does
    // a time in the left margin (drawn right-aligned, ending where the margin ends).
    let left = LEFT;
    let right = LEFT + WIDTH;
    for (const s of this.shapes)
      if (s.kind === 'note') {
        left = Math.min(left, s.x - GAP);
        right = Math.max(right, s.x + s.w + GAP);
      } else if (s.kind === 'arrow' && s.time) left = Math.min(left, s.time.x - textWidth(s.time.text) * 0.8 - GAP);
    return { x: left, width: right - left, height, end, shapes: [...lifeShapes, ...this.shapes] };
  }
}

/**
 * Lays out `trace` from step `from` on (the steps before fold into one note and both ends' states then,
 * as after "restart from here"). Pure.
 */
export function layoutLadder(trace: Trace, words: LadderWords, from = 0): Ladder {
  const b = new LadderBuilder();
  const arrow = (s: SentSegment, status: ArrowStatus) => {
    const remarks = [
      s.retransmit && words('retransmitted'),
      status === 'lost' && words('lost'),
      status === 'inFlight' && words('inFlight'),
    ];
    const text = remarks.reduce<string>(
      (label, r) => (r ? words('remark', { label, remark: r }) : label),
      segmentLabel(s),
    );
    b.arrow(s.from, text, status, s.id);
  };

  const start = Math.min(Math.max(0, from), trace.steps.length);
  if (start > 0) {
    const at = trace.steps[start]?.before ?? trace.steps[start - 1]!.after;
    b.note('both', words('folded'), 'call');
    b.note('client', at.client, 'state');
    b.note('server', at.server, 'state');
  }
  for (const st of trace.steps.slice(start)) {
    const step = st.step;
    if ('call' in step) b.note(step.call, callText(st), 'call');
    if ('timer' in step) {
      const fired = (st.result as { fired?: boolean } | undefined)?.fired;
      const t = words(`timer.${step.timer}`);
      b.note(step.side, fired ? t : words('remark', { label: t, remark: words('notRunning') }), 'call');
    }
    if ('crash' in step) b.note(step.crash, words('crash'), 'call');
    for (const s of st.deliveredAll ?? (st.delivered ? [st.delivered] : [])) arrow(s, 'delivered');
    if (st.dropped) arrow(st.dropped, 'lost');
    for (const e of st.errors) if (!('call' in step)) b.note(e.side, e.errno, 'error');
    for (const c of st.changes) b.note(c.side, `→ ${c.to}`, 'state');
  }
  for (const s of trace.inFlight) arrow(s, 'inFlight');
  return b.finish({ client: words('client'), server: words('server') }, { room: ROOM });
}
