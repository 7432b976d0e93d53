/**
 * Build-time helpers shared by the quiz components: which lesson and language a page is, its keys,
 * the model, and the site-wide quiz check (run once per build; any problem fails `astro build`).
 */
import { isLang, LANGS, type Lang } from '~/i18n';
import { splitLessonId } from '~/lessons/checks';
import { checkQuizzes, type KeyFile, type LessonFile } from '~/quiz/check';
import { parseQuizKeys, type QuizKey } from '~/quiz/keys';
import { modelFromScenarios } from '~/quiz/model';

const keyModules = import.meta.glob<unknown>('/content/quizzes/*.json', { eager: true, import: 'default' });
const scenarioModules = import.meta.glob<unknown>('/content/scenarios/*.json', { eager: true, import: 'default' });
const lessonModules = import.meta.glob<string>('/content/lessons/*/*.{md,mdx}', { eager: true, query: '?raw', import: 'default' });

const fileOf = (path: string) => path.replace(/^\//, '');
const slugOfKeyFile = (path: string) => path.replace(/^.*\/([^/]+)\.json$/, '$1');

/** The model over the site's scenarios, shared by every component of the build. */
export const model = modelFromScenarios(Object.fromEntries(Object.entries(scenarioModules).map(([path, json]) => [fileOf(path), json])));

/** The page's language and lesson slug, read from its URL (/<base>/<lang>/<slug>/). */
export function pageContext(component: string, url: URL, currentLocale: string | undefined, lessonProp?: string): { lang: Lang; slug: string } {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  const parts = url.pathname.slice(base.length).split('/').filter(Boolean);
  const lang = isLang(currentLocale) ? currentLocale : parts[0];
  if (!isLang(lang)) throw new Error(`<${component}>: cannot tell the page language from ${url.pathname}; quiz components belong in lesson pages.`);
  const slug = lessonProp ?? parts[1];
  if (!slug) throw new Error(`<${component}>: cannot tell the lesson from ${url.pathname}; pass lesson="<lesson-slug>".`);
  return { lang, slug };
}

/** The answer key of one question; throws naming the file when it is missing or of another type. */
export function keyFor<T extends QuizKey['type']>(component: string, slug: string, id: string, type: T): Extract<QuizKey, { type: T }> {
  const path = `/content/quizzes/${slug}.json`;
  const data = keyModules[path];
  if (data === undefined) throw new Error(`<${component} id="${id}">: no answer keys for lesson "${slug}"; create ${fileOf(path)}.`);
  const key = parseQuizKeys(data, fileOf(path))[id];
  if (!key) throw new Error(`<${component} id="${id}">: ${fileOf(path)} has no key "${id}".`);
  if (key.type !== type) throw new Error(`<${component} id="${id}">: ${fileOf(path)} gives type "${key.type}"; <${component}> needs "${type}".`);
  return key as Extract<QuizKey, { type: T }>;
}

let checked: string[] | undefined;

/** Runs the site-wide quiz check once and throws listing every problem. */
export function assertQuizzesValid(): void {
  checked ??= checkQuizzes(lessonFiles(), keyFiles(), model, LANGS);
  if (checked.length > 0) throw new Error(`Quiz check failed:\n- ${checked.join('\n- ')}`);
}

/** Every lesson source, for the check and the worksheet. */
export function lessonFiles(): LessonFile[] {
  return Object.entries(lessonModules).map(([path, source]) => {
    const { lang, slug } = splitLessonId(path.replace(/^\/content\/lessons\//, '').replace(/\.mdx?$/, ''));
    return { file: fileOf(path), lang, slug, source };
  });
}

/** Every key file. */
export function keyFiles(): KeyFile[] {
  return Object.entries(keyModules).map(([path, data]) => ({ file: fileOf(path), slug: slugOfKeyFile(path), data }));
}

/** JSON text for a data- attribute holding a scenario, parsed and checked, that the browser runs. */
export function scenarioAttr(id: string): string {
  // Titles and notes are for diagrams; the browser only runs the steps.
  const { id: sid, profile, seed, steps } = model.scenario(id);
  return JSON.stringify({ id: sid, profile, seed, steps: steps.map(({ note: _note, ...step }) => step) });
}
