import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { checkRootBuild, FOLDER, packSite, README } from '../../../scripts/classroom.mjs';
import { searchEmbedded, type EmbeddedIndex } from '~/search/embedded';
import { lessonFiles } from '../../support/lessons';
import { SEARCH_QUERIES } from '../../support/search-queries';
import { unzipToTemp } from './unzip';

function fakeSite(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'hello-tcp-site-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function unpack(site: string): string {
  const archive = join(mkdtempSync(join(tmpdir(), 'hello-tcp-zip-')), 'classroom.zip');
  writeFileSync(archive, packSite(site));
  return join(unzipToTemp(archive), FOLDER);
}

describe('the classroom archive', () => {
  it('holds the site in one folder, with the README and the small server beside index.html', () => {
    const dir = unpack(
      fakeSite({ 'index.html': '<h1>root</h1>', 'zh/index.html': '<h1>中文</h1>', 'pagefind/pagefind.js': '//' }),
    );
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toBe('<h1>root</h1>');
    expect(readFileSync(join(dir, 'zh/index.html'), 'utf8')).toBe('<h1>中文</h1>');
    expect(existsSync(join(dir, 'pagefind/pagefind.js'))).toBe(true);
    expect(readFileSync(join(dir, 'README.txt'), 'utf8')).toBe(README);
    expect(readFileSync(join(dir, 'serve.mjs'), 'utf8')).toContain('createServer');
  });

  it('says in both languages to double-click index.html first and to use a server second', () => {
    const [zh, en] = README.split('Hello, TCP — classroom package') as [string, string];
    for (const part of [zh, en]) {
      expect(part.indexOf('index.html')).toBeLessThan(part.indexOf('python3 -m http.server 8000'));
      expect(part).toContain('http://localhost:8000/');
      expect(part).toContain('security.fileuri.strict_origin_policy');
    }
    expect(zh).toMatch(/双击文件夹里的 index\.html/);
    expect(zh).toMatch(/静态网页服务器/);
    expect(en).toMatch(/double-click index\.html/);
    expect(en).toMatch(/static web server/);
  });

  it("leaves out the build's .br and .gz copies and sharing cards, which only a web server needs", () => {
    const dir = unpack(
      fakeSite({ 'index.html': '<h1>root</h1>', 'index.html.br': 'b', 'index.html.gz': 'g', 'og/zh/site.png': 'p' }),
    );
    expect(existsSync(join(dir, 'index.html'))).toBe(true);
    expect(existsSync(join(dir, 'og/zh/site.png'))).toBe(false);
    expect(existsSync(join(dir, 'index.html.br'))).toBe(false);
    expect(existsSync(join(dir, 'index.html.gz'))).toBe(false);
  });

  it('refuses a site whose own README would be hidden', () => {
    expect(() => packSite(fakeSite({ 'README.txt': 'mine' }))).toThrow(/has its own README.txt/);
  });

  it('packs an existing build only if it was made for the server root', () => {
    expect(() => checkRootBuild(fakeSite({ 'zh/index.html': '' }))).toThrow(/no index\.html.*npm run build/);
    const underTcp = fakeSite({ 'index.html': '<link rel="stylesheet" href="/tcp/_astro/a.css">' });
    expect(() => checkRootBuild(underTcp)).toThrow(/not built for the server root.*BASE_PATH/);
    const atRoot = fakeSite({ 'index.html': '<link rel="stylesheet" href="/_astro/a.css">' });
    expect(() => checkRootBuild(atRoot)).not.toThrow();
  });
});

// The real archive, when `npm run test:classroom` has just packed it (from dist/).
describe.runIf(process.env.CLASSROOM_ARCHIVE)('hello-tcp-classroom.zip', () => {
  let unpacked: string | undefined;
  const dir = () => (unpacked ??= join(unzipToTemp(process.env.CLASSROOM_ARCHIVE!), FOLDER));

  it('holds every lesson in both languages, made for file://: relative links, classic scripts, no Pagefind', () => {
    const root = dir();
    const lessons = lessonFiles();
    expect(lessons.length).toBeGreaterThan(0);
    for (const page of [
      'index.html',
      '404.html',
      'zh/index.html',
      'en/index.html',
      ...lessons.map((l) => `${l.path}index.html`),
    ]) {
      expect(existsSync(join(root, page)), page).toBe(true);
    }
    for (const gone of ['pagefind', 'sw.js', 'og']) expect(existsSync(join(root, gone)), gone).toBe(false);
    const html = readFileSync(join(root, 'zh/three-way-handshake/index.html'), 'utf8');
    expect(html).toContain('data-index="../../_classroom/search.zh-hans.js"');
    expect(html).not.toMatch(/(?:href|src)="\/(?!\/)/);
    expect(html).not.toContain('type="module"');
    expect(html).toMatch(/<script defer src="\.\.\/\.\.\/_classroom\/page\.[0-9a-f]+\.js"><\/script>/);
  });

  it("ranks the lessons for the search tests' queries as the online search does", () => {
    const root = dir();
    for (const [lang, file] of [
      ['zh', 'search.zh-hans.js'],
      ['en', 'search.en.js'],
    ] as const) {
      const context: { window: { __helloSearchIndex?: EmbeddedIndex } } = { window: {} };
      runInNewContext(readFileSync(join(root, '_classroom', file), 'utf8'), context);
      const index = context.window.__helloSearchIndex!;
      for (const [query, slug] of SEARCH_QUERIES[lang]) {
        const { hits } = searchEmbedded(index, query);
        expect(hits[0]?.url, `${lang}: ${query}`).toBe(`${lang}/${slug}/index.html`);
        expect(hits.every((hit) => hit.url.startsWith(`${lang}/`))).toBe(true);
      }
    }
  });
});
