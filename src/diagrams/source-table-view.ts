import { t, type Lang } from '../i18n';
import type { DiagramTable } from './figure';
import { sourceRows } from './source-table';

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
