/**
 * The whole site's content read straight from disk with the data readers (src/content/data.ts) and the
 * lesson outline, for code that runs outside Astro's content layer: the cross-file checks (run once,
 * from the lessons loader), diagram render-ahead at build start, and tests. Not pure: reads the disk.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Scenario } from '~/tcp';
import type { QuizKeys } from '~/quiz/registry';
import { readQuizKeys, readScenario } from './data';
import { lessonOutline, OutlineSyntaxError, type LessonOutline } from './outline';

/** A lesson file with its outline (or the syntax error that stopped it). */
export interface LessonFile {
  /** Collection id, e.g. "zh/02-three-way-handshake". */
  id: string;
  /** Path from the project root, e.g. "content/lessons/zh/02-three-way-handshake.mdx". */
  filePath: string;
  lang: string;
  /** File name without extension, e.g. "02-three-way-handshake". */
  file: string;
  /** URL slug, e.g. "three-way-handshake". */
  slug: string;
  outline: LessonOutline;
}

/** Everything the checks read, with the problems met while reading. */
export interface SiteContent {
  lessons: LessonFile[];
  scenarios: Map<string, Scenario>;
  /** Answer keys by lesson slug. */
  keys: Map<string, { file: string; keys: QuizKeys }>;
  /** Files that could not be read, each message naming the file and where. */
  problems: string[];
}

/** "zh/01-socket-phone" → { lang: "zh", file: "01-socket-phone", slug: "socket-phone" }. Pure. */
export function splitLessonId(id: string): { lang: string; file: string; slug: string } {
  const [lang = '', ...rest] = id.split('/');
  const file = rest.join('/');
  return { lang, file, slug: file.replace(/^\d+-/, '') };
}

const EMPTY_OUTLINE: LessonOutline = { mermaid: [], diagrams: [], questions: [], problems: [] };

/** Reads one lesson file (the whole file, so lines match the editor's) into its outline. */
export function lessonFile(id: string, filePath: string, source: string): LessonFile {
  let outline = EMPTY_OUTLINE;
  try {
    outline = lessonOutline(source);
  } catch (error) {
    if (!(error instanceof OutlineSyntaxError)) throw error;
    outline = {
      ...EMPTY_OUTLINE,
      problems: [{ line: error.line, message: `the MDX does not parse: ${error.message}` }],
    };
  }
  return { id, filePath, ...splitLessonId(id), outline };
}

const list = (dir: string, ext: RegExp) => {
  try {
    return readdirSync(dir)
      .filter((f) => ext.test(f))
      .sort();
  } catch {
    return [];
  }
};

/** Reads every lesson, scenario and answer key under `root`. Not pure. */
export function readSite(root: string): SiteContent {
  const problems: string[] = [];
  const lessons: LessonFile[] = [];
  for (const lang of list(join(root, 'content/lessons'), /^[^.]/))
    for (const name of list(join(root, 'content/lessons', lang), /\.mdx?$/)) {
      const filePath = `content/lessons/${lang}/${name}`;
      lessons.push(
        lessonFile(`${lang}/${name.replace(/\.mdx?$/, '')}`, filePath, readFileSync(join(root, filePath), 'utf8')),
      );
    }
  const scenarios = new Map<string, Scenario>();
  for (const name of list(join(root, 'content/scenarios'), /\.json$/)) {
    const file = `content/scenarios/${name}`;
    try {
      const scenario = readScenario(readFileSync(join(root, file), 'utf8'), file);
      scenarios.set(scenario.id, scenario);
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  const keys = new Map<string, { file: string; keys: QuizKeys }>();
  for (const name of list(join(root, 'content/quizzes'), /\.json$/)) {
    const file = `content/quizzes/${name}`;
    try {
      keys.set(name.replace(/\.json$/, ''), { file, keys: readQuizKeys(readFileSync(join(root, file), 'utf8'), file) });
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  return { lessons, scenarios, keys, problems };
}
