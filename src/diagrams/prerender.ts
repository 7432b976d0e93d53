import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isLang, type Lang } from '../i18n';
import { scanLessonDiagrams } from '../lessons/checks';
import { DEFAULT_CACHE_DIR, readCached } from './cache';
import { cacheKey, normalizeSource } from './options';
import { langFromPath } from './plugin';
import { renderDiagram } from './render';
import { scenarioDiagramSource } from './scenario';
import { chromiumPath, session } from './session';

/** A ```mermaid fence found in a Markdown or MDX file. */
export interface Fence {
  /** The file, relative to the project root. */
  file: string;
  /** The line of the opening fence, counted from 1 (as the Markdown plugin reports it). */
  line: number;
  source: string;
}

/** A <ScenarioDiagram> found in an MDX file. */
export interface ScenarioUse {
  scenario: string;
  /** Its `lang` prop, else the language of the lesson folder. */
  lang: Lang;
  /** Its `from` prop (`from={9}` or `from="9"`): the first step drawn. */
  from: number;
}

/**
 * The ```mermaid (or ~~~mermaid) fences of one Markdown text, with the line of each opening fence.
 * Only fences at the start of a line are read: an indented one (in a list, say) is left to the
 * Markdown plugin, which sees exactly what the Markdown parser made of it. Pure.
 */
export function findFences(text: string, file: string): Fence[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const fences: Fence[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,}|~{3,})\s*mermaid\s*$/.exec(lines[i] as string);
    if (!open) continue;
    const marker = open[1] as string;
    const close = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`);
    let end = i + 1;
    while (end < lines.length && !close.test(lines[end] as string)) end++;
    // An unclosed fence runs to the end of the document, as in CommonMark.
    fences.push({ file, line: i + 1, source: lines.slice(i + 1, end).join('\n') });
    i = end;
  }
  return fences;
}

/**
 * The <ScenarioDiagram scenario="…"> elements of one MDX text, read as the build's lesson check reads
 * them (code and comments skipped), with the language each draws in: its `lang` prop if it has one,
 * else the language of `file`'s lesson folder. Pure.
 */
export function findScenarioUses(text: string, file: string): ScenarioUse[] {
  return scanLessonDiagrams(text).scenarios.map((d) => ({
    scenario: d.scenario,
    lang: isLang(d.lang) ? d.lang : langFromPath(file),
    from: d.from ?? 0,
  }));
}

/** Every .md and .mdx file under `dirs` (relative to `root`), sorted. Reads the disk. */
export function markdownFiles(root: string, dirs: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(join(root, dir), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const path = join(dir, e.name);
      if (e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules') walk(path);
      else if (e.isFile() && /\.mdx?$/.test(e.name)) out.push(path);
    }
  };
  for (const dir of dirs) walk(dir);
  return out.sort();
}

/** A diagram to render ahead of the pages: its source, language and where it was found. */
interface Pending {
  source: string;
  lang: Lang;
  file: string;
  line?: number;
}

/**
 * Renders, before the bundler starts, the diagrams of the Markdown and MDX files under `dirs` that
 * the cache lacks (```mermaid fences and <ScenarioDiagram>s, whose Mermaid the TCP model writes),
 * so that each one has the build's browser and a CPU to itself instead of competing with Vite
 * (on two cores that doubled a state diagram's render time). The pages then find them in memory.
 * A diagram that fails to render is left to its page, which reports it with its file and line.
 * Does nothing without a browser (a release build then fails in the page, naming the file).
 * Returns how many diagrams it rendered. Not pure: reads the disk, renders, writes the cache.
 */
export async function prerenderDiagrams(
  root: string,
  dirs: readonly string[],
  cacheDir: string = DEFAULT_CACHE_DIR,
): Promise<number> {
  const s = session();
  const missing = new Map<string, Pending>();
  const consider = (d: Pending) => {
    const key = cacheKey(normalizeSource(d.source));
    if (!missing.has(key) && readCached(key, cacheDir) === undefined) missing.set(key, d);
  };
  for (const file of markdownFiles(root, dirs)) {
    const text = readFileSync(join(root, file), 'utf8');
    for (const fence of findFences(text, file)) consider({ ...fence, lang: langFromPath(file) });
    for (const use of findScenarioUses(text, file)) {
      const scenarioFile = `content/scenarios/${use.scenario}.json`;
      try {
        const json: unknown = JSON.parse(readFileSync(join(root, scenarioFile), 'utf8'));
        consider({
          source: scenarioDiagramSource(json, scenarioFile, use.lang, use.from).source,
          lang: use.lang,
          file,
        });
      } catch {
        // A missing or invalid scenario fails its page, with the model's message.
      }
    }
  }
  if (missing.size === 0 || !chromiumPath()) return 0;
  let rendered = 0;
  for (const d of missing.values()) {
    const before = s.stats.uncached.count;
    await renderDiagram({ ...d, cacheDir, ahead: true }).catch(() => undefined);
    rendered += s.stats.uncached.count - before;
  }
  return rendered;
}
