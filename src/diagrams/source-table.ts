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
