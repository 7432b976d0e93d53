/** Shared by the TCP model tests: load scenario files and print traces compactly. */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseScenario, segmentLabel, type Scenario, type Trace } from '../../../src/tcp';

export const SCENARIO_DIR = fileURLToPath(new URL('../../../content/scenarios/', import.meta.url));

/** Every scenario file name in content/scenarios. */
export const scenarioFiles = (): string[] =>
  readdirSync(SCENARIO_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();

/** Parses content/scenarios/<id>.json. */
export function loadScenario(id: string): Scenario {
  return parseScenario(JSON.parse(readFileSync(SCENARIO_DIR + id + '.json', 'utf8')), `content/scenarios/${id}.json`);
}

/** One line per step: "CLIENT SERVER | segments sent | errors". */
export function compact(trace: Trace): string[] {
  return trace.steps.map((s) => {
    const segs = s.sent.map(segmentLabel).join(' + ');
    const errs = s.errors.map((e) => `${e.side} ${e.op} ${e.errno}`).join(' + ');
    return [`${s.after.client} ${s.after.server}`, segs, errs].filter(Boolean).join(' | ');
  });
}
