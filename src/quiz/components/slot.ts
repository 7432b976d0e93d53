/**
 * How a question component reads its rendered children, as an HTML tree (hast), never with regular
 * expressions. <Option>/<Step> render `<quiz-item data-id="…">text<quiz-feedback>…</quiz-feedback></quiz-item>`
 * and <Explanation> renders `<quiz-explanation>…</quiz-explanation>`; the question takes these apart and
 * writes the final, accessible markup itself, so the carrier tags never reach the page. Build time. Pure.
 */
import { htmlToHast } from 'satteri';
import { toHtml } from 'hast-util-to-html';

/** The hast nodes this module reads. */
interface HNode {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HNode[];
}

/** An option or step with its rendered HTML. */
export interface SlotItem {
  id: string;
  html: string;
  feedback?: string;
}

/** A question's rendered children, taken apart. */
export interface SlotParts {
  prompt: string;
  items: SlotItem[];
  explanation?: string;
}

const parse = (html: string) => htmlToHast(html, { fragment: true }) as unknown as HNode;
const serialize = (nodes: HNode[]) =>
  toHtml({ type: 'root', children: nodes } as never, { characterReferences: { useNamedReferences: true } });
const isElement = (node: HNode, tag?: string) => node.type === 'element' && (tag === undefined || node.tagName === tag);
const isBlank = (node: HNode) => node.type === 'text' && !(node.value ?? '').trim();

/** Removes (and returns) every descendant element named `tag`, in document order. Mutates `node`. */
function extract(node: HNode, tag: string): HNode[] {
  const found: HNode[] = [];
  const walk = (parent: HNode) => {
    const kept: HNode[] = [];
    for (const child of parent.children ?? []) {
      if (isElement(child, tag)) found.push(child);
      else {
        walk(child);
        kept.push(child);
      }
    }
    parent.children = kept;
  };
  walk(node);
  return found;
}

/** A paragraph left empty by taking its items out, or whitespace at its end, goes. Mutates. */
function tidy(node: HNode): void {
  for (const child of node.children ?? []) tidy(child);
  if (!node.children) return;
  node.children = node.children.filter((c) => !(isElement(c, 'p') && (c.children ?? []).every(isBlank)));
  if (!isElement(node, 'p')) return;
  while (node.children.length && isBlank(node.children.at(-1)!)) node.children.pop();
  const last = node.children.at(-1);
  if (last?.type === 'text') last.value = (last.value ?? '').trimEnd();
}

/** The nodes without one paragraph wrapper around otherwise inline content. */
function unwrapNodes(nodes: HNode[]): HNode[] {
  const content = nodes.filter((n) => !isBlank(n));
  const only = content[0];
  if (content.length === 1 && only && isElement(only, 'p') && !(only.children ?? []).some((c) => isElement(c, 'p')))
    return only.children ?? [];
  return content;
}

/** Drops one paragraph wrapper around otherwise inline content, so a label does not hold a <p>. Pure. */
export function unwrapParagraph(html: string): string {
  return serialize(unwrapNodes(parse(html).children ?? [])).trim();
}

/** Splits a question's rendered slot into prompt, items and explanation. Pure. */
export function parseSlot(html: string): SlotParts {
  const root = parse(html);
  const items = extract(root, 'quiz-item').map((item) => {
    const feedback = extract(item, 'quiz-feedback')[0];
    const out: SlotItem = {
      id: String(item.properties?.dataId ?? ''),
      html: serialize(unwrapNodes(item.children ?? [])).trim(),
    };
    if (feedback) out.feedback = serialize(feedback.children ?? []).trim();
    return out;
  });
  const explanation = extract(root, 'quiz-explanation')[0];
  tidy(root);
  const prompt = serialize((root.children ?? []).filter((n) => !isBlank(n))).trim();
  return { prompt, items, ...(explanation ? { explanation: serialize(explanation.children ?? []).trim() } : {}) };
}

/** An ordered list of HTML items, for the right order in an answer disclosure. Pure. */
export function orderedListHtml(items: readonly string[]): string {
  return `<ol class="quiz-answer-order">${items.map((html) => `<li>${html}</li>`).join('')}</ol>`;
}

const BLOCKS = new Set([
  'p',
  'pre',
  'ul',
  'ol',
  'div',
  'table',
  'blockquote',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'figure',
]);

/**
 * The prompt as phrasing content for a <legend>, or null when it holds blocks (several paragraphs,
 * code, lists) that a legend may not contain. Pure.
 */
export function inlinePrompt(html: string): string | null {
  const nodes = unwrapNodes(parse(html).children ?? []);
  const hasBlock = (n: HNode): boolean => (isElement(n) && BLOCKS.has(n.tagName!)) || (n.children ?? []).some(hasBlock);
  return nodes.some(hasBlock) ? null : serialize(nodes).trim();
}
