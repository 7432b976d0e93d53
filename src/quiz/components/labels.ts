/** Translated labels for an island's data-labels attribute, so the browser code needs no dictionary. */
import { t, type Lang, type UiKey } from '~/i18n';

/** JSON of `{ name: text }` for the given `name → key` pairs, placeholders left for the browser. Pure. */
export function labelsAttr(lang: Lang, keys: Record<string, UiKey>): string {
  const out: Record<string, string> = {};
  for (const [name, key] of Object.entries(keys)) {
    out[name] = t(lang, key, new Proxy({}, { get: (_, p) => `{${String(p)}}` }) as Record<string, string>);
  }
  return JSON.stringify(out);
}

/** Labels every question island uses. */
export const COMMON_LABELS = {
  correct: 'quiz.correct',
  incorrect: 'quiz.incorrect',
  savedRight: 'quiz.savedRight',
  savedWrong: 'quiz.savedWrong',
} as const satisfies Record<string, UiKey>;
