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
 * Mermaid sequence diagram and a table, both in `lang`. Pure; throws the model's ScenarioError
 * (naming the file and step) on a bad scenario.
 */
export function scenarioDiagramSource(json: unknown, file: string, lang: Lang): ScenarioDiagramSource {
  const trace = runScenario(parseScenario(json, file));
  const { headers, rows } = traceToTable(trace, lang);
  return { source: traceToMermaid(trace, lang), table: { head: headers, rows } };
}
