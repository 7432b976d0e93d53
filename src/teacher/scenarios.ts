/**
 * The scenario list for the scenarios page: every scenario with its title and description in one
 * language, and the lessons that draw it or compute a question's answer from it. Pure.
 */
import type { Lang } from '~/i18n';
import type { LessonOutline } from '~/content/outline';
import { keyScenario, type QuizKeys } from '~/quiz/registry';
import type { Profile, Scenario } from '~/tcp';

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
 * Every scenario of the site in `lang`, by id, with the lessons that use it: the diagrams each lesson
 * draws (from its outline), then the scenarios its answer keys compute from. Pure given its inputs.
 */
export function scenarioEntries(
  lang: Lang,
  scenarios: readonly Scenario[],
  lessons: readonly { slug: string; outline: LessonOutline; keys?: QuizKeys | undefined }[],
): ScenarioEntry[] {
  const uses = new Map<string, Map<string, number>>();
  const use = (ids: string[], slug: string, from: number) =>
    [...new Set(ids)].forEach((id, i) => {
      const lessons = uses.get(id) ?? new Map<string, number>();
      if (!lessons.has(slug)) lessons.set(slug, from + i);
      uses.set(id, lessons);
    });
  for (const lesson of lessons) {
    const drawn = [...new Set(lesson.outline.diagrams.map((d) => d.scenario))];
    use(drawn, lesson.slug, 0);
    const computed = Object.values(lesson.keys ?? {}).flatMap((key) => keyScenario(key) ?? []);
    use(computed, lesson.slug, drawn.length);
  }
  return [...scenarios]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((scenario) => {
      const entry: ScenarioEntry = {
        id: scenario.id,
        title: scenario.title[lang],
        profile: scenario.profile,
        uses: [...(uses.get(scenario.id) ?? new Map<string, number>())].map(([slug, at]) => ({ slug, at })),
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
