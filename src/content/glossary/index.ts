import type { Lang } from '~/i18n';
import { GLOSSARY_GROUPS, type GlossaryEntry, type GlossaryGroup } from './schema';

export { GLOSSARY_GROUPS, type GlossaryEntry, type GlossaryGroup } from './schema';
export { splitInlineCode, type InlinePiece } from './inline';
export { glossParen, zhName } from './label';

/** Collation per language: Chinese by pinyin, English alphabetically, both ignoring case. */
const COLLATORS: Record<Lang, Intl.Collator> = {
  zh: new Intl.Collator('zh-Hans-u-co-pinyin', { sensitivity: 'base', numeric: true }),
  en: new Intl.Collator('en', { sensitivity: 'base', numeric: true }),
};

/** The text an entry sorts by in a language: the Chinese gloss when the term stays in English. Pure. */
function sortKey(entry: GlossaryEntry, lang: Lang): string {
  return lang === 'zh' ? entry.zh.term : entry.en.term.replace(/^[^A-Za-z0-9]+/, '');
}

/** Entries grouped by topic in page order, each group sorted for the language. Pure. */
export function glossaryByGroup(
  entries: GlossaryEntry[],
  lang: Lang,
): { group: GlossaryGroup; entries: GlossaryEntry[] }[] {
  const collator = COLLATORS[lang];
  return GLOSSARY_GROUPS.map((group) => ({
    group,
    entries: entries
      .filter((e) => e.group === group)
      .sort((a, b) => collator.compare(sortKey(a, lang), sortKey(b, lang))),
  })).filter((g) => g.entries.length > 0);
}
