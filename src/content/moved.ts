/**
 * Pages that moved, by their path inside each language's tree: the old path → the pages that now hold what
 * it had, the first being where the reader is sent. Readers and teachers keep bookmarks, so every old path is
 * still built, in both languages, as a page that sends the reader on at once (src/pages/[lang]/[...moved].astro,
 * a `<meta http-equiv="refresh">` that works without JavaScript and from disk) and links to all of them; it is
 * left out of the sitemap and the search index.
 * e.g. { 'faq/': ['faq-opening/', 'faq-closing/'] }: /zh/faq/ → /zh/faq-opening/. Pure data.
 */
export const MOVED: Readonly<Record<string, readonly [string, ...string[]]>> = {
  // The questions lesson became two, one about opening a connection and one about closing it.
  'faq/': ['faq-opening/', 'faq-closing/'],
  'teacher/faq/': ['teacher/faq-opening/', 'teacher/faq-closing/'],
};

/**
 * Where the page at `path` (relative to the base: "zh/faq/", as the sitemap and the tests name pages) sends
 * the reader, in the same form ("zh/faq-opening/"), or undefined when it did not move. Pure.
 */
export function movedTo(path: string): string | undefined {
  const [lang, ...rest] = path.replace(/^\//, '').split('/');
  const to = MOVED[rest.join('/')];
  return to === undefined ? undefined : `${lang}/${to[0]}`;
}
