/**
 * Takes a lesson rendered with the worksheet components apart, as an HTML tree: every question printed
 * its two halves (SheetQuestion.astro) and everything else drew nothing, so the worksheet is the list of
 * worksheet halves and the key the list of key halves, numbered in page order. Build time. Pure.
 */
import { htmlToHast } from 'satteri';
import { toHtml } from 'hast-util-to-html';

interface HNode {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HNode[];
}

/** The two numbered lists of a lesson's questions, as HTML `<li>`s, and the question ids in order. */
export interface CollectedSheet {
  ids: string[];
  worksheet: string;
  key: string;
}

/** Collects the halves from `html`; `heading(n)` is the text of question n's heading. Pure. */
export function collectSheet(html: string, heading: (n: number) => string): CollectedSheet {
  const root = htmlToHast(html, { fragment: true }) as unknown as HNode;
  const questions: HNode[] = [];
  const walk = (node: HNode) => {
    for (const child of node.children ?? []) {
      if (child.type === 'element' && child.tagName === 'sheet-question') questions.push(child);
      else walk(child);
    }
  };
  walk(root);
  const halves = { worksheet: [] as HNode[], key: [] as HNode[] };
  const ids: string[] = [];
  questions.forEach((q, i) => {
    for (const li of q.children ?? []) {
      const part = li.properties?.dataPart;
      if (li.type !== 'element' || (part !== 'worksheet' && part !== 'key')) continue;
      delete li.properties!.dataPart;
      const h3 = li.children?.find((c) => c.type === 'element' && c.tagName === 'h3');
      if (h3) h3.children = [{ type: 'text', value: heading(i + 1) }];
      halves[part].push(li);
      if (part === 'worksheet') ids.push(String(li.properties?.dataQuestionId ?? ''));
    }
  });
  const html_ = (nodes: HNode[]) =>
    toHtml({ type: 'root', children: nodes } as never, { characterReferences: { useNamedReferences: true } });
  return { ids, worksheet: html_(halves.worksheet), key: html_(halves.key) };
}
