/**
 * Every check across files, run once per build (from the lessons loader, src/content.config.ts):
 * lessons ↔ languages, lessons ↔ scenarios (diagrams), lessons ↔ answer keys ↔ the model. Each problem
 * names the file, the line or field, and the fix. Pure given the site content.
 */
import { createQuizModel } from '~/quiz/model';
import type { SiteContent } from '../site';
import { checkLessonDiagrams } from './diagrams';
import { checkLessons, type LessonRef } from './lessons';
import { checkQuizzes } from './quizzes';

/**
 * The problems of the whole site. `orders` gives each lesson's front matter order by collection id
 * (the lessons loader has it); lessons without one are not checked for order.
 */
export function siteProblems(
  site: SiteContent,
  langs: readonly string[],
  orders: ReadonlyMap<string, number>,
): string[] {
  const refs: LessonRef[] = site.lessons.map((l) => ({
    id: l.id,
    filePath: l.filePath,
    order: orders.get(l.id) ?? NaN,
  }));
  const model = createQuizModel(site.scenarios);
  return [
    ...site.problems,
    ...checkLessons(refs, langs),
    ...site.lessons.flatMap((l) => l.outline.problems.map((p) => `${l.filePath}:${p.line}: ${p.message}`)),
    ...checkLessonDiagrams(site.lessons, langs, [...site.scenarios.keys()]),
    ...checkQuizzes(site.lessons, site.keys, model, langs),
  ];
}
