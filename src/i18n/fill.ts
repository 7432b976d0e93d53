/**
 * The browser half of passing translated labels to an island: the server writes the strings an island needs
 * as a JSON script inside it (IslandLabels.astro, with `labelsFor()` from ./labels.ts), or once per page for
 * an island that comes many times, so the island's script carries no dictionary; the island reads them
 * with `readLabels()` or `readPageLabels()` and fills their placeholders with `fill()`.
 */
import type { UiKey } from './en';

/**
 * An island's labels, by UI key, with their `{name}` placeholders unfilled. Holds only the keys the server
 * selected for that island. Example: `{ "quiz.summary.score": "{correct} of {total} right" }`.
 */
export type Labels = Record<UiKey, string>;

/**
 * Reads the labels the server wrote into `element` as its child `<script type="application/json" data-labels>`
 * (IslandLabels.astro). Throws, naming the element, when it has none, so a missing one fails loudly instead of
 * showing "undefined".
 */
export function readLabels(element: HTMLElement): Labels {
  const script = element.querySelector(':scope > script[data-labels]');
  if (!script) throw new Error(`<${element.localName}> has no labels script`);
  return JSON.parse(script.textContent!) as Labels;
}

/**
 * Reads labels the server wrote once for the whole page, as JSON in `<script type="application/json" id>`:
 * for an island that comes many times on a page (the quiz questions), where a copy in each one
 * would repeat the same words. Throws, naming the id, when the page has no such script, so a
 * missing one fails loudly instead of showing "undefined".
 */
export function readPageLabels(id: string): Labels {
  const script = document.getElementById(id);
  if (!script) throw new Error(`no #${id} labels on this page`);
  return JSON.parse(script.textContent!) as Labels;
}

/**
 * Fills the `{name}` placeholders of a UI string: `fill('{count} results', { count: 3 })` → "3 results".
 * A name without a value stays as written, so a mismatch shows on the page instead of "undefined". Pure.
 */
export function fill(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : String(value);
  });
}
