/**
 * Build-time helpers shared by the quiz components: which lesson and language a page is, its keys,
 * the model, and the site-wide quiz check (run once per build; any problem fails `astro build`).
 */
import { localeLang, type Lang } from '~/i18n';
import { parseQuizKeys, type QuizKey } from '~/quiz/keys';
import { keyData, siteModel, siteQuizProblems } from '~/quiz/site';

/** The model over the site's scenarios, shared by every component of the build. */
export const model = siteModel;

const pathParts = (url: URL) =>
  url.pathname
    .slice(import.meta.env.BASE_URL.replace(/\/$/, '').length)
    .split('/')
    .filter(Boolean);

/** The page's language (Astro.currentLocale) and lesson slug, read from its URL (/<base>/<lang>/<slug>/). */
export function pageContext(
  component: string,
  url: URL,
  currentLocale: string | undefined,
  lessonProp?: string,
): { lang: Lang; slug: string } {
  const lang = localeLang(currentLocale, component);
  const slug = lessonProp ?? pathParts(url)[1];
  if (!slug)
    throw new Error(`<${component}>: cannot tell the lesson from ${url.pathname}; pass lesson="<lesson-slug>".`);
  return { lang, slug };
}

/** The answer key of one question; throws naming the file when it is missing or of another type. */
export function keyFor<T extends QuizKey['type']>(
  component: string,
  slug: string,
  id: string,
  type: T,
): Extract<QuizKey, { type: T }> {
  const source = keyData(slug);
  if (!source)
    throw new Error(
      `<${component} id="${id}">: no answer keys for lesson "${slug}"; create content/quizzes/${slug}.json.`,
    );
  const key = parseQuizKeys(source.data, source.file)[id];
  if (!key) throw new Error(`<${component} id="${id}">: ${source.file} has no key "${id}".`);
  if (key.type !== type)
    throw new Error(
      `<${component} id="${id}">: ${source.file} gives type "${key.type}"; <${component}> needs "${type}".`,
    );
  return key as Extract<QuizKey, { type: T }>;
}

let checked: string[] | undefined;

/** Runs the site-wide quiz check once and throws listing every problem. */
export function assertQuizzesValid(): void {
  checked ??= siteQuizProblems();
  if (checked.length > 0) throw new Error(`Quiz check failed:\n- ${checked.join('\n- ')}`);
}

/** JSON text for a data- attribute holding a scenario, parsed and checked, that the browser runs. */
export function scenarioAttr(id: string): string {
  // Titles and notes are for diagrams; the browser only runs the steps.
  const { id: sid, profile, seed, steps } = model.scenario(id);
  return JSON.stringify({ id: sid, profile, seed, steps: steps.map(({ note: _note, ...step }) => step) });
}
