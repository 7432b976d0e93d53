import { t, type Lang } from '../i18n';

/** A table twin: column headings and rows of plain text cells. */
export interface DiagramTable {
  head: string[];
  rows: string[][];
}

/** Everything a diagram figure shows. */
export interface FigureParts {
  lang: Lang;
  /** The accTitle; names the scroll container. */
  title?: string | undefined;
  /** Inline SVG, already themed; or, for the dev-only fallback, the markup that draws it later. */
  body: string;
  table: DiagramTable;
  /** The Mermaid diagram kind, e.g. "sequenceDiagram" (a hook for CSS and tests). */
  kind: string;
}

/** Escapes text for HTML element content and double-quoted attributes. Pure. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The markup of a diagram, the same for a ```mermaid fence and a ScenarioDiagram: the caption
 * first (a figure's caption must be its first or last child, and the "show as table" twin comes
 * last), then the SVG at natural size in a keyboard-scrollable container, then the twin. The
 * caption names the figure; a diagram without accTitle gets a generic name instead. Pure.
 *
 *   <figure class="diagram"><figcaption>…</figcaption><div class="diagram-scroll">…</div><details>…</details></figure>
 */
export function figureHtml({ lang, title, body, table, kind }: FigureParts): string {
  const label = t(lang, 'diagram.region', { title: title || t(lang, 'diagram.untitled') });
  const head = table.head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const rows = table.rows
    .map(
      (r) =>
        `<tr>${r.map((cell, i) => (i === 0 ? `<th scope="row">${escapeHtml(cell)}</th>` : `<td>${escapeHtml(cell)}</td>`)).join('')}</tr>`,
    )
    .join('');
  const name = title ? '' : ` aria-label="${escapeHtml(t(lang, 'diagram.untitled'))}"`;
  return (
    `<figure class="diagram" data-diagram-kind="${escapeHtml(kind)}"${name}>` +
    (title ? `<figcaption>${escapeHtml(title)}</figcaption>` : '') +
    `<div class="diagram-scroll" tabindex="0" role="group" aria-label="${escapeHtml(label)}">${body}</div>` +
    `<details class="diagram-table"><summary>${escapeHtml(t(lang, 'diagram.showTable'))}</summary>` +
    `<div class="diagram-table-scroll"><table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div>` +
    `</details></figure>`
  );
}
