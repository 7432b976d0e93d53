// Links in the classroom copy: every address inside the site becomes a path relative to the file that holds
// it, and a folder becomes its index.html, because a page opened from disk (file://) has no server to find
// `/zh/glossary/` for it. Pure.
import { posix } from 'node:path';

/** A made-up origin to resolve addresses against; nothing is ever fetched from it. */
const SITE = 'http://site.invalid/';

/**
 * The address `value`, found in the file `from` (a path from the site root: `zh/lab/index.html`), rewritten
 * relative to that file, with a folder (`…/`, or a path `isFolder` says is one) ending in `index.html`.
 * Fragments, queries, other sites and other schemes (`https:`, `data:`, `mailto:`) come back unchanged.
 * `isFolder(path)` answers for a path from the site root without a trailing slash. Pure unless isFolder reads
 * the disk.
 * @param {string} value
 * @param {string} from
 * @param {(path: string) => boolean} [isFolder]
 */
export function fileLink(value, from, isFolder = () => false) {
  const path = sitePath(value, from);
  if (path === undefined) return value;
  const url = new URL(value.trim(), SITE + from);
  let target = path;
  if (target === '' || target.endsWith('/')) target += 'index.html';
  else if (isFolder(target)) target += '/index.html';
  return encodeURI(relativeTo(from, target)) + url.search + url.hash;
}

/**
 * The path from the site root that `value`, found in `from`, points to (`zh/glossary/`), or undefined when it
 * points outside the site or only within the page (`#top`, `?q`). Pure.
 */
export function sitePath(value, from) {
  const text = value.trim();
  if (text === '' || text.startsWith('#') || text.startsWith('?')) return undefined;
  if (/^[a-z][a-z0-9+.-]*:/i.test(text) || text.startsWith('//')) return undefined;
  const url = new URL(text, SITE + from);
  if (url.origin + '/' !== SITE) return undefined;
  return decodeURIComponent(url.pathname.slice(1));
}

/** The folder holding the site root as seen from the file `from`: `''` at the root, `../../` two levels down. Pure. */
export function rootFrom(from) {
  return '../'.repeat(from.split('/').length - 1);
}

/** The path of `target` relative to the file `from`, both from the site root. Pure. */
export function relativeTo(from, target) {
  const rel = posix.relative(posix.dirname(from), target);
  return rel === '' ? posix.basename(target) : rel;
}

/**
 * A stylesheet's `url(…)` references, rewritten with fileLink relative to the stylesheet `from`. Quoted and
 * unquoted forms; `data:` and other sites are left alone. Pure unless isFolder reads the disk.
 * @param {string} css
 * @param {string} from
 * @param {(path: string) => boolean} [isFolder]
 */
export function cssFileLinks(css, from, isFolder) {
  return css.replace(/url\(\s*(['"]?)([^'")]*)\1\s*\)/g, (whole, quote, value) => {
    const rewritten = fileLink(value, from, isFolder);
    return rewritten === value ? whole : `url(${quote}${rewritten}${quote})`;
  });
}
