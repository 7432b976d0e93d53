// After `astro build && pagefind --site DIR`: drops the Pagefind UI bundles the site does not use
// (its search box is its own, over pagefind.js) so the site and the classroom archive stay small,
// checks the search index is there for both languages, writes the service worker (src/online/sw.js) with
// the list of files it precaches, then writes a `.br` and a `.gz` beside every text
// file (src/online/compress.mjs), last, so the copies match the files as served.
//   node scripts/postbuild.mjs [dir=dist]
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isCompressedCopy, precompress } from '../src/online/compress.mjs';
import { writeServiceWorker } from '../src/online/service-worker.mjs';

/** Pagefind's prebuilt interfaces: the site's own <hello-search> replaces them. */
export const UNUSED_PAGEFIND_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

/** The Pagefind index languages every build must have, as Pagefind names them after <html lang>. */
export const INDEX_LANGUAGES = ['en', 'zh-hans'];

/**
 * Prunes DIR/pagefind, writes DIR/sw.js, pre-compresses DIR's text files, and returns the search index's size in bytes (without
 * the compressed copies). Throws when the index is missing a language.
 */
export function postbuild(dir = 'dist') {
  const bundle = join(dir, 'pagefind');
  if (!existsSync(join(bundle, 'pagefind.js'))) {
    throw new Error(`postbuild: no ${bundle}/pagefind.js. Run \`pagefind --site ${dir}\` after \`astro build\` first.`);
  }
  for (const name of UNUSED_PAGEFIND_FILES) rmSync(join(bundle, name), { force: true });
  const metas = readdirSync(bundle).filter((name) => name.endsWith('.pf_meta'));
  for (const lang of INDEX_LANGUAGES) {
    if (!metas.some((name) => name.startsWith(`pagefind.${lang}_`))) {
      throw new Error(
        `postbuild: ${bundle} has no search index for "${lang}" (found: ${metas.join(', ') || 'none'}). ` +
          'Check that the pages of that language set <html lang> and mark their text with data-pagefind-body.',
      );
    }
  }
  writeServiceWorker(dir);
  precompress(dir);
  return sizeOf(bundle);
}

function sizeOf(path) {
  const info = statSync(path);
  if (!info.isDirectory()) return isCompressedCopy(path) ? 0 : info.size;
  return readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? 'dist';
  const bytes = postbuild(dir);
  console.log(`postbuild: search index in ${dir}/pagefind is ${(bytes / 1024).toFixed(0)} KiB`);
}
