/**
 * The scenario list for the scenarios page: every content/scenarios/<id>.json with its title and
 * description in one language, and the lessons that draw it or compute a question's answer from it.
 */
import type { Lang } from '~/i18n';
import { loadScenario, scenarioIds } from '~/components/lesson/diagrams';
import { parseQuizKeys, type QuizKeys } from '~/quiz/keys';
import { keyFiles, lessonFiles } from '~/quiz/site';
import { parseScenario, type Profile } from '~/tcp';

/** One scenario as the page lists it. */
export interface ScenarioEntry {
  id: string;
  title: string;
  description?: string;
  profile: Profile;
  /**
   * The lessons that use the scenario, with where: `at` counts the lesson's scenarios in the order
   * it shows them (diagrams first, then those its questions compute from).
   */
  uses: { slug: string; at: number }[];
}

/**
 * The scenario ids a lesson's MDX draws with <ScenarioDiagram scenario="…">. Fenced code is not
 * skipped: a lesson that shows the tag as an example also names a real scenario. Pure.
 */
export function diagramScenarios(source: string): string[] {
  const ids = [...source.matchAll(/<ScenarioDiagram\b[^>]*?\bscenario\s*=\s*["']([^"']+)["']/g)].map((m) => m[1]!);
  return [...new Set(ids)];
}

/** The scenario ids a lesson's answer keys compute answers from. Pure. */
export function keyScenarios(keys: QuizKeys): string[] {
  const ids = Object.values(keys).flatMap((key) => {
    if (key.type === 'choice') return [];
    if (key.type === 'order') return 'scenario' in key.source ? [key.source.scenario] : [];
    return [key.scenario];
  });
  return [...new Set(ids)];
}

/** Every scenario of the site in `lang`, by id, with the lessons that use it. Reads the content folders. */
export function scenarioEntries(lang: Lang): ScenarioEntry[] {
  const uses = new Map<string, Map<string, number>>();
  const use = (ids: string[], slug: string, from: number) =>
    ids.forEach((id, i) => {
      const lessons = uses.get(id) ?? new Map<string, number>();
      if (!lessons.has(slug)) lessons.set(slug, from + i);
      uses.set(id, lessons);
    });
  const shown = new Map<string, number>();
  for (const lesson of lessonFiles()) {
    if (lesson.lang !== lang) continue;
    const ids = diagramScenarios(lesson.source);
    use(ids, lesson.slug, 0);
    shown.set(lesson.slug, ids.length);
  }
  for (const file of keyFiles()) {
    use(keyScenarios(parseQuizKeys(file.data, file.file)), file.slug, shown.get(file.slug) ?? 0);
  }
  return scenarioIds().map((id) => {
    const { json, file } = loadScenario(id);
    const scenario = parseScenario(json, file);
    const entry: ScenarioEntry = {
      id,
      title: scenario.title[lang],
      profile: scenario.profile,
      uses: [...(uses.get(id) ?? new Map<string, number>())].map(([slug, at]) => ({ slug, at })),
    };
    if (scenario.description) entry.description = scenario.description[lang];
    return entry;
  });
}

/**
 * Scenarios in the order a reader meets them: by the first lesson that uses each (lessons given in
 * reading order), then by where in that lesson; scenarios no listed lesson uses come last, by id.
 * Each gets `lessons`, the slugs of the listed lessons that use it, in reading order. Pure.
 */
export function inLessonOrder(
  entries: readonly ScenarioEntry[],
  lessonOrder: readonly string[],
): (ScenarioEntry & { lessons: string[] })[] {
  const rank = (slug: string) => lessonOrder.indexOf(slug);
  const placed = entries.map((entry) => {
    const uses = entry.uses.filter((u) => rank(u.slug) >= 0).sort((a, b) => rank(a.slug) - rank(b.slug) || a.at - b.at);
    return { entry: { ...entry, lessons: uses.map((u) => u.slug) }, first: uses[0] };
  });
  return placed
    .sort((a, b) => {
      if (!a.first || !b.first) return a.first ? -1 : b.first ? 1 : a.entry.id.localeCompare(b.entry.id);
      return rank(a.first.slug) - rank(b.first.slug) || a.first.at - b.first.at || a.entry.id.localeCompare(b.entry.id);
    })
    .map((p) => p.entry);
}
