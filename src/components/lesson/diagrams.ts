// Every scenario file, bundled at build time; the key is the file's path from the project root.
const FILES = import.meta.glob<unknown>('/content/scenarios/*.json', { eager: true, import: 'default' });

/** The ids of content/scenarios/<id>.json, sorted. */
export function scenarioIds(): string[] {
  return Object.keys(FILES)
    .map((path) => path.slice(path.lastIndexOf('/') + 1, -'.json'.length))
    .sort();
}

/**
 * The JSON of content/scenarios/<id>.json and its path. Throws, naming the id and the known ids,
 * when there is no such scenario.
 */
export function loadScenario(id: unknown): { json: unknown; file: string } {
  if (typeof id !== 'string' || id === '') {
    throw new Error(
      `<ScenarioDiagram>: the "scenario" prop must be a scenario id such as "handshake"; received ${JSON.stringify(id)}.`,
    );
  }
  const file = `/content/scenarios/${id}.json`;
  if (!(file in FILES)) {
    throw new Error(
      `<ScenarioDiagram scenario="${id}">: there is no content/scenarios/${id}.json. Known scenarios: ${scenarioIds().join(', ') || '(none)'}.`,
    );
  }
  return { json: FILES[file], file: file.slice(1) };
}
