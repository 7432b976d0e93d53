import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { robotsTxt, sitemapEntries, sitemapXml } from '~/online/sitemap';
import { MOVED, movedTo } from '~/content/moved';
import { parseXml, type XmlElement } from './xml';

const PAGES = ['', 'zh/', 'en/', 'zh/glossary/', 'en/glossary/', 'zh/socket-phone/', 'en/socket-phone/', '404/'];

/** The sitemap as { loc → { hreflang → href } }, read back from the XML. */
function read(xml: string): Map<string, Record<string, string>> {
  const urlset = parseXml(xml);
  expect(urlset.name).toBe('urlset');
  expect(urlset.attributes.xmlns).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
  expect(urlset.attributes['xmlns:xhtml']).toBe('http://www.w3.org/1999/xhtml');
  const out = new Map<string, Record<string, string>>();
  for (const url of urlset.children) {
    expect(url.name).toBe('url');
    const loc = url.children.find((c: XmlElement) => c.name === 'loc')!.text;
    const links = url.children.filter((c: XmlElement) => c.name === 'xhtml:link');
    expect(links.every((l) => l.attributes.rel === 'alternate')).toBe(true);
    out.set(loc, Object.fromEntries(links.map((l) => [l.attributes.hreflang, l.attributes.href])));
  }
  return out;
}

describe('sitemap.xml', () => {
  it('lists every page once, in absolute URLs, with its twin in the other language and an x-default', () => {
    const urls = read(sitemapXml(sitemapEntries(PAGES, 'https://tcp.example/')));
    expect([...urls.keys()].sort()).toEqual(
      [
        'https://tcp.example/',
        'https://tcp.example/zh/',
        'https://tcp.example/en/',
        'https://tcp.example/zh/glossary/',
        'https://tcp.example/en/glossary/',
        'https://tcp.example/zh/socket-phone/',
        'https://tcp.example/en/socket-phone/',
      ].sort(),
    );
    expect(urls.get('https://tcp.example/en/socket-phone/')).toEqual({
      'zh-Hans': 'https://tcp.example/zh/socket-phone/',
      en: 'https://tcp.example/en/socket-phone/',
      'x-default': 'https://tcp.example/zh/socket-phone/',
    });
    // A reader of neither language lands on the language chooser from the home pages.
    expect(urls.get('https://tcp.example/zh/')?.['x-default']).toBe('https://tcp.example/');
    expect(urls.get('https://tcp.example/')?.en).toBe('https://tcp.example/en/');
  });

  it('keeps the base path in every URL', () => {
    const urls = read(sitemapXml(sitemapEntries(PAGES, 'https://school.example/tcp/')));
    for (const [loc, alternates] of urls) {
      expect(loc.startsWith('https://school.example/tcp/')).toBe(true);
      for (const href of Object.values(alternates)) expect(href.startsWith('https://school.example/tcp/')).toBe(true);
    }
  });

  it('gives a page that exists in one language no twin', () => {
    const urls = read(sitemapXml(sitemapEntries(['zh/only/'], 'https://tcp.example/')));
    expect(urls.get('https://tcp.example/zh/only/')).toEqual({
      'zh-Hans': 'https://tcp.example/zh/only/',
      'x-default': 'https://tcp.example/zh/only/',
    });
  });

  it('leaves out the old addresses that only send the reader on, in both languages', () => {
    const old = Object.keys(MOVED);
    expect(old.length).toBeGreaterThan(0);
    const pages = [...PAGES, ...old.flatMap((path) => [`zh/${path}`, `en/${path}`])];
    const urls = read(sitemapXml(sitemapEntries(pages, 'https://tcp.example/')));
    expect(urls.size).toBe(read(sitemapXml(sitemapEntries(PAGES, 'https://tcp.example/'))).size);
    for (const path of old) expect(urls.has(`https://tcp.example/zh/${path}`), path).toBe(false);
  });

  it('escapes what XML reserves', () => {
    const xml = sitemapXml([{ loc: 'https://tcp.example/?a=1&b=<2>', alternates: [] }]);
    expect([...read(xml).keys()]).toEqual(['https://tcp.example/?a=1&b=<2>']);
    expect(() => parseXml('<urlset><url></urlset>')).toThrow();
    expect(() => parseXml('<loc>a & b</loc>')).toThrow();
  });
});

describe('robots.txt', () => {
  it('allows every page and names the sitemap', () => {
    expect(robotsTxt('https://tcp.example/sitemap.xml')).toBe(
      'User-agent: *\nAllow: /\n\nSitemap: https://tcp.example/sitemap.xml\n',
    );
  });
});

// The real one, when a build is there: well-formed, and every page of dist/ except the 404 page and the old
// addresses that send the reader on (src/content/moved.ts) is in it.
describe.runIf(existsSync('dist/sitemap.xml'))('dist/sitemap.xml', () => {
  it('is well-formed and lists every built page but the old addresses', () => {
    const urls = read(readFileSync('dist/sitemap.xml', 'utf8'));
    const paths = [...urls.keys()].map((loc) => new URL(loc).pathname);
    const built: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name === 'index.html')
          built.push(`/${relative('dist', dir).split(sep).join('/')}/`.replace('//', '/'));
      }
    };
    walk('dist');
    const moved = built.filter((path) => movedTo(path) !== undefined);
    expect(moved.length, 'old addresses in the build').toBeGreaterThan(0);
    expect(paths.sort()).toEqual(built.filter((path) => !moved.includes(path)).sort());
    expect(readFileSync('dist/robots.txt', 'utf8')).toContain('Sitemap: https://');
  });
});
