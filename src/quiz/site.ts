/**
 * The site's quiz sources, read at build time through Vite globs: lesson MDX, answer keys and
 * scenarios, the model over them, and `getQuizzes(lang, slug)` for worksheet pages. Not pure
 * (it reads the content folders), but has no DOM or Astro dependency.
 */
import { LANGS, type Lang } from '~/i18n';
import { splitLessonId } from '~/lessons/checks';
import { checkQuizzes, type KeyFile, type LessonFile } from './check';
import { parseQuizKeys } from './keys';
import { modelFromScenarios } from './model';
import { worksheetOf, type WorksheetQuestion } from './worksheet';

const keyModules = import.meta.glob<unknown>('/content/quizzes/*.json', { eager: true, import: 'default' });
const scenarioModules = import.meta.glob<unknown>('/content/scenarios/*.json', { eager: true, import: 'default' });
const lessonModules = import.meta.glob<string>('/content/lessons/*/*.{md,mdx}', {
  eager: true,
  query: '?raw',
  import: 'default',
});

const fileOf = (path: string) => path.replace(/^\//, '');

/** The model over content/scenarios, shared by everything in one build. */
export const siteModel = modelFromScenarios(
  Object.fromEntries(Object.entries(scenarioModules).map(([path, json]) => [fileOf(path), json])),
);

/** Every lesson source. */
export function lessonFiles(): LessonFile[] {
  return Object.entries(lessonModules).map(([path, source]) => {
    const { lang, slug } = splitLessonId(path.replace(/^\/content\/lessons\//, '').replace(/\.mdx?$/, ''));
    return { file: fileOf(path), lang, slug, source };
  });
}

/** Every key file, parsed JSON. */
export function keyFiles(): KeyFile[] {
  return Object.entries(keyModules).map(([path, data]) => ({
    file: fileOf(path),
    slug: path.replace(/^.*\/([^/]+)\.json$/, '$1'),
    data,
  }));
}

/** The raw key data of one lesson, or undefined when it has no key file. */
export function keyData(slug: string): { file: string; data: unknown } | undefined {
  const path = `/content/quizzes/${slug}.json`;
  return path in keyModules ? { file: fileOf(path), data: keyModules[path] } : undefined;
}

/** Every problem the build check finds across the site (empty when all is well). */
export function siteQuizProblems(): string[] {
  return checkQuizzes(lessonFiles(), keyFiles(), siteModel, LANGS);
}

/**
 * A lesson's questions with their localized text, answers (model-computed where possible) and
 * explanations, in page order: the data for a worksheet and its answer key. Empty when the lesson
 * has no questions.
 */
export function getQuizzes(lang: Lang, slug: string): WorksheetQuestion[] {
  const lesson = lessonFiles().find((l) => l.lang === lang && l.slug === slug);
  const keys = keyData(slug);
  if (!lesson || !keys) return [];
  return worksheetOf(
    { file: lesson.file, lang, source: lesson.source },
    parseQuizKeys(keys.data, keys.file),
    siteModel,
  );
}
