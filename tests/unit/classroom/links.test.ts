import { describe, expect, it } from 'vitest';
import { cssFileLinks, fileLink, relativeTo, rootFrom, sitePath } from '../../../src/classroom/links.mjs';

const folders = new Set(['zh/lab', 'en']);
const isFolder = (path: string) => folders.has(path);

describe('links in the classroom copy', () => {
  it.each([
    ['/zh/glossary/', 'zh/lab/index.html', '../glossary/index.html'],
    ['/zh/glossary/#syn', 'zh/lab/index.html', '../glossary/index.html#syn'],
    ['/', 'zh/lab/index.html', '../../index.html'],
    ['/en/', 'index.html', 'en/index.html'],
    ['/_astro/a.css', 'zh/lab/index.html', '../../_astro/a.css'],
    ['../four-way-close/', 'zh/lab/index.html', '../four-way-close/index.html'],
    ['/zh/lab', 'en/index.html', '../zh/lab/index.html'],
    ['/en', 'zh/lab/index.html', '../../en/index.html'],
    ['/zh/simulator/?x=1#run=abc', 'zh/lab/index.html', '../simulator/index.html?x=1#run=abc'],
    ['/favicon.svg', 'index.html', 'favicon.svg'],
    ['/zh/三次握手/', 'zh/lab/index.html', '../%E4%B8%89%E6%AC%A1%E6%8F%A1%E6%89%8B/index.html'],
  ])('%s in %s → %s', (value, from, expected) => {
    expect(fileLink(value, from, isFolder)).toBe(expected);
  });

  it.each([
    '#top',
    '?q=1',
    'https://www.rfc-editor.org/rfc/rfc9293',
    '//cdn.example/x.js',
    'mailto:a@b',
    'data:,x',
    '',
  ])('leaves %j as it is', (value) => {
    expect(fileLink(value, 'zh/lab/index.html', isFolder)).toBe(value);
    expect(sitePath(value, 'zh/lab/index.html')).toBeUndefined();
  });

  it('finds the site root from any page, and paths relative to a page', () => {
    expect(rootFrom('index.html')).toBe('');
    expect(rootFrom('zh/teacher/lab/index.html')).toBe('../../../');
    expect(relativeTo('zh/lab/index.html', 'zh/lab/index.html')).toBe('index.html');
    expect(relativeTo('zh/lab/index.html', '_classroom/page.js')).toBe('../../_classroom/page.js');
  });

  it("rewrites a stylesheet's url() references, quoted or not, relative to the stylesheet", () => {
    const css = `a{background:url(/img/a.png)} b{src:url("/_astro/f.woff2") format("woff2")} c{x:url(data:image/png;base64,AA)}`;
    expect(cssFileLinks(css, '_astro/site.css', isFolder)).toBe(
      `a{background:url(../img/a.png)} b{src:url("f.woff2") format("woff2")} c{x:url(data:image/png;base64,AA)}`,
    );
  });
});
