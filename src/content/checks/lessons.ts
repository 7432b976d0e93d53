/**
 * Checks over the lesson set that no per-file schema can see: both languages hold the same lessons,
 * file names follow NN-slug, and no two lessons share an order. Pure: entries in, problems out.
 */
import { splitLessonId } from '../site';

/** What the checks need of one loaded lesson entry. */
export interface LessonRef {
  /** Collection id, e.g. "zh/01-socket-phone". */
  id: string;
  /** Path of the source file, relative to the repository root. */
  filePath: string;
  order: number;
}

/** Returns every parity and ordering problem in the lesson set, each naming the file and the fix. Pure. */
export function checkLessons(entries: LessonRef[], langs: readonly string[]): string[] {
  const problems: string[] = [];
  const byLang = new Map<string, Map<string, LessonRef>>(langs.map((l) => [l, new Map()]));
  for (const entry of entries) {
    const { lang, file } = splitLessonId(entry.id);
    const files = byLang.get(lang);
    if (!files) {
      problems.push(
        `${entry.filePath}: "${lang}" is not a site language. Move the lesson under content/lessons/{${langs.join(',')}}/.`,
      );
      continue;
    }
    if (!/^\d{2}-[a-z0-9-]+$/.test(file)) {
      problems.push(
        `${entry.filePath}: lesson files are named NN-slug.mdx (two digits, lowercase slug), e.g. 01-socket-phone.mdx.`,
      );
    }
    files.set(file, entry);
  }
  for (const lang of langs) {
    for (const [file, entry] of byLang.get(lang) ?? []) {
      for (const other of langs) {
        if (other !== lang && !byLang.get(other)?.has(file)) {
          problems.push(
            `${entry.filePath}: this lesson exists in "${lang}" only. Add content/lessons/${other}/${file}.mdx (zh and en move together), or remove it.`,
          );
        }
      }
    }
    const orders = new Map<number, LessonRef>();
    for (const entry of byLang.get(lang)?.values() ?? []) {
      if (!Number.isFinite(entry.order)) continue;
      const clash = orders.get(entry.order);
      if (clash) {
        problems.push(
          `${entry.filePath}: order ${entry.order} is already used by ${clash.filePath}. Give each lesson its own order.`,
        );
      } else orders.set(entry.order, entry);
    }
    for (const [file, entry] of byLang.get(lang) ?? []) {
      for (const other of langs) {
        const twin = byLang.get(other)?.get(file);
        if (other > lang && twin && twin.order !== entry.order) {
          problems.push(
            `${entry.filePath}: order ${entry.order} differs from ${twin.filePath} (order ${twin.order}). The same lesson has the same order in both languages.`,
          );
        }
      }
    }
  }
  return problems;
}
