import { isLang, localeLang, type Lang } from '~/i18n';

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

/** The diagram's language: the `lang` prop if given (it must be 'zh' or 'en'), else the page's (Astro.currentLocale). */
export function diagramLang(prop: unknown, currentLocale: string | undefined): Lang {
  if (prop === undefined) return localeLang(currentLocale, 'ScenarioDiagram');
  if (!isLang(prop))
    throw new Error(`<ScenarioDiagram>: the "lang" prop must be "zh" or "en"; received ${JSON.stringify(prop)}.`);
  return prop;
}

// Per page (keyed by the page's Request), how many ScenarioDiagrams with each Mermaid source it has drawn.
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
