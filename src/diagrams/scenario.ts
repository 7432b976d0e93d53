import type { Lang } from '../i18n';
import { parseScenario, runScenario, traceToMermaid, traceToTable } from '../tcp';
import type { DiagramTable } from './figure';

/** A scenario turned into what renderDiagram takes: Mermaid source and the table twin. */
export interface ScenarioDiagramSource {
  source: string;
  table: DiagramTable;
}

/**
 * Runs the scenario in `json` (read from `file`) through the TCP model and turns its trace into a
 * Mermaid sequence diagram and a table, both in `lang`, starting at step `from` (the steps before it
 * fold into one note). Pure; throws the model's ScenarioError (naming the file and step) on a bad
 * scenario, and a RangeError naming the scenario when `from` is not one of its steps.
 */
export function scenarioDiagramSource(json: unknown, file: string, lang: Lang, from = 0): ScenarioDiagramSource {
  const trace = runScenario(parseScenario(json, file));
  const { headers, rows } = traceToTable(trace, lang, { from });
  return { source: traceToMermaid(trace, lang, { from }), table: { head: headers, rows } };
}
