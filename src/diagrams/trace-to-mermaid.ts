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

/**
 * How a diagram draws the set-up calls it opens with (socket, bind, listen on either side): `fold`, the
 * default, as one note saying each side's calls and the state they leave; `unfold`, one note per call
 * and per state change, as for every other step (lesson 1, which teaches those calls).
 */
export const SETUP_MODES = ['fold', 'unfold'] as const;
export type SetupMode = (typeof SETUP_MODES)[number];

/** Which steps a diagram or table shows of a trace. */
export interface RenderOptions {
  /**
   * The first step shown; the steps before it fold into one note giving both ends' states at that point
   * (e.g. start a close diagram after the handshake). Default 0: every step. A diagram that starts after
   * step 0 has no set-up left to fold, so `setup` does not matter then.
   */
  from?: number;
  /** How the leading set-up calls are drawn (see SETUP_MODES). Default `fold`. */
  setup?: SetupMode;
}

// The calls that only set a socket up: none puts anything on the wire (socket(2), bind(2), listen(2)).
const SETUP_OPS: ReadonlySet<string> = new Set(['socket', 'bind', 'listen']);

/**
 * The set-up steps a trace opens with: the leading run of socket/bind/listen calls, on either side, that
 * succeeded and carry no lesson note; it ends at the first other step (connect, a segment, a failed
 * call…). Empty when the trace opens otherwise. Pure.
 */
export function setupSteps(trace: Trace): TraceStep[] {
  const run: TraceStep[] = [];
  for (const st of trace.steps) {
    const step = st.step;
    const ok = (st.result as { ok?: boolean } | undefined)?.ok === true;
    if (!('call' in step) || !SETUP_OPS.has(step.op) || !ok || step.note || st.sent.length > 0) break;
    run.push(st);
  }
  return run;
}

/**
 * What a diagram of `trace` draws, in order: `start`, the step whose states open a diagram drawn from a
 * later step (`opts.from`); `setup`, the set-up steps drawn together as one step (empty when unfolded,
 * when drawn from a later step, or when there are none); then `steps`, drawn one by one. Throws a
 * RangeError naming the scenario on a `from` outside the trace or an unknown `setup`. Pure.
 */
export function shownSteps(
  trace: Trace,
  opts: RenderOptions = {},
): { start?: TraceStep; setup: TraceStep[]; steps: TraceStep[] } {
  const { from = 0, setup = 'fold' } = opts;
  if (!Number.isInteger(from) || from < 0 || from >= Math.max(trace.steps.length, 1))
    throw new RangeError(
      `${trace.scenario.id}: "from" must be a step index from 0 to ${trace.steps.length - 1}, got ${from}`,
    );
  if (!(SETUP_MODES as readonly string[]).includes(setup))
    throw new RangeError(
      `${trace.scenario.id}: "setup" must be ${SETUP_MODES.map((m) => `"${m}"`).join(' or ')}, got ${JSON.stringify(setup)}`,
    );
  if (from > 0) return { start: trace.steps[from], setup: [], steps: trace.steps.slice(from) };
  const folded = setup === 'fold' ? setupSteps(trace) : [];
  return { setup: folded, steps: trace.steps.slice(folded.length) };
}

/**
 * The folded set-up, one part per side in the order the sides first act: its calls and, where they
 * changed its state, the state they leave it in, as the model's trace says. Pure.
 * Example: `[{ "side": "server", "calls": ["socket()", "bind(80)", "listen()"], "state": "LISTEN" }, { "side": "client", "calls": ["socket()"] }]`
 */
function setupParts(setup: TraceStep[]): { side: Side; calls: string[]; state?: string }[] {
  const sides = [...new Set(setup.map((st) => sideOf(st)!))];
  const last = setup[setup.length - 1]!;
  return sides.map((side) => {
    const own = setup.filter((st) => sideOf(st) === side);
    const changed = own.some((st) => st.changes.some((c) => c.side === side));
    return { side, calls: own.map(callText), ...(changed ? { state: last.after[side] } : {}) };
  });
}

/** One side's part of the folded set-up in `lang`: "Server: socket(), bind(80), listen() → LISTEN". Pure. */
function setupPartText(lang: Lang, part: ReturnType<typeof setupParts>[number]): string {
  const calls = part.calls.reduce((first, second) => t(lang, 'diagram.trace.setup.calls', { first, second }));
  return byWhom(lang, sideName(lang, part.side), part.state ? `${calls} → ${part.state}` : calls);
}

/** The folded set-up as one line in `lang`, as the table twin and the stepper say it. Pure. */
const setupLine = (lang: Lang, setup: TraceStep[]): string =>
  setupParts(setup)
    .map((p) => setupPartText(lang, p))
    .reduce((first, second) => t(lang, 'diagram.trace.setup.sides', { first, second }));

/**
 * The folded set-up's note, line by line: over both lifelines, one line per side; over one side's lifeline
 * when only that side sets up, one line per call (kept narrow, as a note over the outer lifeline widens the
 * diagram by its overhang). Pure.
 */
function setupNote(lang: Lang, setup: TraceStep[]): { over: string; lines: string[] } {
  const parts = setupParts(setup);
  if (parts.length > 1) return { over: 'C,S', lines: parts.map((p) => setupPartText(lang, p)) };
  const { side, calls, state } = parts[0]!;
  const lines = calls.map((call, i) => (i === 0 ? byWhom(lang, sideName(lang, side), call) : call));
  if (state) lines[lines.length - 1] += ` → ${state}`;
  return { over: P(side), lines };
}

/**
 * What one drawn statement of a scenario diagram shows, in statement order, notes and messages apart
 * as Mermaid draws them: `el` the kind of statement, `step` the trace step it belongs to (null for the
 * note of the steps before `from`, always shown; the folded set-up's last step for its note), `kind` how
 * it is styled (a call, a segment, a state change or another event: a timer, a crash, an error, the
 * lesson's remark).
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
  const { steps, start, setup } = shownSteps(trace, opts);
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
  // Text given as several lines is joined with Mermaid's line break, which mermaidSafe would remove.
  const add = (head: string, text: string | string[], kind: StepMark['kind']) => {
    lines.push(`  ${head}: ${(typeof text === 'string' ? [text] : text).map(mermaidSafe).join('<br/>')}`);
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
  if (setup.length > 0) {
    const { over, lines: text } = setupNote(lang, setup);
    current = setup[setup.length - 1]!.index;
    add(`Note over ${over}`, text, 'call');
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

/**
 * The trace as a table for readers who cannot see the diagram: one row per step shown, the folded set-up
 * one row (its step cell a range, "0–3"). Pure.
 */
export function traceToTable(
  trace: Trace,
  lang: Lang,
  opts: RenderOptions = {},
): { headers: string[]; rows: string[][] } {
  const st8 = (b: string, a: string) => (a === b ? a : `${b} → ${a}`);
  const { setup, steps } = shownSteps(trace, opts);
  const rows = steps.map((st) => {
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
  if (setup.length > 0) {
    const [first, last] = [setup[0]!, setup[setup.length - 1]!];
    rows.unshift([
      first === last ? String(first.index) : `${first.index}–${last.index}`,
      setupLine(lang, setup),
      st8(first.before.client, last.after.client),
      st8(first.before.server, last.after.server),
      '',
    ]);
  }
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
 * and a table, both in `lang`, drawn as `opts` says (see RenderOptions). Pure; throws a RangeError
 * naming the scenario when `from` is not one of its steps or `setup` is unknown.
 */
export function scenarioDiagramSource(trace: Trace, lang: Lang, opts: RenderOptions = {}): ScenarioDiagramSource {
  const { headers, rows } = traceToTable(trace, lang, opts);
  return { source: traceToMermaid(trace, lang, opts), table: { head: headers, rows } };
}
