import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRootBuild, FOLDER, packSite, README } from '../../../scripts/classroom.mjs';
import { lessonFiles } from '../../support/lessons';
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

  it('explains in both languages how to serve it, and why not to open it as a file', () => {
    const [zh, en] = README.split('Hello, TCP — classroom package');
    for (const part of [zh, en]) {
      expect(part).toContain('python3 -m http.server 8000');
      expect(part).toContain('http://localhost:8000/');
      expect(part).toContain('file://');
      expect(part).toContain('BASE_PATH=/tcp/');
    }
    expect(zh).toMatch(/静态网页服务器/);
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
    // A root build gets as far as the search index, which this fake site lacks.
    const atRoot = fakeSite({ 'index.html': '<link rel="stylesheet" href="/_astro/a.css">' });
    expect(() => checkRootBuild(atRoot)).toThrow(/pagefind/);
  });
});

// The real archive, when `npm run test:classroom` has just packed it (from dist/).
describe.runIf(process.env.CLASSROOM_ARCHIVE)('hello-tcp-classroom.zip', () => {
  it('holds every lesson in both languages and the search index, built for the server root', () => {
    const dir = join(unzipToTemp(process.env.CLASSROOM_ARCHIVE!), FOLDER);
    const lessons = lessonFiles();
    expect(lessons.length).toBeGreaterThan(0);
    for (const page of [
      'index.html',
      '404.html',
      'zh/index.html',
      'en/index.html',
      ...lessons.map((l) => `${l.path}index.html`),
    ]) {
      expect(existsSync(join(dir, page)), page).toBe(true);
    }
    for (const lang of ['en', 'zh-hans']) {
      expect(readFileSync(join(dir, 'pagefind/pagefind-entry.json'), 'utf8')).toContain(`"${lang}"`);
    }
    const html = readFileSync(join(dir, 'zh/three-way-handshake/index.html'), 'utf8');
    expect(html).toContain('data-bundle="/pagefind/pagefind.js"');
    expect(html).not.toMatch(/(?:href|src)="\/tcp\//);
  });
});
