/**
 * What a reader types, per language, and the lesson (slug) that must come up first: the online search
 * (tests/e2e/search.spec.ts, Pagefind) and the classroom copy's embedded index (tests/classroom) answer the
 * same way.
 */
export const SEARCH_QUERIES: Record<'zh' | 'en', [query: string, slug: string][]> = {
  zh: [
    ['三次握手', 'three-way-handshake'],
    ['挥手', 'four-way-close'],
    ['半关闭', 'four-way-close'],
    ['TIME_WAIT', 'four-way-close'],
    ['保活', 'faq-closing'],
  ],
  en: [
    ['three-way handshake', 'three-way-handshake'],
    ['half-close', 'four-way-close'],
    ['TIME_WAIT', 'four-way-close'],
    ['SYN cookies', 'faq-opening'],
  ],
};
