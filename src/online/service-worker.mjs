// The build step that writes the service worker (src/online/sw.js) to the site's root as sw.js, with the
// list of files it precaches and a version that changes whenever one of them does. Run by
// scripts/postbuild.mjs after Pagefind and before the files are compressed.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { isCompressedCopy } from './compress.mjs';

/** The worker's file name in the build's root: its folder (the base path) is its scope. */
export const SERVICE_WORKER = 'sw.js';

/**
 * Page folders (under a language) that are not precached: the teacher pages and the page of every scenario
 * are large and not needed to read the lessons; they are cached when first read.
 */
const NOT_PRECACHED_PAGES = ['teacher/', 'scenarios/'];

/**
 * Whether the built file at `path` (relative to the site, with forward slashes) is precached: the pages of
 * both languages' trees (lessons, home pages, glossary), the root language chooser, the styles and scripts in
 * _astro/ and the icon. Search files, pictures and the pages above are cached when first used. Pure.
 */
export function isPrecached(path) {
  if (isCompressedCopy(path)) return false;
  if (path === 'index.html' || path === 'favicon.svg') return true;
  if (path.startsWith('_astro/')) return /\.(css|js)$/.test(path);
  const page = /^(zh|en)\/(.*)index\.html$/.exec(path);
  return page !== null && !NOT_PRECACHED_PAGES.some((p) => page[2].startsWith(p));
}

/** The URL (relative to sw.js) a reader asks for to get `path`: pages by their folder, 'zh/index.html' → 'zh/'. */
export function urlOf(path) {
  if (path === 'index.html') return './';
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

/**
 * The worker's source for the files `files` ({ path, data }): the version (a hash of the precached files'
 * names and bytes), the precache list in a stable order, then the worker itself. Pure.
 */
export function serviceWorkerSource(files, worker) {
  const precached = files.filter((f) => isPrecached(f.path)).sort((a, b) => (a.path < b.path ? -1 : 1));
  const hash = createHash('sha256');
  for (const { path, data } of precached) hash.update(path).update('\0').update(data).update('\0');
  const version = hash.digest('hex').slice(0, 12);
  const urls = precached.map((f) => urlOf(f.path));
  return `const VERSION = ${JSON.stringify(version)};\nconst PRECACHE = ${JSON.stringify(urls)};\n\n${worker}`;
}

/** Writes DIR/sw.js for the build in DIR; returns how many files it precaches. Reads and writes the disk. */
export function writeServiceWorker(dir) {
  const files = [];
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        const path = relative(dir, full).split(sep).join('/');
        if (isPrecached(path)) files.push({ path, data: readFileSync(full) });
      }
    }
  };
  walk(dir);
  const worker = readFileSync(new URL('./sw.js', import.meta.url), 'utf8');
  writeFileSync(join(dir, SERVICE_WORKER), serviceWorkerSource(files, worker));
  return files.length;
}
