// The classroom copy: the built site made to run from disk (`file://`), by transforming the build, not by
// building differently, so it follows whatever scripts and pages the build has. In a copy of the build:
// - every address inside the site becomes relative, a folder its index.html (links.mjs);
// - each page's ES-module scripts (which Chromium will not load from file://) become one classic script,
//   bundled with esbuild; islands loaded with import() stay in it as code that runs only when imported;
// - search uses an index embedded as a classic script (src/search/embedded.ts) instead of Pagefind, which
//   fetches its index;
// - what needs http(s) stays out: the service worker and its registration, Pagefind, the sitemap, robots.txt,
//   the sharing cards and the pre-compressed copies.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { build } from 'esbuild';
import { toHtml } from 'hast-util-to-html';
import { htmlToHast } from 'satteri';
import { buildEmbeddedIndex } from '../search/embedded.ts';
import { isCompressedCopy } from '../online/compress.mjs';
import { cssFileLinks, fileLink, relativeTo, rootFrom, sitePath } from './links.mjs';

/** Where the copy's own scripts go: the bundles and the search indexes. */
export const SCRIPTS_DIR = '_classroom';

/** Files and folders of the build that only a web server uses. */
export const ONLINE_ONLY = ['sw.js', 'sitemap.xml', 'robots.txt', 'og/', 'pagefind/'];

/** Attributes that hold an address, as hast names them. `data-*` ones are found by their value. */
const URL_PROPERTIES = ['href', 'src', 'poster', 'action', 'cite', 'data'];

/** Elements whose text Pagefind does not index, and neither does the embedded index. */
const UNINDEXED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head']);

/** Elements that end a run of text: their words never join the words around them. */
const BLOCKS = new Set(
  'address article aside blockquote br dd details div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul'.split(
    ' ',
  ),
);

/** Pagefind's default weight of each heading's words; other text weighs 1. */
const HEADING_WEIGHTS = { h1: 7, h2: 6, h3: 5, h4: 4, h5: 3, h6: 2 };

/**
 * Writes the classroom copy of the built site `siteDir` into `outDir` (emptied first). Returns what it did:
 * the pages, the script bundles and the search indexes, by path from outDir. Reads and writes the disk.
 */
export async function makeFileCopy(siteDir, outDir) {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  cpSync(siteDir, outDir, {
    recursive: true,
    filter: (source) => {
      const path = relative(siteDir, source).split(sep).join('/');
      return path === '' || !(isCompressedCopy(path) || isOnlineOnly(path));
    },
  });
  const files = [...walk(outDir)].map((file) => relative(outDir, file).split(sep).join('/'));
  const isFolder = (path) => existsSync(join(outDir, path)) && statSync(join(outDir, path)).isDirectory();

  const pages = files.filter((path) => path.endsWith('.html'));
  const bundles = new Map(); // entry list key → bundle path
  const texts = new Map(); // html lang → pages' text
  for (const page of pages) {
    const tree = htmlToHast(readFileSync(join(outDir, page), 'utf8'));
    const lang = htmlLang(tree) ?? 'en';
    const entries = takeModuleScripts(tree, page, outDir);
    rewriteLinks(tree, page, isFolder);
    dropOnlineOnly(tree);
    const search = findAll(tree, (el) => el.tagName === 'hello-search');
    // Every language with a search box gets its index, even one with no page to index.
    if (search.length > 0 && !texts.has(lang)) texts.set(lang, []);
    for (const box of search) {
      delete box.properties.dataBundle;
      box.properties.dataBase = rootFrom(page);
      box.properties.dataIndex = relativeTo(page, indexPath(lang));
    }
    const text = indexedText(tree, page);
    if (text) {
      if (!texts.has(lang)) texts.set(lang, []);
      texts.get(lang).push(text);
    }
    if (entries.list.length > 0) {
      const key = JSON.stringify(entries.list.map((e) => e.file ?? e.code));
      if (!bundles.has(key)) bundles.set(key, await bundle(entries.list, outDir));
      const script = {
        type: 'element',
        tagName: 'script',
        properties: { defer: true, src: relativeTo(page, bundles.get(key)) },
        children: [],
      };
      entries.parent.children.splice(entries.at, 0, script);
    }
    templateContents(tree);
    writeFileSync(join(outDir, page), toHtml(tree, { characterReferences: { useNamedReferences: true } }));
  }
  for (const path of files.filter((p) => p.endsWith('.css'))) {
    const file = join(outDir, path);
    writeFileSync(file, cssFileLinks(readFileSync(file, 'utf8'), path, isFolder));
  }
  // Every page's scripts now live in the bundles: the build's own modules are no longer used.
  for (const path of files.filter((p) => p.endsWith('.js') && p.startsWith('_astro/'))) rmSync(join(outDir, path));

  const indexes = [];
  for (const [lang, list] of texts) {
    const index = buildEmbeddedIndex(lang, list);
    const path = indexPath(lang);
    writeFileSync(join(outDir, path), `window.__helloSearchIndex=${JSON.stringify(index)};\n`);
    indexes.push(path);
  }
  return { pages, bundles: [...new Set(bundles.values())], indexes };
}

/** The embedded index of one language (its `<html lang>`), by path from the site root. Pure. */
export function indexPath(lang) {
  return `${SCRIPTS_DIR}/search.${lang.toLowerCase()}.js`;
}

function isOnlineOnly(path) {
  return ONLINE_ONLY.some((entry) =>
    entry.endsWith('/') ? path.startsWith(entry) || path === entry.slice(0, -1) : path === entry,
  );
}

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile()) yield full;
  }
}

function findAll(node, test, found = []) {
  if (node.type === 'element' && test(node)) found.push(node);
  for (const child of node.children ?? []) findAll(child, test, found);
  return found;
}

/**
 * Gives each <template> its content as hast-util-to-html writes it (`content`, a root): the HTML parser leaves
 * it in `children`, which the writer skips, so a template (the stepper's words, the capture page's figure)
 * would reach the copy empty. Changes the tree.
 */
function templateContents(tree) {
  for (const el of findAll(tree, (node) => node.tagName === 'template' && node.children.length > 0)) {
    el.content = { type: 'root', children: el.children };
    el.children = [];
  }
}

function htmlLang(tree) {
  const html = findAll(tree, (el) => el.tagName === 'html')[0];
  return typeof html?.properties.lang === 'string' ? html.properties.lang : undefined;
}

function textOf(node) {
  if (node.type === 'text') return node.value;
  return (node.children ?? []).map(textOf).join('');
}

/**
 * Removes the page's module scripts (`<script type="module">`, with a src or inline) and module preloads,
 * in document order, and returns them as bundle entries with where the first one was, where the bundle goes.
 */
function takeModuleScripts(tree, page, outDir) {
  const list = [];
  let parent;
  let at = 0;
  const visit = (node) => {
    const children = node.children ?? [];
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (child.type !== 'element') continue;
      const p = child.properties;
      const isModule = child.tagName === 'script' && p.type === 'module';
      const isPreload = child.tagName === 'link' && [].concat(p.rel ?? []).includes('modulepreload');
      if (isModule || isPreload) {
        if (isModule) {
          if (!parent) [parent, at] = [node, i];
          if (typeof p.src === 'string') {
            const path = sitePath(p.src, page);
            if (path === undefined || !existsSync(join(outDir, path)))
              throw new Error(`classroom: ${page} loads the module ${p.src}, which is not in the build.`);
            list.push({ file: join(outDir, path) });
          } else list.push({ code: textOf(child), page });
        }
        children.splice(i--, 1);
      } else visit(child);
    }
  };
  visit(tree);
  return { list, parent, at };
}

/**
 * Bundles a page's module scripts, in their order, into one classic script (an IIFE) under SCRIPTS_DIR, named
 * by its content. Returns its path from the site root. Writes the disk.
 */
async function bundle(entries, outDir) {
  const entry = entries.map((e, i) => `import ${JSON.stringify(e.file ?? `classroom-inline:${i}`)};`).join('\n');
  const result = await build({
    stdin: { contents: entry, resolveDir: outDir, sourcefile: 'classroom-entry.js' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
    // Vite's preload helper reads import.meta.url only to preload an island's chunks, which the bundle holds.
    logOverride: { 'empty-import-meta': 'silent' },
    plugins: [
      {
        name: 'classroom',
        setup(esbuild) {
          esbuild.onResolve({ filter: /^classroom-inline:/ }, (args) => ({ path: args.path, namespace: 'inline' }));
          esbuild.onLoad({ filter: /.*/, namespace: 'inline' }, (args) => ({
            contents: entries[Number(args.path.split(':')[1])].code,
            resolveDir: outDir,
          }));
          // An address from the site root (`/_astro/x.js`) is a file of the build.
          esbuild.onResolve({ filter: /^\// }, (args) =>
            args.path.startsWith(outDir) ? undefined : { path: join(outDir, args.path) },
          );
          esbuild.onLoad({ filter: /\.js$/ }, (args) => ({ contents: withoutPreloads(args.path, outDir) }));
        },
      },
    ],
  });
  const code = result.outputFiles[0].text;
  const path = `${SCRIPTS_DIR}/page.${createHash('sha256').update(code).digest('hex').slice(0, 10)}.js`;
  mkdirSync(join(outDir, SCRIPTS_DIR), { recursive: true });
  writeFileSync(join(outDir, path), code);
  return path;
}

/** What Vite starts a chunk with when it lists the chunks an import() should preload. */
const VITE_DEPS = 'const __vite__mapDeps=';

/**
 * A built chunk's code with Vite's list of chunks to preload emptied: its preload helper then adds no
 * `<link rel=modulepreload>` (which file:// cannot load), and the chunks are in the bundle anyway.
 */
function withoutPreloads(file, outDir) {
  const code = readFileSync(file, 'utf8');
  if (!code.includes('__vite__mapDeps')) return code;
  if (!code.startsWith(VITE_DEPS))
    throw new Error(
      `classroom: ${relative(outDir, file)} uses __vite__mapDeps but does not start with "${VITE_DEPS}"; ` +
        'Vite changed how it lists preloads: update withoutPreloads() in src/classroom/transform.mjs.',
    );
  return `const __vite__mapDeps=()=>[],__vite__mapDepsUnused=${code.slice(VITE_DEPS.length)}`;
}

/** Rewrites every address in the page's attributes (links.mjs). */
function rewriteLinks(tree, page, isFolder) {
  for (const el of findAll(tree, () => true)) {
    const p = el.properties;
    for (const name of URL_PROPERTIES) if (typeof p[name] === 'string') p[name] = fileLink(p[name], page, isFolder);
    if (typeof p.srcSet === 'string') {
      p.srcSet = p.srcSet
        .split(',')
        .map((candidate) => {
          const [url = '', ...rest] = candidate.trim().split(/\s+/);
          return [fileLink(url, page, isFolder), ...rest].join(' ');
        })
        .join(', ');
    }
    for (const [name, value] of Object.entries(p)) {
      if (/^data[A-Z]/.test(name) && typeof value === 'string' && /^\/(?!\/)/.test(value))
        p[name] = fileLink(value, page, isFolder);
    }
    if (typeof p.style === 'string') p.style = cssFileLinks(p.style, page, isFolder);
    // An old address's <meta http-equiv="refresh" content="0;url=/zh/faq-opening/"> (src/content/moved.ts).
    const refresh = el.tagName === 'meta' && /^refresh$/i.test([].concat(p.httpEquiv ?? []).join(' '));
    if (refresh && typeof p.content === 'string')
      p.content = p.content.replace(/(url\s*=\s*)(\S+)/i, (_, key, url) => key + fileLink(url, page, isFolder));
    if (el.tagName === 'style')
      for (const c of el.children) if (c.type === 'text') c.value = cssFileLinks(c.value, page, isFolder);
  }
}

/** Removes what the site marks `data-online-only` (the service worker's registration). */
function dropOnlineOnly(tree) {
  const visit = (node) => {
    if (!node.children) return;
    node.children = node.children.filter((c) => !(c.type === 'element' && 'dataOnlineOnly' in c.properties));
    node.children.forEach(visit);
  };
  visit(tree);
}

/**
 * The text of a page's part marked `data-pagefind-body`, as Pagefind reads it: runs of text with their
 * weights (each text node one run, so a word never spans two elements), leaving out `data-pagefind-ignore` and what is not text; the title from `data-pagefind-meta="title"`
 * or the first h1. Undefined for a page with no such part (Pagefind leaves it out too).
 */
function indexedText(tree, page) {
  const bodies = findAll(tree, (el) => 'dataPagefindBody' in el.properties);
  if (bodies.length === 0) return undefined;
  const titled = findAll(tree, (el) => el.properties.dataPagefindMeta === 'title')[0];
  const h1 = findAll(tree, (el) => el.tagName === 'h1')[0];
  const title = textOf(titled ?? h1 ?? { children: [] })
    .replace(/\s+/g, ' ')
    .trim();
  const blocks = [];
  let joined = false; // whether the next run continues the last one's line
  const visit = (node, weight) => {
    if (node.type === 'text') {
      const text = node.value.replace(/\s+/g, ' ');
      if (text.trim() === '') {
        if (text && joined) blocks.push({ text, weight, joined });
        return;
      }
      blocks.push({ text: joined ? text : text.trimStart(), weight, joined });
      joined = true;
      return;
    }
    if (node.type !== 'element') return;
    if (UNINDEXED.has(node.tagName) || 'dataPagefindIgnore' in node.properties) return;
    const own = node.properties.dataPagefindWeight;
    const inner = own !== undefined ? Number(own) : (HEADING_WEIGHTS[node.tagName] ?? weight);
    const block = BLOCKS.has(node.tagName);
    if (block) joined = false;
    for (const child of node.children) visit(child, inner);
    if (block) joined = false;
  };
  for (const body of bodies) {
    joined = false;
    visit(body, 1);
  }
  return { url: page, title, blocks };
}
