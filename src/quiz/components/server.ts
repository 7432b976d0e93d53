/**
 * Build-time helpers shared by the question components: which lesson and language a page is, the
 * question's key (from the quizzes collection) and the model. The keys were checked against the
 * lessons and the model when the content loaded (src/content/checks), so a component only guards
 * against being used where it cannot work.
 */
import { localeLang, type Lang } from '~/i18n';
import { getKeys, getSiteModel } from '~/content';
import type { QuizKey } from '~/quiz/registry';
import { embedJson } from '~/diagrams/stepper/steps';

export { getSiteModel };

const pathParts = (url: URL) =>
  url.pathname
    .slice(import.meta.env.BASE_URL.replace(/\/$/, '').length)
    .split('/')
    .filter(Boolean);

/**
 * The page's language and lesson slug: the `lesson` prop, else the URL (/<base>/<lang>/<slug>/ or
 * /<base>/<lang>/teacher/<slug>/ for a worksheet).
 */
export function pageContext(
  component: string,
  url: URL,
  currentLocale: string | undefined,
  lessonProp?: string,
): { lang: Lang; slug: string } {
  const lang = localeLang(currentLocale, component);
  const parts = pathParts(url);
  const slug = lessonProp ?? (parts[1] === 'teacher' ? parts[2] : parts[1]);
  if (!slug)
    throw new Error(`<${component}>: cannot tell the lesson from ${url.pathname}; pass lesson="<lesson-slug>".`);
  return { lang, slug };
}

/** The answer key of one question; throws naming the file when it is missing or of another type. */
export async function keyFor<T extends QuizKey['type']>(
  component: string,
  slug: string,
  id: string,
  type: T,
): Promise<Extract<QuizKey, { type: T }>> {
  const file = `content/quizzes/${slug}.json`;
  const keys = await getKeys(slug);
  if (!keys) throw new Error(`<${component} id="${id}">: no answer keys for lesson "${slug}"; create ${file}.`);
  const key = keys[id];
  if (!key) throw new Error(`<${component} id="${id}">: ${file} has no key "${id}".`);
  if (key.type !== type)
    throw new Error(`<${component} id="${id}">: ${file} gives type "${key.type}"; <${component}> needs "${type}".`);
  return key as Extract<QuizKey, { type: T }>;
}

/**
 * The prefix of the ids a question gives its parts on the page (its prompt, hint, option marks): "q" and
 * the place of its key among its lesson's answer keys, e.g. "q3". Short, because a question repeats it on
 * every option, and unique on the page because every question there is a different key of the page's
 * lesson; one shown on another lesson's page (the `lesson` prop) adds that lesson, "q-faq-3". The same in
 * both languages, since they share the keys.
 */
export async function idPrefix(component: string, slug: string, id: string, lessonProp?: string): Promise<string> {
  const place = Object.keys((await getKeys(slug)) ?? {}).indexOf(id);
  if (place < 0) throw new Error(`<${component} id="${id}">: content/quizzes/${slug}.json has no key "${id}".`);
  return lessonProp === undefined ? `q${place}` : `q-${slug}-${place}`;
}

/**
 * A scenario that the browser runs (checked at load), as JSON for a `<script type="application/json">`: in an
 * attribute every quotation mark would cost six bytes (&quot;).
 */
export async function scenarioJson(id: string): Promise<string> {
  // Titles and notes are for diagrams; the browser only runs the steps.
  const { id: sid, profile, seed, steps } = (await getSiteModel()).scenario(id);
  return embedJson({ id: sid, profile, seed, steps: steps.map(({ note: _note, ...step }) => step) });
}
