/**
 * A small reader of the quiz tags in a lesson's MDX source, for the build check and the worksheet:
 * it finds <Choice>, <Order>, <NumberQuestion> and <StateQuestion> with their ids, options or steps,
 * per-option feedback, prompt and explanation (as MDX source text). Fenced code blocks are skipped,
 * so a lesson can show the snippets themselves. Pure.
 */

/** The components that hold a question, and the child each uses for its answers. */
export const QUESTION_TAGS = {
  Choice: 'Option',
  Order: 'Step',
  NumberQuestion: null,
  StateQuestion: null,
} as const;

/** A question component's name. */
export type QuestionTag = keyof typeof QUESTION_TAGS;

/** An option or step as written in the MDX. */
export interface ScannedChild {
  id: string;
  line: number;
  /** MDX source of the option's text, without its feedback. */
  text: string;
  feedback?: string;
}

/** A question as written in one lesson file. */
export interface ScannedQuestion {
  tag: QuestionTag;
  id: string;
  /** The `lesson` prop when given. */
  lesson?: string;
  line: number;
  prompt: string;
  children: ScannedChild[];
  explanation?: string;
}

/** A problem found while reading the tags, with its line. */
export interface ScanProblem {
  line: number;
  message: string;
}

const TAG_RE =
  /<(\/?)(Choice|Option|Feedback|Explanation|Order|Step|NumberQuestion|StateQuestion)\b((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;
const ATTR_RE = /([A-Za-z][\w-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*(?:"([^"]*)"|'([^']*)')\s*\})/g;

function attrs(source: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of source.matchAll(ATTR_RE)) out[m[1]!] = m[2] ?? m[3] ?? m[4] ?? m[5] ?? '';
  return out;
}

/** Blanks fenced code blocks, keeping line breaks so line numbers stay right. */
function withoutFences(source: string): string {
  return source.replace(/^( {0,3})(```+|~~~+)[^\n]*\n[\s\S]*?^\1\2[^\S\n]*$/gm, (block) =>
    block.replace(/[^\n]/g, ' '),
  );
}

const tidy = (text: string) => text.replace(/\s+/g, ' ').trim();

interface Open {
  name: string;
  attrs: Record<string, string>;
  line: number;
  start: number;
  /** Text of this element with its quiz-tag children removed. */
  own: string;
  children: Open[];
  inner: string;
}

/** Reads the questions of one MDX source. Pure. */
export function scanQuizzes(source: string): { questions: ScannedQuestion[]; problems: ScanProblem[] } {
  const text = withoutFences(source);
  const lineAt = (offset: number) => text.slice(0, offset).split('\n').length;
  const problems: ScanProblem[] = [];
  const questions: ScannedQuestion[] = [];
  const stack: Open[] = [];
  let last = 0;
  const appendText = (upTo: number) => {
    const top = stack.at(-1);
    if (top) top.own += text.slice(last, upTo);
  };
  const finish = (el: Open) => {
    const parent = stack.at(-1);
    if (parent) parent.children.push(el);
    if (el.name in QUESTION_TAGS) questions.push(toQuestion(el, problems));
    else if (!parent)
      problems.push({ line: el.line, message: `<${el.name}> must sit inside a question (<Choice>, <Order>…)` });
  };
  for (const m of text.matchAll(TAG_RE)) {
    const [whole, closing, name, attrSource, selfClosing] = m as unknown as [string, string, string, string, string];
    const offset = m.index ?? 0;
    appendText(offset);
    last = offset + whole.length;
    if (closing) {
      const top = stack.pop();
      if (!top || top.name !== name) {
        problems.push({
          line: lineAt(offset),
          message: `</${name}> closes ${top ? `<${top.name}> from line ${top.line}` : 'nothing'}`,
        });
        if (top) stack.push(top);
        continue;
      }
      top.inner = text.slice(top.start, offset);
      finish(top);
    } else {
      const el: Open = {
        name,
        attrs: attrs(attrSource),
        line: lineAt(offset),
        start: last,
        own: '',
        children: [],
        inner: '',
      };
      if (selfClosing) finish(el);
      else stack.push(el);
    }
  }
  for (const el of stack) problems.push({ line: el.line, message: `<${el.name}> is never closed` });
  return { questions, problems };
}

function toQuestion(el: Open, problems: ScanProblem[]): ScannedQuestion {
  const tag = el.name as QuestionTag;
  const childTag = QUESTION_TAGS[tag];
  const id = el.attrs.id ?? '';
  if (!id) problems.push({ line: el.line, message: `<${tag}> needs an id, e.g. <${tag} id="hs-why-three">` });
  const question: ScannedQuestion = { tag, id, line: el.line, prompt: tidy(el.own), children: [] };
  if (el.attrs.lesson) question.lesson = el.attrs.lesson;
  for (const child of el.children) {
    if (child.name === 'Explanation') question.explanation = tidy(child.inner);
    else if (child.name === childTag) {
      const feedback = child.children.find((c) => c.name === 'Feedback');
      const entry: ScannedChild = { id: child.attrs.id ?? '', line: child.line, text: tidy(child.own) };
      if (!entry.id) problems.push({ line: child.line, message: `<${child.name}> in "${id}" needs an id` });
      if (feedback) entry.feedback = tidy(feedback.inner);
      question.children.push(entry);
    } else {
      problems.push({ line: child.line, message: `<${child.name}> does not belong inside <${tag}>` });
    }
  }
  return question;
}
