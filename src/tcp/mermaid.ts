/**
 * Renders a trace as Mermaid `sequenceDiagram` source and as a plain table (the diagram's text twin).
 * The only file of the model with reader-facing words. All exports are pure.
 */
import type { SentSegment, Side } from './types';
import type { Trace, TraceStep } from './run';
import { formatFlags } from './segment';

/** A language of the site. */
export type Lang = 'zh' | 'en';

const T = {
  en: {
    client: 'Client',
    server: 'Server',
    lost: 'lost',
    again: 'retransmitted',
    delayed: 'delayed',
    stuck: 'still in flight',
    notRunning: 'not running',
    injected: 'injected',
    crash: 'host crashes and reboots: its connections are forgotten',
    /** A remark after a label: " (lost)". */
    aside: (s: string) => ` (${s})`,
    /** Joins remarks: "retransmitted, lost". */
    and: ', ',
    /** Who did it: "Client: ". */
    who: (s: string) => `${s}: `,
    /** The note that stands for the steps a diagram starts after (each side's state follows it). */
    folded: 'Earlier steps not drawn',
    timer: {
      retransmit: 'retransmission timer fires',
      time_wait: '2·MSL timer expires',
      fin_wait_2: 'FIN_WAIT_2 timer expires',
      delayed_ack: 'delayed ACK timer fires',
    },
    head: ['Step', 'Action', 'Client', 'Server', 'Segments sent'],
    descr: (c: string, s: string) =>
      `Sequence of segments between the client and the server. Final states: client ${c}, server ${s}.`,
  },
  zh: {
    client: '客户端',
    server: '服务器',
    lost: '丢失',
    again: '重传',
    delayed: '延迟',
    stuck: '仍在途中',
    notRunning: '未运行',
    injected: '外部注入',
    crash: '主机崩溃重启，连接状态全部丢失',
    aside: (s: string) => `\uFF08${s}\uFF09`,
    and: '\u3001',
    who: (s: string) => `${s}\uFF1A`,
    folded: '前面的步骤略去不画',
    timer: {
      retransmit: '重传计时器到期',
      time_wait: '2·MSL 计时器到期',
      fin_wait_2: 'FIN_WAIT_2 计时器到期',
      delayed_ack: '延迟 ACK 计时器到期',
    },
    head: ['步骤', '操作', '客户端', '服务器', '发出的报文段'],
    descr: (c: string, s: string) => `客户端与服务器之间的报文段时序。最终状态：客户端 ${c}，服务器 ${s}。`,
  },
};

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

/** A segment's label, e.g. "SYN, ACK seq=300 ack=101" or "ACK seq=101 ack=301 len=5". Pure. */
export function segmentLabel(s: SentSegment): string {
  return `${formatFlags(s)} seq=${s.seq}${s.flags.ack ? ` ack=${s.ack}` : ''}${s.len ? ` len=${s.len}` : ''}`;
}

const P = (side: Side) => (side === 'client' ? 'C' : 'S');
const callText = (st: TraceStep): string => {
  const step = st.step;
  if (!('call' in step)) return '';
  const a = step.args ?? {};
  const arg =
    step.op === 'bind' || step.op === 'connect'
      ? (a.port ?? '')
      : step.op === 'shutdown'
        ? (a.how ?? 'SHUT_WR')
        : (step.op === 'write' || step.op === 'send') && a.data !== undefined
          ? `'${a.data}'`
          : '';
  const r = st.result as { ok: boolean; errno?: string; value?: number } | undefined;
  const res = !r
    ? ''
    : !r.ok
      ? ` → ${r.errno}`
      : (step.op === 'read' || step.op === 'recv') && r.value !== undefined
        ? ` → ${r.value}${r.value ? '' : ' (EOF)'}`
        : '';
  return `${step.op}(${arg})${res}`;
};
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

/** What a diagram or table shows of a trace. */
export interface RenderOptions {
  /** Overrides the scenario's title (accTitle). */
  title?: string;
  /** Overrides the scenario's description (accDescr). */
  description?: string;
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

/** Mermaid `sequenceDiagram` source for `trace`, with accTitle/accDescr and notes in `lang`. Pure. */
export function traceToMermaid(trace: Trace, lang: Lang, opts: RenderOptions = {}): string {
  const t = T[lang];
  const { steps, start } = shown(trace, opts.from);
  const last = trace.steps[trace.steps.length - 1];
  const end = last?.after ?? { client: 'CLOSED', server: 'CLOSED' };
  const lines = [
    'sequenceDiagram',
    `  accTitle: ${mermaidSafe(opts.title ?? trace.scenario.title[lang])}`,
    `  accDescr: ${mermaidSafe(opts.description ?? trace.scenario.description?.[lang] ?? t.descr(end.client, end.server))}`,
    `  participant C as ${t.client}`,
    `  participant S as ${t.server}`,
  ];
  // Only the text after the colon comes from data; the arrow or `Note over` before it must keep its `>`.
  const add = (head: string, text: string) => lines.push(`  ${head}: ${mermaidSafe(text)}`);
  const arrow = (s: SentSegment, kind: '->>' | '-x' | '--)', extra?: string) => {
    const tags = [s.retransmit && t.again, s.injected && t.injected, extra].filter(Boolean).join(t.and);
    add(
      `${P(s.from)}${kind}${P(s.from === 'client' ? 'server' : 'client')}`,
      segmentLabel(s) + (tags ? t.aside(tags) : ''),
    );
  };
  if (start) {
    add('Note over C,S', t.folded);
    add('Note over C', start.before.client);
    add('Note over S', start.before.server);
  }
  for (const st of steps) {
    const step = st.step;
    const side = sideOf(st);
    if ('call' in step && side) add(`Note over ${P(side)}`, callText(st));
    if ('timer' in step && side)
      add(
        `Note over ${P(side)}`,
        t.timer[step.timer] + ((st.result as { fired?: boolean }).fired ? '' : t.aside(t.notRunning)),
      );
    if ('crash' in step && side) add(`Note over ${P(side)}`, t.crash);
    for (const s of st.deliveredAll ?? (st.delivered ? [st.delivered] : [])) arrow(s, '->>');
    if (st.dropped) arrow(st.dropped, '-x', t.lost);
    if (st.delayed) add('Note over C,S', segmentLabel(st.delayed) + t.aside(t.delayed));
    for (const e of st.errors) if (!('call' in step)) add(`Note over ${P(e.side)}`, e.errno);
    // A state is drawn as "→ LISTEN", so it cannot be mistaken for the call listen() in the note above it.
    for (const c of st.changes) add(`Note over ${P(c.side)}`, `→ ${c.to}`);
    if (step.note) add('Note over C,S', step.note[lang]);
  }
  for (const s of trace.inFlight) arrow(s, '--)', t.stuck);
  return lines.join('\n') + '\n';
}

/** The trace as a table for readers who cannot see the diagram: one row per step shown. Pure. */
export function traceToTable(
  trace: Trace,
  lang: Lang,
  opts: Pick<RenderOptions, 'from'> = {},
): { headers: string[]; rows: string[][] } {
  const t = T[lang];
  const st8 = (b: string, a: string) => (a === b ? a : `${b} → ${a}`);
  const rows = shown(trace, opts.from).steps.map((st) => {
    const step = st.step;
    const side = sideOf(st);
    const who = side ? t.who(t[side]) : '';
    const moved = st.deliveredAll ?? (st.delivered ? [st.delivered] : []);
    const arrows = (ss: SentSegment[], tag = '') =>
      ss
        .map((s) => t.who(`${t[s.from]} → ${t[s.from === 'client' ? 'server' : 'client']}`) + segmentLabel(s) + tag)
        .join(' / ');
    const action =
      'call' in step
        ? who + callText(st)
        : 'timer' in step
          ? who + t.timer[step.timer]
          : 'crash' in step
            ? who + t.crash
            : 'inject' in step
              ? arrows(st.sent, t.aside(t.injected))
              : st.dropped
                ? arrows([st.dropped], t.aside(t.lost))
                : st.delayed
                  ? arrows([st.delayed], t.aside(t.delayed))
                  : arrows(moved);
    const errs = 'call' in step ? [] : st.errors.map((e) => t.who(t[e.side]) + e.errno);
    return [
      String(st.index),
      [action, ...errs].join(' / '),
      st8(st.before.client, st.after.client),
      st8(st.before.server, st.after.server),
      st.sent.map(segmentLabel).join(' / '),
    ];
  });
  return { headers: [...t.head], rows };
}
