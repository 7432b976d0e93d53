import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** A link or resource reference found in a page: the attribute value and where it points. */
export interface Reference {
  attribute: 'href' | 'src';
  value: string;
}

// Code samples may show markup; only the page's own elements count.
const IGNORED_BLOCKS = /<(pre|script|style|template)\b[\s\S]*?<\/\1>/gi;
const REFERENCE = /\s(href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;
const ID = /\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;

/** The href and src values of a page's elements, outside code blocks and scripts. Pure. */
export function references(html: string): Reference[] {
  const found: Reference[] = [];
  for (const m of html.replace(IGNORED_BLOCKS, '').matchAll(REFERENCE)) {
    found.push({ attribute: m[1]!.toLowerCase() as Reference['attribute'], value: decodeEntities(m[2] ?? m[3] ?? '') });
  }
  return found;
}

/** Every id (and legacy a[name]) in a page, which fragment links may target. Pure. */
export function anchors(html: string): Set<string> {
  const ids = new Set<string>();
  for (const m of html.matchAll(ID)) ids.add(decodeEntities(m[1] ?? m[2] ?? ''));
  return ids;
}

/** Decodes the character references Astro writes into attribute values. Pure. */
export function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, code: string) => {
    const lower = code.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(parseInt(lower.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[lower]!;
  });
}

/** Where the built site lives, to resolve links against. */
export interface Site {
  /** The dist/ folder. */
  dist: string;
  /** The base path the site was built for, with slashes at both ends ("/", "/tcp/"). */
  base: string;
  /** The canonical origin (siteConfig.site): absolute links to it are internal too. */
  siteOrigin: string;
}

const LOCAL = 'http://dist.invalid';

/**
 * Checks one reference from the page at `pagePath` (relative to the base, "en/x/"): returns a sentence
 * saying what is broken, or undefined when the target file (and fragment id, if any) exists in dist/.
 * External links are not followed. Reads dist/ through `read`, which caches.
 */
export function brokenReason(
  site: Site,
  pagePath: string,
  ref: Reference,
  read: (file: string) => string,
): string | undefined {
  const { value } = ref;
  if (value === '' || value === '#') return ref.attribute === 'src' ? 'empty src' : undefined;
  let target: URL;
  try {
    const absolute = value.startsWith(site.siteOrigin + '/') ? LOCAL + value.slice(site.siteOrigin.length) : value;
    target = new URL(absolute, `${LOCAL}${site.base}${pagePath}`);
  } catch {
    return `not a valid URL`;
  }
  if (target.origin !== LOCAL) return undefined; // External, mailto:, data: … — not ours to check here.
  if (!target.pathname.startsWith(site.base)) return `points outside the base path ${site.base}`;

  const rel = decodeURIComponent(target.pathname.slice(site.base.length));
  let file = join(site.dist, rel);
  if (rel === '' || rel.endsWith('/')) file = join(file, 'index.html');
  else if (existsSync(file) && statSync(file).isDirectory())
    return `names a folder: write ${target.pathname}/ with a trailing slash`;
  if (!existsSync(file)) return `no file ${file.slice(site.dist.length)} in dist/`;

  const fragment = decodeURIComponent(target.hash.slice(1));
  if (fragment === '' || fragment === 'top') return undefined; // "#top" always scrolls to the top (HTML spec).
  if (!file.endsWith('.html')) return undefined;
  if (!anchors(read(file)).has(fragment)) return `no element with id="${fragment}" in ${file.slice(site.dist.length)}`;
  return undefined;
}

/** A reader that reads each file of dist/ once. */
export function cachedReader(): (file: string) => string {
  const cache = new Map<string, string>();
  return (file) => {
    let text = cache.get(file);
    if (text === undefined) cache.set(file, (text = readFileSync(file, 'utf8')));
    return text;
  };
}
