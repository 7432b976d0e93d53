// Pre-compressed copies of the built site's text files, so a server that can send a file's `.br` or `.gz`
// twin as is (nginx `gzip_static`/`brotli_static`, Caddy `precompressed`) spends no time compressing and
// sends the smallest bytes the best settings make. Run by scripts/postbuild.mjs as the build's last step.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * The extensions of text files worth compressing. Pagefind's index files (`.pf_meta`, `.pf_index`,
 * `.pf_fragment`, `.pagefind`) are gzipped by Pagefind already, and images and fonts are compressed formats.
 */
export const TEXT_EXTENSIONS = new Set([
  '.html',
  '.css',
  '.js',
  '.mjs',
  '.json',
  '.svg',
  '.xml',
  '.txt',
  '.webmanifest',
]);

/** The suffixes of the copies, which servers look for beside the file. */
export const COMPRESSED_SUFFIXES = ['.br', '.gz'];

/** Whether `name` is a pre-compressed copy (`page.html.br`, `page.html.gz`), not a file of the site. */
export function isCompressedCopy(name) {
  return COMPRESSED_SUFFIXES.some((suffix) => name.endsWith(suffix));
}

/** Brotli and gzip of `data` at their highest quality. Pure. */
export function compress(data) {
  const br = brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  });
  const gz = gzipSync(data, { level: constants.Z_BEST_COMPRESSION, memLevel: 9 });
  return { br, gz };
}

/**
 * Writes `FILE.br` and `FILE.gz` beside every text file under `dir` (copies from an earlier run are
 * overwritten, never compressed again). Returns how many files it compressed and their total sizes.
 * Writes the disk.
 */
export function precompress(dir) {
  const total = { files: 0, raw: 0, br: 0, gz: 0 };
  for (const file of textFiles(dir)) {
    const data = readFileSync(file);
    const { br, gz } = compress(data);
    writeFileSync(`${file}.br`, br);
    writeFileSync(`${file}.gz`, gz);
    total.files += 1;
    total.raw += data.length;
    total.br += br.length;
    total.gz += gz.length;
  }
  return total;
}

function* textFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) yield* textFiles(full);
    else if (entry.isFile() && TEXT_EXTENSIONS.has(extname(entry.name))) yield full;
  }
}
