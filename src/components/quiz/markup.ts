/**
 * How a question component reads its rendered children. <Option>/<Step> render
 * `<quiz-item data-id="…">text<quiz-feedback>…</quiz-feedback></quiz-item>` and <Explanation>
 * renders `<quiz-explanation>…</quiz-explanation>`; the question takes these apart and writes the
 * final, accessible markup itself, so the carrier tags never reach the page. Pure.
 */

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

/** Drops one paragraph wrapper around otherwise inline content, so a label does not hold a <p>. */
export function unwrapParagraph(html: string): string {
  const trimmed = html.trim();
  const m = /^<p>([\s\S]*)<\/p>$/.exec(trimmed);
  return m && !m[1]!.includes('<p>') ? m[1]!.trim() : trimmed;
}

/** Splits a question's rendered slot into prompt, items and explanation. Pure. */
export function parseSlot(html: string): SlotParts {
  const items: SlotItem[] = [];
  let explanation: string | undefined;
  let rest = html.replace(/<quiz-item data-id="([^"]*)">([\s\S]*?)<\/quiz-item>/g, (_, id: string, inner: string) => {
    let feedback: string | undefined;
    const text = inner.replace(/<quiz-feedback>([\s\S]*?)<\/quiz-feedback>/, (__, fb: string) => {
      feedback = fb.trim();
      return '';
    });
    items.push({ id, html: unwrapParagraph(text), ...(feedback ? { feedback } : {}) });
    return '';
  });
  rest = rest.replace(/<quiz-explanation>([\s\S]*?)<\/quiz-explanation>/, (_, inner: string) => {
    explanation = inner.trim();
    return '';
  });
  // Options written on their own lines leave blank space inside the prompt's paragraph.
  const prompt = rest
    .replace(/\s+<\/p>/g, '</p>')
    .replace(/<p>\s*<\/p>/g, '')
    .trim();
  return { prompt, items, ...(explanation ? { explanation } : {}) };
}

/** Strips tags, for aria-labels built from an option's HTML. Pure. */
export function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** An ordered list of HTML items, for the right order in an answer disclosure. Pure. */
export function orderedListHtml(items: readonly string[]): string {
  return `<ol class="quiz-answer-order">${items.map((html) => `<li>${html}</li>`).join('')}</ol>`;
}

/**
 * The prompt as phrasing content for a <legend>, or null when it holds blocks (several paragraphs,
 * code, lists) that a legend may not contain. Pure.
 */
export function inlinePrompt(html: string): string | null {
  const inline = unwrapParagraph(html);
  return /<(p|pre|ul|ol|div|table|blockquote|h[1-6]|figure)\b/i.test(inline) ? null : inline;
}
