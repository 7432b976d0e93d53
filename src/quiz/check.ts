/**
 * The build's quiz check: every question in every lesson has a key, ids are unique, both languages
 * ask the same questions with the same options, keys point at existing options, and every answer
 * the model can compute agrees with what the key and the lesson say. Pure: files in, problems out.
 */
import { answerOf, segmentId, type QuizModel } from './answers';
import { parseQuizKeys, QuizKeyError, type QuizKey, type QuizKeys } from './keys';
import { QUESTION_TAGS, scanQuizzes, type QuestionTag, type ScannedQuestion } from './scan';

/** A lesson file as read from disk. */
export interface LessonFile {
  /** Path for messages, e.g. content/lessons/en/02-three-way-handshake.mdx. */
  file: string;
  lang: string;
  slug: string;
  source: string;
}

/** A key file as read from disk: parsed JSON, or the JSON error. */
export interface KeyFile {
  file: string;
  slug: string;
  data: unknown;
  jsonError?: string;
}

const TYPE_OF_TAG: Record<QuestionTag, QuizKey['type']> = {
  Choice: 'choice',
  Order: 'order',
  NumberQuestion: 'number',
  StateQuestion: 'state',
};

/** Parsed keys per lesson slug, and any problems met while parsing. Pure. */
export function readKeys(keyFiles: readonly KeyFile[]): {
  keys: Map<string, { file: string; keys: QuizKeys }>;
  problems: string[];
} {
  const keys = new Map<string, { file: string; keys: QuizKeys }>();
  const problems: string[] = [];
  for (const k of keyFiles) {
    if (k.jsonError) {
      problems.push(`${k.file}: not valid JSON (${k.jsonError})`);
      continue;
    }
    try {
      keys.set(k.slug, { file: k.file, keys: parseQuizKeys(k.data, k.file) });
    } catch (error) {
      if (error instanceof QuizKeyError) problems.push(error.message);
      else throw error;
    }
  }
  return { keys, problems };
}

/** Checks keys against the model on their own: scenarios exist and computed answers agree with `expect`. Pure given the model. */
export function checkKeysWithModel(file: string, keys: QuizKeys, model: QuizModel): string[] {
  const problems: string[] = [];
  for (const [id, key] of Object.entries(keys)) {
    const at = `${file}: question "${id}"`;
    const scenario =
      key.type === 'order'
        ? 'scenario' in key.source
          ? key.source.scenario
          : undefined
        : key.type === 'choice'
          ? undefined
          : key.scenario;
    if (scenario !== undefined && !model.hasScenario(scenario)) {
      problems.push(`${at}: there is no scenario "${scenario}" (content/scenarios/${scenario}.json)`);
      continue;
    }
    try {
      const answer = answerOf(key, model);
      if (key.type === 'state' && answer.type === 'state') {
        const steps = model.stepCount(key.scenario);
        if (key.step > steps)
          problems.push(`${at}: "step" is ${key.step} but scenario "${key.scenario}" has ${steps} steps`);
        const unknown = answer.options.filter((s) => !model.states.includes(s));
        if (unknown.length)
          problems.push(
            `${at}: "options" has ${unknown.join(', ')}, which the model does not know; states are ${model.states.join(', ')}`,
          );
        if (!answer.options.includes(answer.state))
          problems.push(
            `${at}: the model says the ${key.side} is in ${answer.state} after step ${key.step} of "${key.scenario}", which is not among "options" (${answer.options.join(', ')})`,
          );
        if (key.expect !== undefined && key.expect !== answer.state)
          problems.push(
            `${at}: the key expects ${key.expect}, but the model says the ${key.side} is in ${answer.state} after step ${key.step} of scenario "${key.scenario}"`,
          );
      }
      if (key.type === 'number' && answer.type === 'number' && key.expect !== undefined && key.expect !== answer.value)
        problems.push(
          `${at}: the key expects ${key.expect}, but the model says segment ${key.segment} of scenario "${key.scenario}" has ${key.field} = ${answer.value} (ISNs: client ${answer.isns.client}, server ${answer.isns.server})`,
        );
    } catch (error) {
      problems.push(`${at}: the model could not answer it: ${(error as Error).message}`);
    }
  }
  return problems;
}

/** Everything the build checks, over all lessons and key files. Returns the problems; empty means fine. Pure given the model. */
export function checkQuizzes(
  lessons: readonly LessonFile[],
  keyFiles: readonly KeyFile[],
  model: QuizModel,
  langs: readonly string[],
): string[] {
  const { keys, problems } = readKeys(keyFiles);
  for (const [, { file, keys: k }] of keys) problems.push(...checkKeysWithModel(file, k, model));

  const seen = new Map<string, string>(); // "lang:id" → where it was first used
  const bySlug = new Map<string, Map<string, { file: string; questions: ScannedQuestion[] }>>();
  for (const lesson of lessons) {
    const { questions, problems: scanProblems } = scanQuizzes(lesson.source);
    for (const p of scanProblems) problems.push(`${lesson.file}:${p.line}: ${p.message}`);
    const perLang = bySlug.get(lesson.slug) ?? new Map();
    perLang.set(lesson.lang, { file: lesson.file, questions });
    bySlug.set(lesson.slug, perLang);
    const lessonKeys = keys.get(lesson.slug);
    for (const q of questions) {
      const at = `${lesson.file}:${q.line}: question "${q.id}"`;
      if (!q.id) continue;
      const first = seen.get(`${lesson.lang}:${q.id}`);
      if (first) problems.push(`${at}: the id "${q.id}" is already used at ${first}; every question needs its own id`);
      else seen.set(`${lesson.lang}:${q.id}`, `${lesson.file}:${q.line}`);
      if (q.lesson !== undefined && q.lesson !== lesson.slug)
        problems.push(`${at}: lesson="${q.lesson}" but the file is lesson "${lesson.slug}"`);
      const key = lessonKeys?.keys[q.id];
      if (!key) {
        problems.push(`${at}: no answer key; add "${q.id}" to content/quizzes/${lesson.slug}.json`);
        continue;
      }
      if (key.type !== TYPE_OF_TAG[q.tag]) {
        problems.push(
          `${at}: <${q.tag}> needs a key of type "${TYPE_OF_TAG[q.tag]}", but ${lessonKeys!.file} says "${key.type}"`,
        );
        continue;
      }
      problems.push(...checkChildren(at, q, key, lessonKeys!.file, model));
    }
  }

  // Both languages must ask the same questions, in the same order, with the same options.
  for (const [slug, perLang] of bySlug) {
    const present = langs.filter((l) => perLang.has(l));
    const [ref, ...rest] = present;
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
        const ca = qa.children
          .map((c) => c.id)
          .sort()
          .join();
        const cb = qb.children
          .map((c) => c.id)
          .sort()
          .join();
        if (ca !== cb) problems.push(`${b.file}:${qb.line}: question "${qb.id}" has [${cb}] but ${a.file} has [${ca}]`);
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
  return problems;
}

function checkChildren(at: string, q: ScannedQuestion, key: QuizKey, keyFile: string, model: QuizModel): string[] {
  const problems: string[] = [];
  const ids = q.children.map((c) => c.id);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) problems.push(`${at}: two <${QUESTION_TAGS[q.tag]}>s have id "${dup}"`);
  const compare = (expected: string[], what: string, source: string) => {
    const missing = expected.filter((id) => !ids.includes(id));
    const extra = ids.filter((id) => !expected.includes(id));
    if (missing.length)
      problems.push(
        `${at}: ${what} [${missing.join(', ')}] but the lesson has no <${QUESTION_TAGS[q.tag]} id=…> for ${missing.length > 1 ? 'them' : 'it'}`,
      );
    if (extra.length)
      problems.push(
        `${at}: the lesson has <${QUESTION_TAGS[q.tag]}> [${extra.join(', ')}] that ${source} does not list (it lists ${expected.join(', ')})`,
      );
  };
  if (key.type === 'choice') compare(key.options, `${keyFile} lists options`, keyFile);
  if (key.type === 'order') {
    try {
      const order = answerOf(key, model);
      if (order.type === 'order') {
        const source = key.source;
        const fromModel = !('answer' in source);
        const what =
          'answer' in source
            ? `${keyFile} orders`
            : `the model says the steps are ${'calls' in source ? `the ${source.calls}'s calls in "${source.scenario}"` : `the segments of "${source.scenario}"`}:`;
        if (fromModel && new Set(order.order).size !== order.order.length)
          problems.push(
            `${at}: the model's order [${order.order.join(', ')}] repeats an item; an ordering question needs distinct steps`,
          );
        compare(order.order, what, fromModel ? "the model's order" : keyFile);
      }
    } catch (error) {
      problems.push(`${at}: the model could not answer it: ${(error as Error).message}`);
    }
  }
  if ((key.type === 'number' || key.type === 'state') && q.children.length)
    problems.push(`${at}: <${q.tag}> takes no children; its answer comes from the model`);
  return problems;
}

export { segmentId };
