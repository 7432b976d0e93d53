// Build time as the content grows: a temporary copy of the project (under .tmp/, node_modules linked)
// with every lesson replicated N times in both languages, built with `astro build`.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { timed } from './util.mjs';

const COPY = [
  'src',
  'content',
  'public',
  'scripts',
  'astro.config.mjs',
  'site.config.mjs',
  'tsconfig.json',
  'package.json',
];

/** Makes the copy at `dir` with an empty diagram cache (so its first build renders every diagram). Writes the disk. */
export function makeCopy(root, dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const name of COPY)
    if (existsSync(join(root, name))) cpSync(join(root, name), join(dir, name), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
}

/**
 * Sets the copy's lessons to the originals replicated `times` times in both languages: copy k of lesson
 * NN-slug becomes NN-slug-rk.mdx with the next free order. Lesson files are named with two digits, so copies
 * keep the original's prefix and differ by slug. Quiz ids must be unique site-wide, so a copy's quiz ids get
 * the same -rk suffix, with a matching answer-key file. Returns the number of lesson files. Writes the disk.
 */
export function replicateLessons(root, dir, times) {
  let count = 0;
  const keysDir = join(root, 'content/quizzes');
  for (const lang of ['zh', 'en']) {
    const source = join(root, 'content/lessons', lang);
    const target = join(dir, 'content/lessons', lang);
    rmSync(target, { recursive: true, force: true });
    mkdirSync(target, { recursive: true });
    const files = readdirSync(source)
      .filter((f) => /^\d{2}-.+\.mdx?$/.test(f))
      .sort();
    let order = 0;
    for (let k = 0; k < times; k++) {
      for (const file of files) {
        order++;
        const [, nn, slug, ext] = /^(\d{2})-(.+)\.(mdx?)$/.exec(file);
        let text = readFileSync(join(source, file), 'utf8').replace(/^order:\s*\d+\s*$/m, `order: ${order}`);
        if (k > 0) {
          const keyFile = join(keysDir, `${slug}.json`);
          if (existsSync(keyFile)) {
            const keys = JSON.parse(readFileSync(keyFile, 'utf8'));
            const renamed = Object.fromEntries(Object.entries(keys).map(([id, key]) => [`${id}-r${k}`, key]));
            writeFileSync(join(dir, 'content/quizzes', `${slug}-r${k}.json`), JSON.stringify(renamed));
            for (const id of Object.keys(keys)) text = text.replaceAll(`id="${id}"`, `id="${id}-r${k}"`);
          }
          text = text.replaceAll(`lesson="${slug}"`, `lesson="${slug}-r${k}"`);
        }
        writeFileSync(join(target, k === 0 ? file : `${nn}-${slug}-r${k}.${ext}`), text);
        count++;
      }
    }
  }
  return count;
}

/** Builds the copy into its own dist; resolves with the wall time in ms. */
export function buildCopy(dir) {
  return timed('npx', ['astro', 'build'], { cwd: dir });
}
