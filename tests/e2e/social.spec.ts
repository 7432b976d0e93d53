import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { htmlToHast } from 'satteri';
import { test, expect } from '@playwright/test';
import { builtPages, DIST } from './pages';

interface HNode {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HNode[];
}

/** The page's meta tags (by property or name) and its first h1's text, read from the built HTML as a tree. */
function readPage(file: string): { tags: Record<string, string>; h1?: string } {
  const tags: Record<string, string> = {};
  let h1: string | undefined;
  const text = (n: HNode): string => (n.type === 'text' ? (n.value ?? '') : (n.children ?? []).map(text).join(''));
  const walk = (n: HNode) => {
    if (n.tagName === 'meta') {
      const key = n.properties?.property ?? n.properties?.name;
      if (typeof key === 'string') tags[key] = String(n.properties?.content ?? '');
    }
    if (n.tagName === 'h1' && h1 === undefined) h1 = text(n);
    (n.children ?? []).forEach(walk);
  };
  walk(htmlToHast(readFileSync(file, 'utf8')) as unknown as HNode);
  return { tags, ...(h1 === undefined ? {} : { h1 }) };
}

// A shared link shows a card: every page carries the Open Graph and Twitter tags, and the picture they name
// is in the build, a PNG of the size they give; but the 404 page, and the old addresses that send the reader
// on at once (src/content/moved.ts), whose canonical link names the page that has the card. Read from the
// built files, so no page loads.
const REQUIRED = [
  'og:type',
  'og:site_name',
  'og:title',
  'og:description',
  'og:url',
  'og:locale',
  'og:image',
  'og:image:width',
  'og:image:height',
  'og:image:alt',
  'twitter:card',
  'twitter:image:alt',
];

/** The pages that are not lessons although they sit one level under a language. */
const NOT_LESSONS = /^(zh|en)\/(glossary|scenarios|teacher)\/$/;

for (const built of builtPages().filter((p) => p.path !== '404.html' && p.movedTo === undefined)) {
  const lesson = built.lesson && !NOT_LESSONS.test(built.path);
  test(`sharing card: /${built.path}`, async ({ baseURL }) => {
    const { tags, h1 } = readPage(built.file);
    for (const name of REQUIRED) expect(tags[name], name).toBeTruthy();
    expect(tags['og:locale']).toBe(built.lang === 'en' ? 'en_US' : 'zh_CN');
    expect(tags['og:type']).toBe(lesson ? 'article' : 'website');
    expect(new URL(tags['og:url']!).pathname).toBe(new URL(built.path, baseURL).pathname);
    if (lesson) {
      expect(tags['og:title']).toBe(h1);
      expect(tags['og:image']).toMatch(new RegExp(`/og/${built.path.replace(/\/$/, '')}\\.png$`));
    }

    // The picture, in this build: where the site URL puts it, under the base path.
    const image = new URL(tags['og:image']!);
    const base = new URL(baseURL!).pathname;
    expect(image.pathname.startsWith(base)).toBe(true);
    const png = readFileSync(join(DIST, image.pathname.slice(base.length)));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([
      Number(tags['og:image:width']),
      Number(tags['og:image:height']),
    ]);
  });
}
