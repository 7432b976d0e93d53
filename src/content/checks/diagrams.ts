/**
 * Checks of what lessons draw, read from their outlines: every <ScenarioDiagram> names a scenario that
 * exists, and both languages draw the same diagrams. Pure.
 */
import type { DiagramUse, LessonOutline } from '../outline';
import type { LessonFile } from '../site';

/** The tag as a reader of the source would recognize it: `scenario="x"`, `scenario="x" from={9}`, `scenario="x" setup="unfold"`. */
const shown = (d: DiagramUse) =>
  `scenario="${d.scenario}"${d.from === undefined ? '' : ` from={${d.from}}`}${d.setup === undefined ? '' : ` setup="${d.setup}"`}`;

/** Whether two tags draw the same diagram: setup="fold" is the default, so writing it changes nothing. */
const sameDiagram = (a: DiagramUse, b: DiagramUse) =>
  a.scenario === b.scenario && a.from === b.from && (a.setup ?? 'fold') === (b.setup ?? 'fold');

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Diagram parity across languages, and scenarios that exist: every `<ScenarioDiagram>` names a file in
 * content/scenarios/ (`scenarioIds`), the same lesson shows the same scenario diagrams in the same order
 * in every language, and has as many ```mermaid fences. Returns the problems, each naming the file, the
 * line and the fix. Pure.
 */
export function checkLessonDiagrams(
  lessons: readonly LessonFile[],
  langs: readonly string[],
  scenarioIds: readonly string[],
): string[] {
  const problems: string[] = [];
  const known = new Set(scenarioIds);
  const byFile = new Map<string, Map<string, Side>>();
  for (const lesson of lessons) {
    const { lang, file } = lesson;
    const diagrams = lesson.outline;
    for (const d of diagrams.diagrams) {
      if (!known.has(d.scenario)) {
        problems.push(
          `${lesson.filePath}:${d.line}: <ScenarioDiagram scenario="${d.scenario}"> names no scenario: there is no content/scenarios/${d.scenario}.json. Fix: use one of ${[...known].sort().join(', ') || '(none)'}, or add the scenario file.`,
        );
      }
    }
    const perLang = byFile.get(file) ?? new Map<string, Side>();
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

type Side = { filePath: string; diagrams: LessonOutline };

/** The first place where two languages' scenario diagrams differ, if any. */
function compareScenarios(a: Side, b: Side): string[] {
  const brief = (d: DiagramUse) =>
    d.scenario +
    (d.from === undefined ? '' : ` from={${d.from}}`) +
    (d.setup === undefined ? '' : ` setup="${d.setup}"`);
  const list = (s: Side) => `[${s.diagrams.diagrams.map(brief).join(', ')}]`;
  const both = `${a.filePath} shows ${list(a)}, ${b.filePath} shows ${list(b)}`;
  const rule = 'Both languages show the same scenario diagrams in the same order';
  const n = Math.max(a.diagrams.diagrams.length, b.diagrams.diagrams.length);
  for (let i = 0; i < n; i++) {
    const da = a.diagrams.diagrams[i];
    const db = b.diagrams.diagrams[i];
    if (da && db && sameDiagram(da, db)) continue;
    if (da && db) {
      return [
        `${b.filePath}:${db.line}: diagram ${i + 1} is <ScenarioDiagram ${shown(db)}>, but diagram ${i + 1} of ${a.filePath} (line ${da.line}) is ${shown(da)}. ${rule} (${both}). Fix: add, remove or reorder <ScenarioDiagram> tags, or align their props, until the two lists match.`,
      ];
    }
    const [has, lacks, d] = da ? [a, b, da] : [b, a, db!];
    return [
      `${has.filePath}:${d.line}: <ScenarioDiagram ${shown(d)}> (diagram ${i + 1}) has no counterpart in ${lacks.filePath}, which shows ${plural(lacks.diagrams.diagrams.length, 'scenario diagram', 'scenario diagrams')}. ${rule} (${both}). Fix: add <ScenarioDiagram ${shown(d)} /> at the same place in ${lacks.filePath}, or remove it here.`,
    ];
  }
  return [];
}

/** A problem when two languages have different numbers of ```mermaid fences. */
function compareMermaid(a: Side, b: Side): string[] {
  const [ma, mb] = [a.diagrams.mermaid.map((f) => f.line), b.diagrams.mermaid.map((f) => f.line)];
  if (ma.length === mb.length) return [];
  const at = (lines: number[]) => (lines.length ? ` (line ${lines.join(', ')})` : '');
  return [
    `${b.filePath}: has ${plural(mb.length, '```mermaid fence', '```mermaid fences')}${at(mb)} but ${a.filePath} has ${ma.length}${at(ma)}. Both languages draw the same diagrams. Fix: add the missing fence or remove the extra one.`,
  ];
}
