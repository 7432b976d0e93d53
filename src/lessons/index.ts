import { getCollection, type CollectionEntry } from 'astro:content';
import type { Lang } from '~/i18n';
import { splitLessonId } from './checks';

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
