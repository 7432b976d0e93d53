/**
 * A scenario drawn from the TCP model: its trace as Mermaid `sequenceDiagram` source and as a plain
 * table (the diagram's text twin), both in the page language. Every word a reader sees comes from the
 * i18n files (`diagram.trace.*`); a Mermaid source that does not change keeps its cache key, so change
 * those strings knowing every scenario diagram is rendered again. All exports are pure.
 */
import { t, type Lang } from '../i18n';
import {
  callText,
  segmentLabel,
  type SentSegment,
  type Side,
  type TimerKind,
  type Trace,
  type TraceStep,
} from '../tcp';
import type { DiagramTable } from './figure';

/** A side's name in `lang`: "Client" or "Server". */
const sideName = (lang: Lang, side: Side): string =>
  t(lang, side === 'client' ? 'diagram.trace.client' : 'diagram.trace.server');

/** "Client: listen()": who did it, then what. */
const byWhom = (lang: Lang, who: string, action: string): string => t(lang, 'diagram.trace.actor', { who, action });

/** `label` with its remarks after it in brackets, "SYN seq=100 (retransmitted, lost)"; `label` alone without any. */
function withRemarks(lang: Lang, label: string, remarks: (string | false | undefined)[]): string {
  const given = remarks.filter((r): r is string => Boolean(r));
  if (given.length === 0) return label;
  const remark = given.reduce((first, second) => t(lang, 'diagram.trace.remarks', { first, second }));
  return t(lang, 'diagram.trace.remark', { label, remark });
}

/** What a timer step does: "retransmission timer fires". */
const timerText = (lang: Lang, timer: TimerKind): string => t(lang, `diagram.trace.timer.${timer}`);

/**
 * Keeps text safe inside Mermaid: `;` would end the line (it becomes a comma, so a sentence still reads),
 * `#` starts an entity, quotes and angle brackets confuse it. Pure.
 */
export const mermaidSafe = (s: string): string =>
  s
    .replace(/\s*;/g, ',')
    .replace(/[#"<>{}\r\n]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const P = (side: Side) => (side === 'client' ? 'C' : 'S');
const sideOf = (st: TraceStep): Side | null =>
  'call' in st.step
    ? st.step.call
    : 'timer' in st.step
      ? st.step.side
      : 'crash' in st.step
        ? st.step.crash
        : 'inject' in st.step
          ? st.step.inject.from
          : null;

/** Which steps a diagram or table shows of a trace. */
export interface RenderOptions {
  /**
   * The first step shown; the steps before it fold into one note giving both ends' states at that point
   * (e.g. start a close diagram after the handshake). Default 0: every step.
   */
  from?: number;
}

/** The steps `opts.from` keeps, and the states where they start. Throws on a step outside the trace. Pure. */
function shown(trace: Trace, from = 0): { steps: TraceStep[]; start?: TraceStep } {
  if (!Number.isInteger(from) || from < 0 || from >= Math.max(trace.steps.length, 1))
    throw new RangeError(
      `${trace.scenario.id}: "from" must be a step index from 0 to ${trace.steps.length - 1}, got ${from}`,
    );
  return { steps: trace.steps.slice(from), start: from > 0 ? trace.steps[from] : undefined };
}

/**
 * What one drawn statement of a scenario diagram shows, in statement order, notes and messages apart
 * as Mermaid draws them: `el` the kind of statement, `step` the trace step it belongs to (null for
 * the folded set-up, always shown), `kind` how it is styled (a call, a segment, a state change or
 * another event: a timer, a crash, an error, the lesson's remark).
 * Example: `{ "el": "message", "step": 4, "kind": "segment" }`
 */
export interface StepMark {
  el: 'note' | 'message';
  step: number | null;
  kind: 'call' | 'segment' | 'state' | 'event';
}

/** Mermaid `sequenceDiagram` source for `trace`, with accTitle/accDescr and notes in `lang`. Pure. */
export function traceToMermaid(trace: Trace, lang: Lang, opts: RenderOptions = {}): string {
  return traceToMarkedMermaid(trace, lang, opts).source;
}

/**
 * The Mermaid source of traceToMermaid and, for each note and message it draws, in order, the trace
 * step and kind it shows (see StepMark): what the stepper marks in the rendered SVG. Pure.
 */
export function traceToMarkedMermaid(
  trace: Trace,
  lang: Lang,
  opts: RenderOptions = {},
): { source: string; marks: StepMark[] } {
  const { steps, start } = shown(trace, opts.from);
  const last = trace.steps[trace.steps.length - 1];
  const end = last?.after ?? { client: 'CLOSED', server: 'CLOSED' };
  const lines = [
    'sequenceDiagram',
    `  accTitle: ${mermaidSafe(trace.scenario.title[lang])}`,
    `  accDescr: ${mermaidSafe(trace.scenario.description?.[lang] ?? t(lang, 'diagram.trace.description', { ...end }))}`,
    `  participant C as ${sideName(lang, 'client')}`,
    `  participant S as ${sideName(lang, 'server')}`,
  ];
  const marks: StepMark[] = [];
  let current: number | null = null;
  // Only the text after the colon comes from data; the arrow or `Note over` before it must keep its `>`.
  const add = (head: string, text: string, kind: StepMark['kind']) => {
    lines.push(`  ${head}: ${mermaidSafe(text)}`);
    marks.push({ el: head.startsWith('Note') ? 'note' : 'message', step: current, kind });
  };
  const arrow = (s: SentSegment, kind: '->>' | '-x' | '--)', extra?: string) => {
    add(
      `${P(s.from)}${kind}${P(s.from === 'client' ? 'server' : 'client')}`,
      withRemarks(lang, segmentLabel(s), [
        s.retransmit && t(lang, 'diagram.trace.retransmitted'),
        s.injected && t(lang, 'diagram.trace.injected'),
        extra,
      ]),
      'segment',
    );
  };
  if (start) {
    add('Note over C,S', t(lang, 'diagram.trace.folded'), 'event');
    add('Note over C', start.before.client, 'state');
    add('Note over S', start.before.server, 'state');
  }
  for (const st of steps) {
    current = st.index;
    const step = st.step;
    const side = sideOf(st);
    if ('call' in step && side) add(`Note over ${P(side)}`, callText(st), 'call');
    if ('timer' in step && side)
      add(
        `Note over ${P(side)}`,
        withRemarks(lang, timerText(lang, step.timer), [
          !(st.result as { fired?: boolean }).fired && t(lang, 'diagram.trace.notRunning'),
        ]),
        'event',
      );
    if ('crash' in step && side) add(`Note over ${P(side)}`, t(lang, 'diagram.trace.crash'), 'event');
    for (const s of st.deliveredAll ?? (st.delivered ? [st.delivered] : [])) arrow(s, '->>');
    if (st.dropped) arrow(st.dropped, '-x', t(lang, 'diagram.trace.lost'));
    if (st.delayed)
      add('Note over C,S', withRemarks(lang, segmentLabel(st.delayed), [t(lang, 'diagram.trace.delayed')]), 'event');
    for (const e of st.errors) if (!('call' in step)) add(`Note over ${P(e.side)}`, e.errno, 'event');
    // A state is drawn as "→ LISTEN", so it cannot be mistaken for the call listen() in the note above it.
    for (const c of st.changes) add(`Note over ${P(c.side)}`, `→ ${c.to}`, 'state');
    if (step.note) add('Note over C,S', step.note[lang], 'event');
  }
  // Still in flight when the scenario ends: shown with its last step.
  for (const s of trace.inFlight) arrow(s, '--)', t(lang, 'diagram.trace.inFlight'));
  return { source: lines.join('\n') + '\n', marks };
}

/** The trace as a table for readers who cannot see the diagram: one row per step shown. Pure. */
export function traceToTable(
  trace: Trace,
  lang: Lang,
  opts: RenderOptions = {},
): { headers: string[]; rows: string[][] } {
  const st8 = (b: string, a: string) => (a === b ? a : `${b} → ${a}`);
  const rows = shown(trace, opts.from).steps.map((st) => {
    const step = st.step;
    const side = sideOf(st);
    const who = (action: string) => (side ? byWhom(lang, sideName(lang, side), action) : action);
    const moved = st.deliveredAll ?? (st.delivered ? [st.delivered] : []);
    const arrows = (ss: SentSegment[], remark?: string) =>
      ss
        .map((s) =>
          byWhom(
            lang,
            `${sideName(lang, s.from)} → ${sideName(lang, s.from === 'client' ? 'server' : 'client')}`,
            withRemarks(lang, segmentLabel(s), [remark]),
          ),
        )
        .join(' / ');
    const action =
      'call' in step
        ? who(callText(st))
        : 'timer' in step
          ? who(timerText(lang, step.timer))
          : 'crash' in step
            ? who(t(lang, 'diagram.trace.crash'))
            : 'inject' in step
              ? arrows(st.sent, t(lang, 'diagram.trace.injected'))
              : st.dropped
                ? arrows([st.dropped], t(lang, 'diagram.trace.lost'))
                : st.delayed
                  ? arrows([st.delayed], t(lang, 'diagram.trace.delayed'))
                  : arrows(moved);
    const errs = 'call' in step ? [] : st.errors.map((e) => byWhom(lang, sideName(lang, e.side), e.errno));
    return [
      String(st.index),
      [action, ...errs].join(' / '),
      st8(st.before.client, st.after.client),
      st8(st.before.server, st.after.server),
      st.sent.map(segmentLabel).join(' / '),
    ];
  });
  const headers = [
    t(lang, 'diagram.col.step'),
    t(lang, 'diagram.trace.col.action'),
    sideName(lang, 'client'),
    sideName(lang, 'server'),
    t(lang, 'diagram.trace.col.sent'),
  ];
  return { headers, rows };
}

/** A scenario turned into what renderDiagram takes: Mermaid source and the table twin. */
export interface ScenarioDiagramSource {
  source: string;
  table: DiagramTable;
}

/**
 * A scenario's trace through the TCP model as what renderDiagram takes: a Mermaid sequence diagram
 * and a table, both in `lang`, starting at step `from` (the steps before it fold into one note). Pure;
 * throws a RangeError naming the scenario when `from` is not one of its steps.
 */
export function scenarioDiagramSource(trace: Trace, lang: Lang, from = 0): ScenarioDiagramSource {
  const { headers, rows } = traceToTable(trace, lang, { from });
  return { source: traceToMermaid(trace, lang, { from }), table: { head: headers, rows } };
}
