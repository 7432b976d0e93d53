/**
 * Links to the site's pages and files, built at build time. Page links come from Astro's i18n routing
 * (`astro:i18n`), so the language prefix, the base path (BASE_PATH=/tcp/) and the trailing slash all follow
 * astro.config.mjs; nothing here reads a language out of a URL.
 */
import { getAbsoluteLocaleUrl, getRelativeLocaleUrl } from 'astro:i18n';
import type { Lang } from '~/i18n';

/** Splits "scenarios/#lost-syn" into the path and "#lost-syn": Astro would put its trailing slash after the fragment. */
function splitFragment(path: string): [string, string] {
  const at = path.indexOf('#');
  return at < 0 ? [path, ''] : [path.slice(0, at), path.slice(at)];
}

/**
 * A page in one language, from its path inside the language's tree ('' is the home page):
 * `pageUrl('en', 'glossary/')` → "/en/glossary/", or "/tcp/en/glossary/" under BASE_PATH=/tcp/.
 */
export function pageUrl(lang: Lang, path = ''): string {
  const [page, fragment] = splitFragment(path);
  return getRelativeLocaleUrl(lang, page) + fragment;
}

/** The same page as an absolute URL on the configured site (canonical and hreflang links). */
export function absolutePageUrl(lang: Lang, path = ''): string {
  const [page, fragment] = splitFragment(path);
  return getAbsoluteLocaleUrl(lang, page) + fragment;
}

/** A file outside the language trees, under the base path: `assetUrl('favicon.svg')` → "/tcp/favicon.svg". */
export function assetUrl(path: string): string {
  return `${import.meta.env.BASE_URL.replace(/\/$/, '')}/${path.replace(/^\//, '')}`;
}
