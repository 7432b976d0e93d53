// Reading a build's pages from disk, as HTML trees (hast, from the HTML parser of the MDX toolchain Astro
// uses), to check their links and resources without a browser: html.spec.ts for dist/, base-path.spec.ts for
// the build made under /tcp/.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { htmlToHast, type HastNode } from 'satteri';

type Element = Extract<HastNode, { type: 'element' }>;

/** A link or resource reference found in a page or stylesheet, and where it points. */
export interface Reference {
  /** Where it was found: an attribute, a `<meta http-equiv="refresh">`'s url=, or a stylesheet's url(…). */
  attribute: 'href' | 'src' | 'srcset' | 'data-bundle' | 'refresh' | 'url()';
  value: string;
}

/** A built page read as a tree. */
export interface PageTree {
  /** Every element, in document order; a <template>'s content is not the page's and is left out. */
  elements: Element[];
  /** Every inline <style> block's text. */
  styles: string[];
}

/** Parses one page. Pure. */
export function pageTree(html: string): PageTree {
  const elements: Element[] = [];
  const styles: string[] = [];
  const walk = (node: HastNode) => {
    if (node.type === 'element') {
      elements.push(node);
      if (node.tagName === 'style') styles.push(node.children.map((c) => (c.type === 'text' ? c.value : '')).join(''));
    }
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(htmlToHast(html));
  return { elements, styles };
}

/** One image candidate URL of each entry of a srcset ("a.png 1x, b.png 2x"). Pure. */
function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter((url) => url !== '');
}

/**
 * The references of a page's elements: every href, src and srcset candidate, the page a meta refresh sends
 * the reader to (an old address, src/content/moved.ts), and the search box's data-bundle (the Pagefind
 * script it loads when used). Pure.
 */
export function references(tree: PageTree): Reference[] {
  const found: Reference[] = [];
  for (const el of tree.elements) {
    const p = el.properties;
    if (typeof p.href === 'string') found.push({ attribute: 'href', value: p.href });
    if (typeof p.src === 'string') found.push({ attribute: 'src', value: p.src });
    if (typeof p.srcSet === 'string')
      for (const value of srcsetUrls(p.srcSet)) found.push({ attribute: 'srcset', value });
    if (typeof p.dataBundle === 'string') found.push({ attribute: 'data-bundle', value: p.dataBundle });
    const refresh = refreshUrl(el);
    if (refresh !== undefined) found.push({ attribute: 'refresh', value: refresh });
  }
  return found;
}

/** The address a `<meta http-equiv="refresh" content="0;url=…">` sends the reader to, else undefined. Pure. */
export function refreshUrl(el: Element): string | undefined {
  const equiv = el.properties.httpEquiv;
  const isRefresh = (Array.isArray(equiv) ? equiv.join(' ') : String(equiv ?? '')).toLowerCase() === 'refresh';
  if (el.tagName !== 'meta' || !isRefresh) return undefined;
  return /^\s*\d+\s*[;,]\s*url\s*=\s*(.+)$/i.exec(String(el.properties.content ?? ''))?.[1]?.trim();
}

/** Every id (and legacy a[name]) in a page, which fragment links may target. Pure. */
export function anchors(tree: PageTree): Set<string> {
  const ids = new Set<string>();
  for (const el of tree.elements) {
    if (typeof el.properties.id === 'string') ids.add(el.properties.id);
    if (el.tagName === 'a' && typeof el.properties.name === 'string') ids.add(el.properties.name);
  }
  return ids;
}

/** The url(…) references of a stylesheet, other than data: URLs and same-document #fragments. Pure. */
export function cssUrls(css: string): string[] {
  return [...css.matchAll(/url\(\s*(["']?)([^"')]+)\1\s*\)/g)]
    .map((m) => m[2]!.trim())
    .filter((url) => !url.startsWith('data:') && !url.startsWith('#'));
}

/** Where the built site lives, to resolve links against. */
export interface Site {
  /** The build's folder (dist/, .tmp/dist-base). */
  dist: string;
  /** The base path the site was built for, with slashes at both ends ("/", "/tcp/"). */
  base: string;
  /** The canonical origin (siteConfig.site): absolute links to it are internal too. */
  siteOrigin: string;
}

const LOCAL = 'http://dist.invalid';

/**
 * Checks one reference from the file at `from` (a path relative to the base: "en/x/" for a page,
 * "_astro/a.css" for a stylesheet): returns a sentence saying what is broken, or undefined when the target
 * file (and fragment id, if any) exists in the build. External links are not followed. Reads the build
 * through `read`, which caches.
 */
export function brokenReason(
  site: Site,
  from: string,
  ref: Reference,
  read: (file: string) => PageTree,
): string | undefined {
  const { value } = ref;
  if (value === '' || value === '#') return ref.attribute === 'href' ? undefined : `empty ${ref.attribute}`;
  let target: URL;
  try {
    const absolute = value.startsWith(site.siteOrigin + '/') ? LOCAL + value.slice(site.siteOrigin.length) : value;
    target = new URL(absolute, `${LOCAL}${site.base}${from}`);
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
  if (!existsSync(file)) return `no file ${file.slice(site.dist.length)} in the build`;

  const fragment = decodeURIComponent(target.hash.slice(1));
  if (fragment === '' || fragment === 'top') return undefined; // "#top" always scrolls to the top (HTML spec).
  if (!file.endsWith('.html')) return undefined;
  if (!anchors(read(file)).has(fragment)) return `no element with id="${fragment}" in ${file.slice(site.dist.length)}`;
  return undefined;
}

/** A reader that parses each page of the build once. */
export function cachedReader(): (file: string) => PageTree {
  const cache = new Map<string, PageTree>();
  return (file) => {
    let tree = cache.get(file);
    if (tree === undefined) cache.set(file, (tree = pageTree(readFileSync(file, 'utf8'))));
    return tree;
  };
}
