/**
 * The quiz checks: every question in every lesson has a key of its type, ids are unique, both
 * languages ask the same questions with the same items, the items match the key or the model, every
 * key is asked, and every answer the model computes agrees with what the key says. The question
 * types (src/quiz/registry.ts) supply the per-type rules. Pure given the model.
 */
import type { QuizModel } from '~/quiz/answers';
import { keyScenario, typeOf, typeOfTag, type QuizKeys } from '~/quiz/registry';
import type { OutlineQuestion } from '~/quiz/types/define';
import type { LessonFile } from '../site';

/** Keys checked against the model on their own: scenarios exist and `expect`s agree. */
export function checkKeysWithModel(file: string, keys: QuizKeys, model: QuizModel): string[] {
  const problems: string[] = [];
  for (const [id, key] of Object.entries(keys)) {
    const at = `${file}: question "${id}"`;
    const scenario = keyScenario(key);
    if (scenario !== undefined && !model.hasScenario(scenario)) {
      problems.push(`${at}: there is no scenario "${scenario}" (content/scenarios/${scenario}.json)`);
      continue;
    }
    try {
      problems.push(
        ...typeOf(key)
          .checkKey(key, model)
          .map((p) => `${at}: ${p}`),
      );
    } catch (error) {
      problems.push(`${at}: the model could not answer it: ${(error as Error).message}`);
    }
  }
  return problems;
}

/** Every quiz problem across the lessons and key files; empty means fine. */
export function checkQuizzes(
  lessons: readonly LessonFile[],
  keys: ReadonlyMap<string, { file: string; keys: QuizKeys }>,
  model: QuizModel,
  langs: readonly string[],
): string[] {
  const problems: string[] = [];
  for (const { file, keys: k } of keys.values()) problems.push(...checkKeysWithModel(file, k, model));
  const seen = new Map<string, string>(); // "lang:id" → where it was first used
  const bySlug = new Map<string, Map<string, { file: string; questions: OutlineQuestion[] }>>();
  for (const lesson of lessons) {
    const questions = lesson.outline.questions;
    const perLang = bySlug.get(lesson.slug) ?? new Map();
    perLang.set(lesson.lang, { file: lesson.filePath, questions });
    bySlug.set(lesson.slug, perLang);
    const lessonKeys = keys.get(lesson.slug);
    for (const q of questions) {
      if (!q.id) continue;
      const at = `${lesson.filePath}:${q.line}: question "${q.id}"`;
      const first = seen.get(`${lesson.lang}:${q.id}`);
      if (first) problems.push(`${at}: the id "${q.id}" is already used at ${first}; every question needs its own id`);
      else seen.set(`${lesson.lang}:${q.id}`, `${lesson.filePath}:${q.line}`);
      if (q.lesson !== undefined && q.lesson !== lesson.slug)
        problems.push(`${at}: lesson="${q.lesson}" but the file is lesson "${lesson.slug}"`);
      const key = lessonKeys?.keys[q.id];
      if (!key) {
        problems.push(`${at}: no answer key; add "${q.id}" to content/quizzes/${lesson.slug}.json`);
        continue;
      }
      const type = typeOfTag(q.tag)!;
      if (key.type !== type.type) {
        problems.push(
          `${at}: <${q.tag}> needs a key of type "${type.type}", but ${lessonKeys!.file} says "${key.type}"`,
        );
        continue;
      }
      try {
        problems.push(
          ...typeOf(key)
            .checkChildren(q, key, model)
            .map((p) => `${at}: ${p}`),
        );
      } catch (error) {
        problems.push(`${at}: the model could not answer it: ${(error as Error).message}`);
      }
    }
  }
  // Both languages must ask the same questions, in the same order, with the same items.
  for (const [slug, perLang] of bySlug) {
    const [ref, ...rest] = langs.filter((l) => perLang.has(l));
    if (!ref) continue;
    const a = perLang.get(ref)!;
    for (const lang of rest) {
      const b = perLang.get(lang)!;
      const idsA = a.questions.map((q) => q.id);
      const idsB = b.questions.map((q) => q.id);
      if (idsA.join() !== idsB.join()) {
        problems.push(
          `${b.file}: asks [${idsB.join(', ')}] but ${a.file} asks [${idsA.join(', ')}]; both languages need the same questions in the same order`,
        );
        continue;
      }
      a.questions.forEach((qa, i) => {
        const qb = b.questions[i]!;
        const items = (q: OutlineQuestion) =>
          q.children
            .map((c) => c.id)
            .sort()
            .join();
        if (items(qa) !== items(qb))
          problems.push(
            `${b.file}:${qb.line}: question "${qb.id}" has [${items(qb)}] but ${a.file} has [${items(qa)}]`,
          );
      });
    }
    // A key no lesson asks is most likely a typo in an id.
    const k = keys.get(slug);
    if (k) {
      const asked = new Set([...perLang.values()].flatMap((l) => l.questions.map((q) => q.id)));
      for (const id of Object.keys(k.keys))
        if (!asked.has(id)) problems.push(`${k.file}: question "${id}" is not asked in any lesson of "${slug}"`);
    }
  }
  for (const [slug, k] of keys)
    if (!bySlug.has(slug))
      problems.push(
        `${k.file}: there is no lesson "${slug}" (content/lessons/<lang>/NN-${slug}.mdx); rename the file after its lesson`,
      );
  return problems;
}
