/**
 * How a glossary term is written for readers, in the one place the glossary page and the table in
 * CONTRIBUTING.md (scripts/glossary-table.mjs, which imports this file as it is) both take it from.
 * No imports, so Node runs it without a build. Pure.
 */

/** A gloss as it follows its term: in full-width parentheses, since it is Chinese text. "（时间等待）". Pure. */
export function glossParen(gloss: string): string {
  return `\uFF08${gloss}\uFF09`;
}

/**
 * The Chinese name of a term: the term, followed by its gloss when it keeps its English name:
 * "TIME_WAIT（时间等待）", "ISN（初始序号）", "套接字". Pure.
 */
export function zhName(zh: { term: string; gloss?: string | undefined }): string {
  return zh.gloss ? `${zh.term}${glossParen(zh.gloss)}` : zh.term;
}
