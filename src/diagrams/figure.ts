/**
 * Everything a diagram's figure holds besides the SVG: its name and description read from the
 * Mermaid source (accTitle, accDescr), the "show as table" twin of a hand-written source, and the
 * figure markup itself, the same for a ```mermaid fence and a ScenarioDiagram. All exports are pure.
 */
import { t, type Lang } from '../i18n';

/** A table twin: column headings and rows of plain text cells. */
export interface DiagramTable {
  head: string[];
  rows: string[][];
}

/** Everything a diagram figure shows. */
export interface FigureParts {
  lang: Lang;
  /** The accTitle; names the scroll container. */
  title?: string | undefined;
  /** Inline SVG, already themed; or, for the dev-only fallback, the markup that draws it later. */
  body: string;
  table: DiagramTable;
  /** The Mermaid diagram kind, e.g. "sequenceDiagram" (a hook for CSS and tests). */
  kind: string;
  /** What a feature adds: attributes of the figure element, and markup between the SVG and the table twin. */
  extra?: FigureExtra | undefined;
}

/** Additions to a figure, e.g. the stepper's: `{ "attrs": " data-stepper", "afterBody": "<div class=\"stepper\" hidden>…</div>" }` */
export interface FigureExtra {
  /** Attributes, each with a leading space, already escaped. */
  attrs: string;
  /** Markup, already escaped. */
  afterBody: string;
}

/** Escapes text for HTML element content and double-quoted attributes. Pure. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The markup of a diagram, the same for a ```mermaid fence and a ScenarioDiagram: the caption
 * first (a figure's caption must be its first or last child, and the "show as table" twin comes
 * last), then the SVG at natural size in a keyboard-scrollable container, then the twin. The
 * caption names the figure; a diagram without accTitle gets a generic name instead. Pure.
 *
 *   <figure class="diagram"><figcaption>…</figcaption><div class="diagram-scroll">…</div><details>…</details></figure>
 */
export function figureHtml({ lang, title, body, table, kind, extra }: FigureParts): string {
  const label = t(lang, 'diagram.region', { title: title || t(lang, 'diagram.untitled') });
  const head = table.head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const rows = table.rows
    .map(
      (r) =>
        `<tr>${r.map((cell, i) => (i === 0 ? `<th scope="row">${escapeHtml(cell)}</th>` : `<td>${escapeHtml(cell)}</td>`)).join('')}</tr>`,
    )
    .join('');
  const name = title ? '' : ` aria-label="${escapeHtml(t(lang, 'diagram.untitled'))}"`;
  return (
    `<figure class="diagram" data-diagram-kind="${escapeHtml(kind)}"${name}${extra?.attrs ?? ''}>` +
    (title ? `<figcaption>${escapeHtml(title)}</figcaption>` : '') +
    `<div class="diagram-scroll" tabindex="0" role="group" aria-label="${escapeHtml(label)}">${body}</div>` +
    (extra?.afterBody ?? '') +
    `<details class="diagram-table"><summary>${escapeHtml(t(lang, 'diagram.showTable'))}</summary>` +
    `<div class="diagram-table-scroll"><table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div>` +
    `</details></figure>`
  );
}

/**
 * What a Mermaid source says about itself without rendering it: its kind and its accessible
 * title and description (`accTitle: …`, `accDescr: …` or `accDescr { … }`).
 *
 * ```json
 * { "kind": "sequenceDiagram", "title": "The three-way handshake", "description": "Three segments…" }
 * ```
 */
export interface SourceInfo {
  kind: string;
  title?: string;
  description?: string;
}

/** Reads the kind, accTitle and accDescr of a Mermaid source. Pure. */
export function sourceInfo(source: string): SourceInfo {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const first = lines.find((l) => l.trim() !== '' && !l.trim().startsWith('%%'));
  const kind = first?.trim().split(/\s+/)[0] ?? '';
  const info: SourceInfo = { kind };
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    const title = /^accTitle\s*:\s*(.*)$/.exec(line);
    if (title) info.title = (title[1] as string).trim();
    const descr = /^accDescr\s*:\s*(.*)$/.exec(line);
    if (descr) info.description = (descr[1] as string).trim();
    const block = /^accDescr\s*\{\s*(.*)$/.exec(line);
    if (block) {
      const parts: string[] = [];
      let rest = block[1] as string;
      while (!rest.includes('}') && i + 1 < lines.length) {
        parts.push(rest.trim());
        rest = lines[++i] as string;
      }
      parts.push(rest.slice(0, rest.indexOf('}')).trim());
      info.description = parts.filter(Boolean).join(' ');
    }
  }
  return info;
}

/**
 * The accessibility lines a source is missing, e.g. ['accTitle'] — empty when it has both. Pure.
 */
export function missingAccessibility(source: string): string[] {
  const info = sourceInfo(source);
  const missing: string[] = [];
  if (!info.title) missing.push('accTitle');
  if (!info.description) missing.push('accDescr');
  return missing;
}

/**
 * The "show as table" rows of a hand-written Mermaid diagram, read from its source: a sequence
 * diagram's messages and notes, a state diagram's transitions, a flowchart's edges.
 *
 * ```json
 * [{ "from": "Client", "to": "Server", "text": "SYN" }, { "from": "Server", "to": "", "text": "Note: …" }]
 * ```
 */
export interface SourceRow {
  /** Who sends (sequence), the old state (state diagram) or the edge's start (flowchart). */
  from: string;
  /** Who receives, the new state or the edge's end; empty for a note. */
  to: string;
  /** The message, transition or edge label, or the note's text. */
  text: string;
  /** True for a sequence diagram's note. */
  note?: boolean;
}

const SEQ_ARROW = /^(.+?)\s*(<<-->>|<<->>|-->>|->>|--x|-x|--\)|-\)|-->|->)\s*[+-]?\s*(.+?)\s*:\s*(.*)$/;
const SEQ_NOTE = /^note\s+(?:over|left of|right of)\s+(.+?)\s*:\s*(.*)$/i;
const SEQ_ACTOR = /^(?:participant|actor)\s+(\S+)(?:\s+as\s+(.+))?$/;
const STATE_EDGE = /^(\S+)\s*-->\s*(\S+?)\s*(?::\s*(.*))?$/;
const FLOW_EDGE =
  /^([\w-]+)(?:[[({][^\]})]*[\])}]+)?\s*(?:--\s*(.+?)\s*)?(?:-->|---|==>|-\.->)\s*(?:\|(.+?)\|\s*)?([\w-]+)/;

// Mermaid writes <br> for a line break inside a label and #59; style entities for special characters.
function clean(text: string): string {
  return text
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/^"(.*)"$/, '$1')
    .trim();
}

/** The rows of a Mermaid source's table twin (empty for a kind it cannot read). Pure. */
export function sourceRows(source: string): SourceRow[] {
  const lines = source
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('%%') && !/^acc(Title|Descr)\b/.test(l));
  const kind = lines[0]?.split(/\s+/)[0] ?? '';
  const body = lines.slice(1);
  if (kind === 'sequenceDiagram') return sequenceRows(body);
  if (kind.startsWith('stateDiagram')) return stateRows(body);
  if (kind === 'flowchart' || kind === 'graph') return flowRows(body);
  return [];
}

function sequenceRows(lines: string[]): SourceRow[] {
  const names = new Map<string, string>();
  const name = (id: string) => names.get(id.trim()) ?? clean(id);
  const rows: SourceRow[] = [];
  for (const line of lines) {
    const actor = SEQ_ACTOR.exec(line);
    if (actor) {
      names.set(actor[1] as string, clean(actor[2] ?? (actor[1] as string)));
      continue;
    }
    const note = SEQ_NOTE.exec(line);
    if (note) {
      const over = (note[1] as string).split(',').map(name).join(', ');
      rows.push({ from: over, to: '', text: clean(note[2] as string), note: true });
      continue;
    }
    const msg = SEQ_ARROW.exec(line);
    if (msg) rows.push({ from: name(msg[1] as string), to: name(msg[3] as string), text: clean(msg[4] as string) });
  }
  return rows;
}

function stateRows(lines: string[]): SourceRow[] {
  const rows: SourceRow[] = [];
  for (const line of lines) {
    const edge = STATE_EDGE.exec(line);
    if (edge) rows.push({ from: edge[1] as string, to: edge[2] as string, text: clean(edge[3] ?? '') });
  }
  return rows;
}

function flowRows(lines: string[]): SourceRow[] {
  const rows: SourceRow[] = [];
  for (const line of lines) {
    const edge = FLOW_EDGE.exec(line);
    if (edge) rows.push({ from: edge[1] as string, to: edge[4] as string, text: clean(edge[2] ?? edge[3] ?? '') });
  }
  return rows;
}

/**
 * The table twin of a hand-written Mermaid source, with headings in `lang`: numbered steps for a
 * sequence diagram (notes marked as such), transitions for a state diagram, edges for a
 * flowchart. A kind it cannot read gets one row holding the diagram's description. Pure.
 */
export function sourceTable(source: string, kind: string, lang: Lang, description: string | undefined): DiagramTable {
  const rows = sourceRows(source);
  if (kind === 'sequenceDiagram') {
    return {
      head: [
        t(lang, 'diagram.col.step'),
        t(lang, 'diagram.col.from'),
        t(lang, 'diagram.col.to'),
        t(lang, 'diagram.col.message'),
      ],
      rows: rows.map((r, i) => [String(i + 1), r.from, r.note ? t(lang, 'diagram.note') : r.to, r.text]),
    };
  }
  const endpoint = (s: string, side: 'from' | 'to') =>
    s === '[*]' ? t(lang, side === 'from' ? 'diagram.start' : 'diagram.end') : s;
  if (kind.startsWith('stateDiagram')) {
    return {
      head: [t(lang, 'diagram.col.fromState'), t(lang, 'diagram.col.toState'), t(lang, 'diagram.col.label')],
      rows: rows.map((r) => [endpoint(r.from, 'from'), endpoint(r.to, 'to'), r.text]),
    };
  }
  if (rows.length > 0) {
    return {
      head: [t(lang, 'diagram.col.from'), t(lang, 'diagram.col.to'), t(lang, 'diagram.col.label')],
      rows: rows.map((r) => [r.from, r.to, r.text]),
    };
  }
  return { head: [t(lang, 'diagram.untitled')], rows: [[description ?? '']] };
}
