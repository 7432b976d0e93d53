/**
 * sitemap.xml and robots.txt for search engines, from the list of pages a build wrote. Pure: the
 * integration (./integration.ts) passes in the pages and the site's root URL and writes the files.
 */
import { HTML_LANG, isLang, LANGS, type Lang } from '../i18n';
import { movedTo } from '../content/moved';

/**
 * A page of the sitemap: its URL and the same page in each language that has it.
 * e.g. { loc: 'https://…/en/glossary/', alternates: [{ hreflang: 'zh-Hans', href: 'https://…/zh/glossary/' }, …] }
 */
export interface SitemapEntry {
  loc: string;
  alternates: { hreflang: string; href: string }[];
}

/**
 * The sitemap's entries for `pathnames`, the built pages' paths under the base path ('' is the language
 * chooser, 'zh/' a language's home, 'en/glossary/' a page). Each page in a language lists itself and its
 * twin in the other language (hreflang from HTML_LANG, as the pages' own <link rel="alternate">), and an
 * `x-default` for a reader of neither: the chooser for the home pages, else the default language's page.
 * Pages outside the language trees other than the chooser (the 404 page, images) are left out, and so are
 * old addresses that only send the reader on (src/content/moved.ts). Pure.
 */
export function sitemapEntries(pathnames: readonly string[], root: string): SitemapEntry[] {
  const base = root.endsWith('/') ? root : `${root}/`;
  const byPath = new Map<string, Set<Lang>>();
  let chooser = false;
  for (const raw of pathnames) {
    const pathname = raw.replace(/^\//, '');
    if (pathname === '') {
      chooser = true;
      continue;
    }
    const [first, ...rest] = pathname.split('/');
    if (!first || !isLang(first) || !pathname.endsWith('/') || movedTo(pathname) !== undefined) continue;
    const path = rest.join('/');
    byPath.set(path, (byPath.get(path) ?? new Set()).add(first));
  }
  const url = (lang: Lang, path: string) => `${base}${lang}/${path}`;
  const entries: SitemapEntry[] = [];
  if (chooser) {
    entries.push({
      loc: base,
      alternates: [
        ...LANGS.filter((l) => byPath.get('')?.has(l)).map((l) => ({ hreflang: HTML_LANG[l], href: url(l, '') })),
        { hreflang: 'x-default', href: base },
      ],
    });
  }
  for (const [path, langs] of [...byPath].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const here = LANGS.filter((l) => langs.has(l));
    const fallback = path === '' && chooser ? base : url(here[0]!, path);
    const alternates = [
      ...here.map((l) => ({ hreflang: HTML_LANG[l], href: url(l, path) })),
      { hreflang: 'x-default', href: fallback },
    ];
    for (const lang of here) entries.push({ loc: url(lang, path), alternates });
  }
  return entries;
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The sitemap document (sitemaps.org 0.9, with Google's xhtml:link alternates) for `entries`. Pure. */
export function sitemapXml(entries: readonly SitemapEntry[]): string {
  const urls = entries.map(({ loc, alternates }) =>
    [
      '  <url>',
      `    <loc>${escapeXml(loc)}</loc>`,
      ...alternates.map(
        (a) => `    <xhtml:link rel="alternate" hreflang="${escapeXml(a.hreflang)}" href="${escapeXml(a.href)}"/>`,
      ),
      '  </url>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n');
}

/** robots.txt: every page may be crawled, and the sitemap is at `sitemapUrl`. Pure. */
export function robotsTxt(sitemapUrl: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${sitemapUrl}\n`;
}
