import type { Lang } from '../i18n';
import { traceToMermaid, traceToTable, type Trace } from '../tcp';
import type { DiagramTable } from './figure';

/** A scenario turned into what renderDiagram takes: Mermaid source and the table twin. */
export interface ScenarioDiagramSource {
  source: string;
  table: DiagramTable;
}

/**
 * Turns a scenario's trace through the TCP model into a Mermaid sequence diagram and a table, both in
 * `lang`, starting at step `from` (the steps before it fold into one note). Pure; throws a RangeError
 * naming the scenario when `from` is not one of its steps.
 */
export function scenarioDiagramSource(trace: Trace, lang: Lang, from = 0): ScenarioDiagramSource {
  const { headers, rows } = traceToTable(trace, lang, { from });
  return { source: traceToMermaid(trace, lang, { from }), table: { head: headers, rows } };
}

// Per page (keyed by the page's Request), how many diagrams with each Mermaid source it has drawn.
const INSTANCES = new WeakMap<object, Map<string, number>>();

/**
 * 1 for the first diagram with this Mermaid source on the page `page` (Astro.request), 2 for a
 * repeat, …: renderDiagram uses it to keep element ids unique when a page draws a scenario twice.
 */
export function diagramInstance(page: object, source: string): number {
  let seen = INSTANCES.get(page);
  if (!seen) INSTANCES.set(page, (seen = new Map()));
  const n = (seen.get(source) ?? 0) + 1;
  seen.set(source, n);
  return n;
}
