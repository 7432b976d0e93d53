/**
 * The search index the classroom copy carries for pages opened from disk (`file://`), where the browser lets
 * a page fetch nothing, so Pagefind cannot load its index. The pack step (src/classroom) builds one index per
 * language from the pages' text and writes it as a classic script; the search box (element.ts) runs
 * `searchEmbedded` over it and shows the hits as it shows Pagefind's. Everything here is pure and runs both in
 * Node (at pack time) and in the browser, so both ends split text into the same words.
 *
 * Ranking follows Pagefind's (BM25 with its default weights: term saturation 1.4, page length 0.75, term
 * similarity 1.0, headings weighted 7 for h1 down to 2 for h6, every query word matched as a prefix, a page
 * must hold every query word), so a query lists pages in the order the online search lists them.
 */

/** Separates a page's parts in `EmbeddedPage.text`: DEL, a control character no page holds (one byte, and JSON leaves it as it is). */
export const PART_SEPARATOR = '\x7f';

/**
 * One page of the index, e.g.
 * `{ "url": "en/glossary/index.html", "title": "Glossary", "text": "Glossary", "weights": [0, 7] }`.
 */
export interface EmbeddedPage {
  /** The page's address from the site root, as a relative link: `zh/glossary/index.html`. */
  url: string;
  title: string;
  /**
   * The page's indexed text as separators and words, alternating, starting and ending with a separator,
   * joined by PART_SEPARATOR: the parts `["", "The", " ", "SYN", " flag."]` are the words "The" and "SYN".
   * Word n is part 2n + 1.
   */
  text: string;
  /** Pairs of a word number and the weight of the words from it to the next pair: `[0, 7, 2, 1]`. */
  weights: number[];
}

/**
 * The whole index of one language, as the pack step writes it:
 * `{ "lang": "en", "pages": [ … ], "words": { "syn": [0, 2, 4, 5] } }`: each word lists, per page holding it,
 * the page's number, how many places follow, then the places' word numbers, each as the gap from the one
 * before (4 and 9 above).
 */
export interface EmbeddedIndex {
  lang: string;
  pages: EmbeddedPage[];
  words: Record<string, number[]>;
}

/**
 * A run of a page's text (one text node) and the weight Pagefind gives it (1 for body text, 7 for an h1…).
 * A run `joined` to the one before continues its line (`发送<code>SYN</code>后`): no space comes between
 * them, but a word never spans the two. Other runs start a new block, set apart by a space.
 */
export interface TextBlock {
  text: string;
  weight: number;
  joined?: boolean;
}

/** One search hit, in the shape of Pagefind's `result.data()` that the search box shows. */
export interface EmbeddedHit {
  url: string;
  /** Up to EXCERPT_WORDS words around the best match, HTML-escaped, the matching words in `<mark>`. */
  excerpt: string;
  meta: { title: string };
}

/** Pagefind's default ranking weights (its `ranking` option; `title` is its `metaWeights.title`). */
export const RANKING = { termSaturation: 1.4, pageLength: 0.75, termSimilarity: 1.0, title: 5.0 } as const;

/** How many words an excerpt shows: the search box asks Pagefind for 24 (`excerptLength`). */
export const EXCERPT_WORDS = 24;

/**
 * Splits text into separators and words (the `parts` shape of EmbeddedPage) with the browser's and Node's
 * word segmenter, which splits Chinese into words by dictionary ("三次握手" → "三次", "握手"). Pure.
 */
export function splitWords(text: string, lang: string): string[] {
  const parts: string[] = [''];
  for (const segment of new Intl.Segmenter(segmenterLocale(lang), { granularity: 'word' }).segment(text)) {
    if (!segment.isWordLike) {
      parts[parts.length - 1] += segment.segment;
      continue;
    }
    // Unicode keeps a colon inside a word ("TIME_WAIT:RFC", "TIME_WAIT：RFC"); in this site's text it always
    // separates two.
    segment.segment.split(/([:：])/).forEach((piece, i) => {
      if (i % 2 === 1) parts[parts.length - 1] += piece;
      else if (piece) parts.push(piece, '');
    });
  }
  return parts;
}

/**
 * The form a word is indexed and looked up by: NFKC (full-width letters become ASCII), lower case, without an
 * English possessive ("TIME_WAIT's" is "time_wait"), and on English pages without a plural ending
 * ("cookies" → "cooki", "timers" → "timer"): the first step of the Snowball English stemmer Pagefind runs.
 * With every query word matched as a prefix, "cooki" then finds "cookie" and "cookies". Pure.
 */
export function normalizeWord(word: string, lang = ''): string {
  const plain = word
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’]s?$/, '');
  if (segmenterLocale(lang) !== 'en' || !/^[a-z]+$/.test(plain)) return plain;
  if (plain.endsWith('sses')) return plain.slice(0, -2);
  if (/(ied|ies)$/.test(plain)) return plain.length > 4 ? plain.slice(0, -2) : plain.slice(0, -1);
  if (/(us|ss)$/.test(plain)) return plain;
  // A final s goes when a vowel comes before the letter before it: "gaps" → "gap", but "gas" stays.
  if (plain.endsWith('s') && /[aeiouy]/.test(plain.slice(0, -2))) return plain.slice(0, -1);
  return plain;
}

/** The words of a query, normalized, in order. Pure. */
export function queryWords(query: string, lang: string): string[] {
  return splitWords(query, lang)
    .filter((_, i) => i % 2 === 1)
    .map((word) => normalizeWord(word, lang));
}

/** `zh-Hans` → `zh`: the segmenter's dictionaries are per language. Pure. */
function segmenterLocale(lang: string): string {
  return lang.split('-')[0] || 'en';
}

/**
 * Builds a language's index from its pages, each given as blocks of text with their weights. Pure.
 */
export function buildEmbeddedIndex(
  lang: string,
  pages: { url: string; title: string; blocks: TextBlock[] }[],
): EmbeddedIndex {
  const places = new Map<string, Map<number, number[]>>();
  const built = pages.map((page, pageNumber) => {
    const parts: string[] = [''];
    const weights: number[] = [];
    for (const block of page.blocks) {
      const words = splitWords(block.text, lang);
      const last = parts.length - 1;
      parts[last] = (!block.joined && last > 0 ? parts[last]!.trimEnd() + ' ' : parts[last]!) + words[0]!;
      const first = (parts.length - 1) / 2;
      if (words.length > 1 && weights.at(-1) !== block.weight) weights.push(first, block.weight);
      for (let i = 1; i < words.length; i += 2) {
        const word = normalizeWord(words[i]!, lang);
        let byPage = places.get(word);
        if (!byPage) places.set(word, (byPage = new Map()));
        let list = byPage.get(pageNumber);
        if (!list) byPage.set(pageNumber, (list = []));
        list.push((parts.length - 1) / 2);
        parts.push(words[i]!, words[i + 1]!);
      }
    }
    parts[parts.length - 1] = parts[parts.length - 1]!.trimEnd();
    const text = parts.join(PART_SEPARATOR);
    if (parts.some((part) => part.includes(PART_SEPARATOR)))
      throw new Error(`search index: ${page.url} holds the separator character U+007F`);
    return { url: page.url, title: page.title, text, weights };
  });
  const words: Record<string, number[]> = {};
  for (const word of [...places.keys()].sort()) {
    words[word] = [...places.get(word)!].flatMap(([page, list]) => [
      page,
      list.length,
      ...list.map((at, i) => at - (list[i - 1] ?? 0)),
    ]);
  }
  return { lang, pages: built, words };
}

/** The places of one indexed word on one page. */
interface Place {
  at: number;
  weight: number;
}

/** A page's parts (EmbeddedPage.text split), the weight of each word and its title's words. Pure. */
function readPage(
  page: EmbeddedPage,
  lang: string,
): { parts: string[]; weightOf: (at: number) => number; titleWords: Set<string> } {
  const parts = page.text.split(PART_SEPARATOR);
  return {
    parts,
    titleWords: new Set(queryWords(page.title, lang)),
    weightOf(at) {
      let weight = 1;
      for (let i = 0; i < page.weights.length && page.weights[i]! <= at; i += 2) weight = page.weights[i + 1]!;
      return weight;
    },
  };
}

const readCache = new WeakMap<EmbeddedIndex, ReturnType<typeof readPage>[]>();

/** Every page of the index read once (readPage), kept while the index lives. */
function readPages(index: EmbeddedIndex): ReturnType<typeof readPage>[] {
  let read = readCache.get(index);
  if (!read) readCache.set(index, (read = index.pages.map((page) => readPage(page, index.lang))));
  return read;
}

/** Reads an index entry (`[page, count, gap, …, page, …]`) into word numbers per page. Pure. */
function placesOf(entry: number[]): Map<number, number[]> {
  const byPage = new Map<number, number[]>();
  for (let i = 0; i < entry.length;) {
    const count = entry[i + 1]!;
    const list: number[] = [];
    for (let k = 0; k < count; k++) list.push((list[k - 1] ?? 0) + entry[i + 2 + k]!);
    byPage.set(entry[i]!, list);
    i += 2 + count;
  }
  return byPage;
}

/**
 * How much a longer indexed word counts when it only starts with the query word (Pagefind's term
 * similarity): 1 for the same length, falling off as a bell curve with the difference. Pure.
 */
function lengthBonus(queryWord: string, indexed: string): number {
  const differential = Math.abs(indexed.length - queryWord.length) + 1;
  const base = Math.exp((-0.5 * differential ** 2) / 2 ** 2);
  return Math.exp(base * RANKING.termSimilarity) / Math.exp(RANKING.termSimilarity);
}

/** BM25's inverse document frequency, kept positive as Pagefind keeps it. Pure. */
function idf(totalPages: number, pagesWithTerm: number): number {
  return Math.log((totalPages - pagesWithTerm + 0.5) / (pagesWithTerm + 0.5) + 1);
}

/**
 * Searches an index: every query word must start a word of the page; pages are ranked by BM25 over the
 * weighted matches, as Pagefind ranks them. Returns the number of pages found and the first `max` hits with
 * their excerpts. Pure.
 */
export function searchEmbedded(
  index: EmbeddedIndex,
  query: string,
  max = Infinity,
): { count: number; hits: EmbeddedHit[] } {
  const terms = queryWords(query, index.lang);
  if (terms.length === 0) return { count: 0, hits: [] };
  const keys = Object.keys(index.words);
  const total = index.pages.length;
  const read = readPages(index);
  const averageLength = read.reduce((sum, p) => sum + (p.parts.length - 1) / 2, 0) / Math.max(total, 1);

  // For each query word: the indexed words it matches, with their places per page and their length bonus.
  const matches = terms.map((term) => {
    let found = keys.filter((key) => key.startsWith(term));
    // A query word longer than every indexed word it could extend ("handshakes") falls back to the longest
    // indexed word it starts with ("handshake"), as Pagefind does.
    if (found.length === 0) {
      const prefix = keys.filter((key) => term.startsWith(key)).sort((a, b) => b.length - a.length)[0];
      if (prefix) found = [prefix];
    }
    const words = found.map((word) => ({ word, bonus: lengthBonus(term, word), pages: placesOf(index.words[word]!) }));
    const pages = new Set(words.flatMap((w) => [...w.pages.keys()]));
    return { words, pages, idf: idf(total, pages.size) };
  });

  const queryIdf = matches.reduce((sum, m) => sum + m.idf, 0);
  let pages = [...matches[0]!.pages];
  for (const match of matches.slice(1)) pages = pages.filter((page) => match.pages.has(page));

  const scored = pages.map((page) => {
    const { parts, weightOf, titleWords } = read[page]!;
    const length = (parts.length - 1) / 2;
    let score = 0;
    const marks = new Map<number, number>(); // word number → balanced score, for the excerpt
    const inTitle = new Map<string, number>(); // matched title word → its query word's idf
    for (const match of matches) {
      for (const { word, bonus, pages: byPage } of match.words) {
        if (titleWords.has(word)) inTitle.set(word, match.idf);
        const places: Place[] | undefined = byPage.get(page)?.map((at) => ({ at, weight: weightOf(at) }));
        if (!places) continue;
        const weighted = places.reduce((sum, p) => sum + p.weight, 0) * bonus;
        const k1 = RANKING.termSaturation;
        const b = RANKING.pageLength;
        const tf = ((k1 + 1) * weighted) / (k1 * (1 - b + (b * length) / averageLength) + weighted);
        score += match.idf * tf;
        for (const p of places) marks.set(p.at, (marks.get(p.at) ?? 0) + p.weight ** 2 * bonus);
      }
    }
    // Pagefind's title boost: the idf of the query words the title holds, times the share of the query's
    // idf they make, squared, so one common word in a title counts for little.
    const matched = [...inTitle.values()].reduce((sum, x) => sum + x, 0);
    const coverage = matched / queryIdf;
    if (queryIdf > 0) score += RANKING.title * matched * coverage * coverage;
    return { page, score, marks };
  });
  scored.sort((a, b) => b.score - a.score || a.page - b.page);

  const hits = scored.slice(0, max).map(({ page, marks }) => {
    const p = index.pages[page]!;
    return { url: p.url, meta: { title: p.title }, excerpt: excerpt(read[page]!.parts, marks) };
  });
  return { count: scored.length, hits };
}

/**
 * The excerpt of a page: the EXCERPT_WORDS-word window holding the most weight of matches, HTML-escaped, the
 * matched words in `<mark>` (Pagefind's excerpt format, which excerpt.ts reads). Pure.
 */
function excerpt(parts: string[], marks: Map<number, number>): string {
  const count = (parts.length - 1) / 2;
  let start = 0;
  let best = -1;
  for (const at of marks.keys()) {
    const from = Math.max(0, Math.min(at - Math.floor(EXCERPT_WORDS / 4), count - EXCERPT_WORDS));
    let sum = 0;
    for (const [other, weight] of marks) if (other >= from && other < from + EXCERPT_WORDS) sum += weight;
    if (sum > best || (sum === best && from < start)) [best, start] = [sum, from];
  }
  let out = '';
  const end = Math.min(count, start + EXCERPT_WORDS);
  for (let n = start; n < end; n++) {
    if (n > start) out += escapeHtml(parts[2 * n]!);
    const word = escapeHtml(parts[2 * n + 1]!);
    out += marks.has(n) ? `<mark>${word}</mark>` : word;
  }
  return out;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
