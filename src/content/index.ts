/**
 * The pages' way to the content: lessons, scenarios (and their traces), answer keys, the quiz model
 * and the glossary, all from the content collections (src/content.config.ts). Astro runtime only.
 */
import { readFileSync } from 'node:fs';
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import type { Lang } from '~/i18n';
import { createQuizModel, type SiteModel } from '~/quiz/model';
import type { QuizKeys } from '~/quiz/registry';
import type { Scenario, Trace } from '~/tcp';
import { lessonFile, splitLessonId, type LessonFile } from './site';
import type { GlossaryEntry } from './glossary/schema';

export { splitLessonId };
export type LessonEntry = CollectionEntry<'lessons'>;

/** A lesson as the pages need it: the entry plus where it lives. */
export interface Lesson {
  entry: LessonEntry;
  lang: Lang;
  /** URL slug shared by both languages, e.g. "socket-phone". */
  slug: string;
  /** File name without extension, e.g. "01-socket-phone". */
  file: string;
}

/** The lessons of one language in reading order. */
export async function getLessons(lang: Lang): Promise<Lesson[]> {
  const entries = await getCollection('lessons', (entry) => entry.id.startsWith(`${lang}/`));
  return entries
    .map((entry) => {
      const { file, slug } = splitLessonId(entry.id);
      return { entry, lang, slug, file };
    })
    .sort((a, b) => a.entry.data.order - b.entry.data.order);
}

const outlines = new Map<string, LessonFile>();

/** A lesson's outline (its diagrams and questions, with lines), read once per build. */
export function getLessonFile(lesson: Lesson): LessonFile {
  const id = lesson.entry.id;
  let file = outlines.get(id);
  if (!file) {
    const filePath = lesson.entry.filePath ?? `content/lessons/${id}.mdx`;
    outlines.set(id, (file = lessonFile(id, filePath, readFileSync(filePath, 'utf8'))));
  }
  return file;
}

let model: Promise<SiteModel> | undefined;

/** The quiz model over every scenario: answers, traces, segments. One per build. */
export function getSiteModel(): Promise<SiteModel> {
  model ??= getCollection('scenarios').then((entries) => createQuizModel(new Map(entries.map((e) => [e.id, e.data]))));
  return model;
}

/** Every scenario id, sorted. */
export async function scenarioIds(): Promise<string[]> {
  return (await getCollection('scenarios')).map((e) => e.id).sort();
}

/** A scenario by id; throws naming the known ids when there is none. */
export async function getScenario(id: string): Promise<Scenario> {
  const entry = await getEntry('scenarios', id);
  if (!entry)
    throw new Error(
      `there is no content/scenarios/${id}.json. Known scenarios: ${(await scenarioIds()).join(', ') || '(none)'}.`,
    );
  return entry.data;
}

/** A scenario's trace through the model, computed once per build. */
export async function getTrace(id: string): Promise<Trace> {
  await getScenario(id);
  return (await getSiteModel()).trace(id);
}

/** A lesson's answer keys, or undefined when it has none. */
export async function getKeys(slug: string): Promise<QuizKeys | undefined> {
  return (await getEntry('quizzes', slug))?.data;
}

/** Every glossary entry, in file order. */
export async function getGlossary(): Promise<GlossaryEntry[]> {
  return (await getCollection('glossary')).map((e) => e.data);
}

/**
 * Minutes to read a lesson body. Chinese is counted in characters (about 400 a minute),
 * English in words (about 220 a minute); code blocks count at half speed. Pure.
 */
export function readingMinutes(body: string, lang: Lang): number {
  const text = body.replace(/^import .*$/gm, '').replace(/<[^>]+>/g, ' ');
  const units =
    lang === 'zh'
      ? (text.match(/[\u3400-\u9fff]/g)?.length ?? 0) / 400 + (text.match(/[A-Za-z]+/g)?.length ?? 0) / 220
      : (text.match(/\S+/g)?.length ?? 0) / 220;
  return Math.max(1, Math.round(units));
}
