/**
 * One reader per data set: text of a file in, validated data out, or an error naming the file, the
 * line or field, and the fix. The content collections (src/content.config.ts) and the build's
 * cross-file checks (src/content/checks) both call these, so a file is always read the same way. Pure.
 */
import { parseScenario, type Scenario } from '~/tcp';
import { QUESTION_TYPES, questionType, type QuizKeys } from '~/quiz/registry';
import { ID_PATTERN } from '~/quiz/types/define';
import { DataFileError, fieldPath, parseJsonFile } from './json';
import { glossaryEntrySchema, type GlossaryEntry } from './glossary/schema';

export { DataFileError };

/** content/scenarios/<id>.json → the parsed scenario (parseScenario's messages name the step and the fix). */
export function readScenario(text: string, file: string): Scenario {
  const json = parseJsonFile(text, file);
  try {
    return parseScenario(json, file);
  } catch (error) {
    throw new DataFileError((error as Error).message);
  }
}

/**
 * content/quizzes/<lesson-slug>.json → the lesson's answer keys, by question id, each validated by its
 * question type's zod schema (src/quiz/types/<kind>). Every problem of the file in one error.
 */
export function readQuizKeys(text: string, file: string): QuizKeys {
  const data = parseJsonFile(text, file);
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new DataFileError(
      `${file}: expected an object keyed by question id, e.g. { "hs-why-three": { "type": "choice", … } }.`,
    );
  const keys: QuizKeys = {};
  const problems: string[] = [];
  const types = QUESTION_TYPES.map((t) => `"${t.type}"`).join(', ');
  for (const [id, raw] of Object.entries(data as Record<string, unknown>)) {
    if (id === '$schema') continue;
    if (!ID_PATTERN.test(id)) {
      problems.push(`question id "${id}" must be lowercase letters, digits and "-"`);
      continue;
    }
    const typeName = (raw as { type?: unknown } | null)?.type;
    const type = typeof typeName === 'string' ? questionType(typeName) : undefined;
    if (!type) {
      problems.push(`question "${id}": "type" is ${JSON.stringify(typeName)}; expected one of ${types}`);
      continue;
    }
    const result = type.keySchema.safeParse(raw);
    if (result.success) keys[id] = result.data as QuizKeys[string];
    else
      for (const issue of result.error.issues) {
        const field = fieldPath(issue.path);
        const extra = issue.code === 'unrecognized_keys' ? ` (${issue.keys.join(', ')})` : '';
        problems.push(`question "${id}": ${field ? `"${field}" ` : ''}${issue.message}${extra}`);
      }
  }
  if (problems.length)
    throw new DataFileError(
      `${file} is invalid:\n- ${problems.join('\n- ')}\n(Key formats: src/quiz/README.md; each type's fields: src/quiz/types/<type>/index.ts.)`,
    );
  return keys;
}

/** content/glossary.json → its entries, validated; every problem in one error naming the entry and field. */
export function readGlossary(text: string, file: string): GlossaryEntry[] {
  const data = parseJsonFile(text, file);
  if (!Array.isArray(data)) throw new DataFileError(`${file}: expected a JSON array of entries, got ${typeof data}.`);
  const problems: string[] = [];
  const entries: GlossaryEntry[] = [];
  const seen = new Set<string>();
  data.forEach((raw: unknown, index) => {
    const id = (raw as { id?: unknown } | null)?.id;
    const name = typeof id === 'string' && id !== '' ? `entry "${id}"` : `entry #${index + 1} (no id)`;
    const result = glossaryEntrySchema.safeParse(raw);
    if (!result.success) {
      for (const issue of result.error.issues)
        problems.push(`${name}: ${fieldPath(issue.path) || '(entry)'} ${issue.message}`);
      return;
    }
    if (seen.has(result.data.id)) problems.push(`${name}: the id is used twice; ids must be unique.`);
    seen.add(result.data.id);
    entries.push(result.data);
  });
  if (problems.length > 0) throw new DataFileError(`${file} is invalid:\n- ${problems.join('\n- ')}`);
  return entries;
}
