/**
 * The server half of passing translated labels to an island (the browser half is ./fill.ts). Build-time
 * only: it holds every language's strings, which the islands' scripts must not.
 */
import { STRINGS, type Lang, type UiKey } from './index';

/** A whole UI key (`'quiz.correct'`), or a group of keys by their prefix, ending in a dot (`'sim.'`). */
export type LabelSelector = UiKey | `${string}.`;

/**
 * The strings an island needs, in the page's language, as JSON for its labels script (IslandLabels.astro):
 * `labelsFor('en', 'search.')` → `{"search.label":"Search the lessons",…}`. Placeholders stay for `fill()`.
 * Throws when a selector matches no key, so a mistyped prefix cannot leave an island without its words. Pure.
 */
export function labelsFor(lang: Lang, ...selectors: LabelSelector[]): string {
  const strings = STRINGS[lang];
  const keys = Object.keys(strings) as UiKey[];
  const labels: Partial<Record<UiKey, string>> = {};
  for (const selector of selectors) {
    const chosen = keys.filter((key) => (selector.endsWith('.') ? key.startsWith(selector) : key === selector));
    if (chosen.length === 0) throw new Error(`labelsFor: no UI string in src/i18n/${lang}.ts matches "${selector}".`);
    for (const key of chosen) labels[key] = strings[key];
  }
  return JSON.stringify(labels);
}
