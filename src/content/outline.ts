/**
 * The one reader of a lesson's MDX: it parses the file with the MDX parser Astro uses (Sätteri) and
 * walks the syntax tree once, listing what the build needs to know about the lesson: its ```mermaid
 * fences, its <ScenarioDiagram>s and its questions, with their lines. Code blocks, inline code and
 * MDX comments are nodes of their own in the tree, so a tag shown as an example or commented out never
 * counts, and a fence inside a list counts. Pure.
 */
import { mdxToMdast } from 'satteri';
import { CHILD_TAGS, QUIZ_TAGS, typeOfTag } from '~/quiz/registry';
import type { OutlineQuestion } from '~/quiz/types/define';
import { SETUP_MODES, type SetupMode } from '~/diagrams/trace-to-mermaid';

/** A `<ScenarioDiagram>` in a lesson. */
export interface DiagramUse {
  scenario: string;
  /** Its `from` prop (the first step drawn), when given. */
  from?: number;
  /** Its `setup` prop (how the set-up calls are drawn: "fold" or "unfold"), when given. */
  setup?: SetupMode;
  /** Its `lang` prop, when it draws in a language other than its page's. */
  lang?: string;
  line: number;
}

/** A ```mermaid fence: the line of its opening fence and its text. */
export interface MermaidFence {
  line: number;
  source: string;
}

/** What a lesson holds, in source order. */
export interface LessonOutline {
  mermaid: MermaidFence[];
  diagrams: DiagramUse[];
  questions: OutlineQuestion[];
  /** Tags the outline could not read, with the fix. */
  problems: { line: number; message: string }[];
}

/** The MDX nodes the outline reads (the parser's mdast, trimmed to what is used here). */
interface Node {
  type: string;
  name?: string | null;
  lang?: string | null;
  value?: string;
  attributes?: { type: string; name?: string; value?: string | { value: string } | null }[];
  children?: Node[];
  position?: { start: { line: number } };
}

/** An MDX parse error: "3:10: Unexpected closing tag…" → line 3 and the message. */
export class OutlineSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** A JSX attribute's value: a string, the text of an {expression}, or undefined when absent. */
function attribute(node: Node, name: string): { text?: string; expression?: string } | undefined {
  const attr = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
  if (!attr) return undefined;
  if (typeof attr.value === 'string') return { text: attr.value };
  if (attr.value && typeof attr.value === 'object') {
    // {"x"} and {'x'} are string literals written as expressions.
    const literal = /^\s*(?:"([^"]*)"|'([^']*)')\s*$/.exec(attr.value.value);
    return literal ? { text: literal[1] ?? literal[2] ?? '' } : { expression: attr.value.value };
  }
  return { text: '' };
}

const lineOf = (node: Node) => node.position?.start.line ?? 0;

/**
 * Reads one MDX source (the whole file, front matter included, so lines match the editor's). Throws
 * OutlineSyntaxError when the MDX does not parse. Pure.
 */
export function lessonOutline(source: string): LessonOutline {
  let root: Node;
  try {
    root = mdxToMdast(source) as unknown as Node;
  } catch (error) {
    const message = (error as Error).message;
    const at = /^(\d+):(\d+):\s*/.exec(message);
    throw new OutlineSyntaxError(at ? Number(at[1]) : 1, message.replace(/^(\d+):(\d+):\s*/, ''));
  }
  const outline: LessonOutline = { mermaid: [], diagrams: [], questions: [], problems: [] };
  const problem = (node: Node, message: string) => outline.problems.push({ line: lineOf(node), message });

  const readDiagram = (node: Node) => {
    const scenario = attribute(node, 'scenario');
    if (!scenario)
      return problem(
        node,
        '<ScenarioDiagram> has no scenario prop. Fix: write <ScenarioDiagram scenario="handshake" />.',
      );
    if (scenario.text === undefined)
      return problem(
        node,
        `<ScenarioDiagram scenario={${scenario.expression}}> must name its scenario as a string, so that the build can check it. Fix: write scenario="<id>" with the id of a file in content/scenarios/.`,
      );
    const use: DiagramUse = { scenario: scenario.text, line: lineOf(node) };
    const from = attribute(node, 'from');
    if (from) {
      const n = Number(from.text ?? from.expression);
      if (!Number.isInteger(n) || n < 0)
        problem(node, `<ScenarioDiagram scenario="${use.scenario}" from=…> needs a step index. Fix: write from={9}.`);
      else use.from = n;
    }
    const setup = attribute(node, 'setup');
    if (setup) {
      if ((SETUP_MODES as readonly (string | undefined)[]).includes(setup.text)) use.setup = setup.text as SetupMode;
      else
        problem(
          node,
          `<ScenarioDiagram scenario="${use.scenario}" setup=${setup.text === undefined ? `{${setup.expression}}` : JSON.stringify(setup.text)}> must be ${SETUP_MODES.map((m) => `setup="${m}"`).join(' or ')} (default "fold"). Fix: write setup="unfold" to draw each set-up call, or leave it out.`,
        );
    }
    const lang = attribute(node, 'lang');
    if (lang?.text !== undefined) use.lang = lang.text;
    outline.diagrams.push(use);
  };

  const readQuestion = (node: Node, tag: string) => {
    const type = typeOfTag(tag)!;
    const id = attribute(node, 'id')?.text ?? '';
    const question: OutlineQuestion = { tag, id, line: lineOf(node), children: [], explained: false };
    if (!id) problem(node, `<${tag}> needs an id, e.g. <${tag} id="hs-why-three">.`);
    const lesson = attribute(node, 'lesson')?.text;
    if (lesson !== undefined) question.lesson = lesson;
    const visit = (n: Node, inItem: boolean) => {
      for (const child of n.children ?? []) {
        if (!child.type.startsWith('mdxJsx') || !child.name) {
          visit(child, inItem);
          continue;
        }
        const name = child.name;
        if (typeOfTag(name))
          problem(child, `<${name}> cannot sit inside <${tag} id="${id}">; close the question first.`);
        else if (name === type.childTag && !inItem) {
          const childId = attribute(child, 'id')?.text ?? '';
          if (!childId) problem(child, `<${name}> in "${id}" needs an id, e.g. <${name} id="a">.`);
          question.children.push({ tag: name, id: childId, line: lineOf(child) });
          visit(child, true);
        } else if (name === 'Explanation' && !inItem) question.explained = true;
        else if (name === 'Feedback' && inItem && type.childTag === 'Option') visit(child, inItem);
        else if (QUIZ_TAGS.includes(name))
          problem(child, `<${name}> does not belong ${inItem ? 'there' : `inside <${tag}>`}.`);
        else visit(child, inItem);
      }
    };
    visit(node, false);
    outline.questions.push(question);
  };

  const walk = (node: Node) => {
    if (node.type === 'code') {
      if ((node.lang ?? '').split(/\s+/)[0] === 'mermaid')
        outline.mermaid.push({ line: lineOf(node), source: node.value ?? '' });
      return;
    }
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name) {
      if (node.name === 'ScenarioDiagram') return readDiagram(node);
      if (typeOfTag(node.name)) return readQuestion(node, node.name);
      if (CHILD_TAGS.includes(node.name) || node.name === 'Feedback' || node.name === 'Explanation')
        return problem(node, `<${node.name}> must sit inside a question (<Choice>, <Order>…).`);
    }
    for (const child of node.children ?? []) walk(child);
  };
  walk(root);
  return outline;
}
