import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { lessonFiles } from '../support/lessons';
import { movedTo } from '../../src/content/moved';

/** One page of the built site. */
export interface BuiltPage {
  /** Path relative to the base URL, as `page.goto` takes it: "" for the root, "en/socket-phone/", "404.html". */
  path: string;
  /** The HTML file on disk. */
  file: string;
  /** "zh", "en", or undefined for pages outside a language tree (the root chooser, 404). */
  lang: 'zh' | 'en' | undefined;
  /** True for a lesson page: /<lang>/<slug>/ for a lesson file content/lessons/<lang>/NN-<slug>.mdx. */
  lesson: boolean;
  /** The lesson's slug ("socket-phone") on a lesson page, else undefined. */
  slug: string | undefined;
  /**
   * On an old address that sends the reader on (src/content/moved.ts), the path it sends them to
   * ("en/faq-opening/"), else undefined.
   */
  movedTo: string | undefined;
}

/** The build output folder the browser tests serve: dist/, or $E2E_DIST when set (a build kept apart). */
export const DIST = resolve(process.env.E2E_DIST ?? 'dist');

/**
 * Every HTML page in dist/, sorted, so the specs that must see every page (accessibility, HTML validity,
 * links) cannot miss one that a new lesson adds. Reads the disk; throws when there is no build.
 */
export function builtPages(dist: string = DIST): BuiltPage[] {
  if (!existsSync(dist)) throw new Error(`No build in ${dist}: run \`npm run build\` before the browser tests.`);
  const lessons = new Set(lessonFiles().map((l) => l.path));
  const pages: BuiltPage[] = [];
  for (const file of htmlFiles(dist)) {
    const rel = relative(dist, file).split(sep).join('/');
    const path = rel === 'index.html' ? '' : rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel;
    const parts = path.split('/').filter(Boolean);
    const lang = parts[0] === 'zh' || parts[0] === 'en' ? parts[0] : undefined;
    const lesson = lessons.has(path);
    pages.push({ path, file, lang, lesson, slug: lesson ? parts[1] : undefined, movedTo: movedTo(path) });
  }
  return pages.sort((a, b) => a.path.localeCompare(b.path));
}

function* htmlFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    // _astro holds bundled assets and pagefind its index: neither has pages.
    if (entry.isDirectory() && !entry.name.startsWith('_') && entry.name !== 'pagefind') yield* htmlFiles(full);
    else if (entry.isFile() && entry.name.endsWith('.html')) yield full;
  }
}
