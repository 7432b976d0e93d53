/**
 * The browser half of passing translated labels to an island: the server writes the strings an island needs
 * into its `data-labels` attribute with `labelsFor()` (./labels.ts), so the island's script carries no
 * dictionary; the island reads them with `readLabels()` and fills their placeholders with `fill()`.
 */
import type { UiKey } from './en';

/**
 * An island's labels, by UI key, with their `{name}` placeholders unfilled. Holds only the keys the server
 * selected for that island. Example: `{ "quiz.summary.score": "{correct} of {total} right" }`.
 */
export type Labels = Record<UiKey, string>;

/** Reads the labels the server wrote into `element`'s `data-labels` attribute. */
export function readLabels(element: HTMLElement): Labels {
  return JSON.parse(element.dataset.labels ?? '{}') as Labels;
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
