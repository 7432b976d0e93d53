/**
 * Build-time checks over the whole lesson set that no per-file schema can see: both languages hold
 * the same lessons, no two lessons share an order, both languages draw the same diagrams, and every
 * scenario a lesson draws exists. (Quiz parity is src/quiz/check.ts.)
 * Pure: takes the loaded entries, returns the problems as sentences (empty when all is well).
 */

/** What the checks need of one loaded lesson entry. */
export interface LessonRef {
  /** Collection id, e.g. "zh/01-socket-phone". */
  id: string;
  /** Path of the source file, relative to the repository root. */
  filePath: string;
  order: number;
}

/** "zh/01-socket-phone" → { lang: "zh", slug: "socket-phone", file: "01-socket-phone" }. Pure. */
export function splitLessonId(id: string): { lang: string; file: string; slug: string } {
  const [lang = '', ...rest] = id.split('/');
  const file = rest.join('/');
  return { lang, file, slug: file.replace(/^\d+-/, '') };
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

/** A lesson file's text, for the checks that read inside lessons. */
export interface LessonSource {
  /** Collection id, e.g. "zh/02-three-way-handshake". */
  id: string;
  /** Path of the source file, relative to the repository root. */
  filePath: string;
  /** The whole file, front matter included, so that line numbers match the editor's. */
  source: string;
}

/** A `<ScenarioDiagram scenario="…">` in a lesson, with its 1-based line. */
export interface DiagramUse {
  scenario: string;
  /** Its `from` prop (the first step drawn), when it has one. */
  from?: number;
  /** Its `lang` prop, when it draws in a language other than its page's. */
  lang?: string;
  line: number;
}

/** The tag as a reader of the source would recognize it: `scenario="x"` or `scenario="x" from={9}`. */
const shown = (d: DiagramUse) => `scenario="${d.scenario}"${d.from === undefined ? '' : ` from={${d.from}}`}`;

/** What a lesson draws: its scenario diagrams and ```mermaid fences in order, and tags it could not read. */
export interface LessonDiagrams {
  scenarios: DiagramUse[];
  /** Lines of the ```mermaid fences. */
  mermaid: number[];
  problems: { line: number; message: string }[];
}

/** Each top-level fenced code block: the line of its opening fence, its info string, and its extent. */
function fences(source: string): { line: number; info: string; from: number; to: number }[] {
  const lines = source.split('\n');
  const found: { line: number; info: string; from: number; to: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(lines[i]!);
    // A backtick fence's info string may not contain a backtick (CommonMark 4.5).
    if (!open || (open[1]![0] === '`' && open[2]!.includes('`'))) continue;
    const marker = open[1]!;
    const close = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`);
    let end = i + 1;
    while (end < lines.length && !close.test(lines[end]!)) end++;
    found.push({ line: i + 1, info: open[2]!.trim(), from: i, to: Math.min(end, lines.length - 1) });
    i = end;
  }
  return found;
}

const DIAGRAM_TAG = /<ScenarioDiagram\b((?:[^>"'{}]|"[^"]*"|'[^']*'|\{[^}]*\})*)>/g;

/**
 * Reads the diagrams of one lesson: `<ScenarioDiagram scenario="…">` tags and ```mermaid fences, in
 * order, skipping code (fenced blocks, inline code) and MDX comments, where a tag is only shown. Pure.
 */
export function scanLessonDiagrams(source: string): LessonDiagrams {
  const blocks = fences(source);
  const mermaid = blocks.filter((b) => b.info.split(/\s+/)[0] === 'mermaid').map((b) => b.line);
  const lines = source.split('\n');
  for (const b of blocks) for (let i = b.from; i <= b.to; i++) lines[i] = '';
  // Blank inline code and MDX comments without moving anything, so offsets still give the right line.
  const text = lines
    .join('\n')
    .replace(/(`+)[^`]*?\1/g, (code) => code.replace(/[^\n]/g, ' '))
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, (comment) => comment.replace(/[^\n]/g, ' '));
  const lineAt = (offset: number) => text.slice(0, offset).split('\n').length;
  const scenarios: DiagramUse[] = [];
  const problems: LessonDiagrams['problems'] = [];
  for (const m of text.matchAll(DIAGRAM_TAG)) {
    const line = lineAt(m.index);
    const attr = /(?:^|\s)scenario\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*(?:"([^"]*)"|'([^']*)')\s*\}|(\{[^}]*\}))/.exec(
      m[1]!,
    );
    if (!attr) {
      problems.push({
        line,
        message: '<ScenarioDiagram> has no scenario prop. Fix: write <ScenarioDiagram scenario="handshake" />.',
      });
    } else if (attr[5] !== undefined) {
      problems.push({
        line,
        message: `<ScenarioDiagram scenario=${attr[5]}> must name its scenario as a string, so that the build can check it. Fix: write scenario="<id>" with the id of a file in content/scenarios/.`,
      });
    } else {
      const from = /(?:^|\s)from\s*=\s*(?:\{\s*(\d+)\s*\}|"(\d+)"|'(\d+)')/.exec(m[1]!);
      const lang = /(?:^|\s)lang\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(m[1]!);
      scenarios.push({
        scenario: attr[1] ?? attr[2] ?? attr[3] ?? attr[4] ?? '',
        ...(from ? { from: Number(from[1] ?? from[2] ?? from[3]) } : {}),
        ...(lang ? { lang: lang[1] ?? lang[2] } : {}),
        line,
      });
    }
  }
  return { scenarios, mermaid, problems };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Diagram parity across languages, and scenarios that exist: every `<ScenarioDiagram>` names a file in
 * content/scenarios/ (`scenarioIds`), the same lesson shows the same scenario diagrams in the same order
 * in every language, and has as many ```mermaid fences. Returns the problems, each naming the file, the
 * line and the fix. Pure.
 */
export function checkLessonDiagrams(
  lessons: readonly LessonSource[],
  langs: readonly string[],
  scenarioIds: readonly string[],
): string[] {
  const problems: string[] = [];
  const known = new Set(scenarioIds);
  const byFile = new Map<string, Map<string, { filePath: string; diagrams: LessonDiagrams }>>();
  for (const lesson of lessons) {
    const { lang, file } = splitLessonId(lesson.id);
    const diagrams = scanLessonDiagrams(lesson.source);
    for (const p of diagrams.problems) problems.push(`${lesson.filePath}:${p.line}: ${p.message}`);
    for (const d of diagrams.scenarios) {
      if (!known.has(d.scenario)) {
        problems.push(
          `${lesson.filePath}:${d.line}: <ScenarioDiagram scenario="${d.scenario}"> names no scenario: there is no content/scenarios/${d.scenario}.json. Fix: use one of ${[...known].sort().join(', ') || '(none)'}, or add the scenario file.`,
        );
      }
    }
    const perLang = byFile.get(file) ?? new Map();
    perLang.set(lang, { filePath: lesson.filePath, diagrams });
    byFile.set(file, perLang);
  }
  for (const perLang of byFile.values()) {
    const [ref, ...others] = langs.filter((l) => perLang.has(l));
    if (!ref) continue;
    const a = perLang.get(ref)!;
    for (const lang of others) {
      const b = perLang.get(lang)!;
      problems.push(...compareScenarios(a, b), ...compareMermaid(a, b));
    }
  }
  return problems;
}

type Side = { filePath: string; diagrams: LessonDiagrams };

/** The first place where two languages' scenario diagrams differ, if any. */
function compareScenarios(a: Side, b: Side): string[] {
  const brief = (d: DiagramUse) => d.scenario + (d.from === undefined ? '' : ` from={${d.from}}`);
  const list = (s: Side) => `[${s.diagrams.scenarios.map(brief).join(', ')}]`;
  const both = `${a.filePath} shows ${list(a)}, ${b.filePath} shows ${list(b)}`;
  const rule = 'Both languages show the same scenario diagrams in the same order';
  const n = Math.max(a.diagrams.scenarios.length, b.diagrams.scenarios.length);
  for (let i = 0; i < n; i++) {
    const da = a.diagrams.scenarios[i];
    const db = b.diagrams.scenarios[i];
    if (da && db && shown(da) === shown(db)) continue;
    if (da && db) {
      return [
        `${b.filePath}:${db.line}: diagram ${i + 1} is <ScenarioDiagram ${shown(db)}>, but diagram ${i + 1} of ${a.filePath} (line ${da.line}) is ${shown(da)}. ${rule} (${both}). Fix: add, remove or reorder <ScenarioDiagram> tags, or align their props, until the two lists match.`,
      ];
    }
    const [has, lacks, d] = da ? [a, b, da] : [b, a, db!];
    return [
      `${has.filePath}:${d.line}: <ScenarioDiagram ${shown(d)}> (diagram ${i + 1}) has no counterpart in ${lacks.filePath}, which shows ${plural(lacks.diagrams.scenarios.length, 'scenario diagram', 'scenario diagrams')}. ${rule} (${both}). Fix: add <ScenarioDiagram ${shown(d)} /> at the same place in ${lacks.filePath}, or remove it here.`,
    ];
  }
  return [];
}

/** A problem when two languages have different numbers of ```mermaid fences. */
function compareMermaid(a: Side, b: Side): string[] {
  const [ma, mb] = [a.diagrams.mermaid, b.diagrams.mermaid];
  if (ma.length === mb.length) return [];
  const at = (lines: number[]) => (lines.length ? ` (line ${lines.join(', ')})` : '');
  return [
    `${b.filePath}: has ${plural(mb.length, '```mermaid fence', '```mermaid fences')}${at(mb)} but ${a.filePath} has ${ma.length}${at(ma)}. Both languages draw the same diagrams. Fix: add the missing fence or remove the extra one.`,
  ];
}
