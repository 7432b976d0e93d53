/**
 * Renders the Markdown of a question's text (prompt, option, explanation) for the teacher pages,
 * with the same Markdown processor and smart punctuation as the lessons. The quiz components get
 * their text already rendered by MDX; a teacher page reads the source, so it renders it here.
 * Build time only (Node); not pure (the processor is created once and reused).
 */
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { unwrapParagraph } from '~/components/quiz/markup';
import type { SheetOption, SheetQuestion, SheetStep } from './sheet';

type Processor = Awaited<ReturnType<typeof createSatteriMarkdownProcessor>>;
let processor: Promise<Processor> | undefined;

/**
 * Why a question's text cannot be printed from its source, or undefined when it can: MDX
 * components and expressions only mean something inside a lesson. Pure.
 */
export function unprintable(text: string): string | undefined {
  const component = /<([A-Z][\w.]*)/.exec(text);
  if (component) return `it uses the component <${component[1]}>, which only renders inside a lesson`;
  if (/[{}]/.test(text.replace(/`[^`]*`/g, '')))
    return 'it holds an MDX expression in braces; write the braces inside `code` or rephrase';
  return undefined;
}

/**
 * HTML for a question's Markdown text. Throws naming `source` (file:line) and `id` when the text
 * holds MDX that a teacher page cannot render.
 */
export async function markdownHtml(text: string, where: { source: string; id: string }): Promise<string> {
  const problem = unprintable(text);
  if (problem)
    throw new Error(`${where.source}: the text of question "${where.id}" cannot go on a worksheet: ${problem}.`);
  processor ??= createSatteriMarkdownProcessor({ syntaxHighlight: false });
  const { code } = await (await processor).render(text);
  return code.trim();
}

/** Like markdownHtml, without the paragraph around a one-paragraph text: for a list item or a label. */
export async function inlineMarkdownHtml(text: string, where: { source: string; id: string }): Promise<string> {
  return unwrapParagraph(await markdownHtml(text, where));
}

/** A sheet question with every Markdown text rendered to HTML (`html` beside each `text`). */
export type RenderedQuestion = Omit<SheetQuestion, 'options' | 'steps' | 'order'> & {
  promptHtml: string;
  explanationHtml?: string;
  options?: (SheetOption & { html: string; feedbackHtml?: string })[];
  steps?: (SheetStep & { html: string })[];
  order?: { id: string; text: string; html: string }[];
};

/** Renders the Markdown of every question of a sheet. Throws like markdownHtml. */
export async function renderSheet(questions: readonly SheetQuestion[]): Promise<RenderedQuestion[]> {
  return Promise.all(
    questions.map(async (q) => {
      const where = { source: q.source, id: q.id };
      const inline = (text: string) => inlineMarkdownHtml(text, where);
      const out: RenderedQuestion = { ...q, promptHtml: await markdownHtml(q.prompt, where) } as RenderedQuestion;
      if (q.explanation) out.explanationHtml = await markdownHtml(q.explanation, where);
      if (q.options)
        out.options = await Promise.all(
          q.options.map(async (o) => ({
            ...o,
            html: await inline(o.text),
            ...(o.feedback ? { feedbackHtml: await inline(o.feedback) } : {}),
          })),
        );
      if (q.steps) out.steps = await Promise.all(q.steps.map(async (s) => ({ ...s, html: await inline(s.text) })));
      if (q.order) out.order = await Promise.all(q.order.map(async (s) => ({ ...s, html: await inline(s.text) })));
      return out;
    }),
  );
}
