import { describe, expect, it } from 'vitest';
import { isPrecached, serviceWorkerSource, urlOf } from '../../../src/online/service-worker.mjs';

const file = (path: string, text = path) => ({ path, data: Buffer.from(text) });

/** The VERSION and PRECACHE lines of a generated worker, evaluated. */
function header(source: string): { version: string; precache: string[] } {
  const [, version] = /^const VERSION = (".*");$/m.exec(source)!;
  const [, precache] = /^const PRECACHE = (\[.*\]);$/m.exec(source)!;
  return { version: JSON.parse(version!), precache: JSON.parse(precache!) };
}

describe('the service worker build step', () => {
  const site = [
    file('index.html'),
    file('zh/index.html'),
    file('zh/socket-phone/index.html'),
    file('en/socket-phone/index.html'),
    file('zh/teacher/socket-phone/index.html'),
    file('en/scenarios/index.html'),
    file('_astro/urls.abc.css'),
    file('_astro/client.def.js'),
    file('_astro/client.def.js.br'),
    file('pagefind/pagefind.js'),
    file('favicon.svg'),
    file('404.html'),
  ];

  it('precaches the lessons, home pages and their styles and scripts, by the URLs readers ask for', () => {
    expect(header(serviceWorkerSource(site, '')).precache).toEqual([
      '_astro/client.def.js',
      '_astro/urls.abc.css',
      'en/socket-phone/',
      'favicon.svg',
      './',
      'zh/',
      'zh/socket-phone/',
    ]);
  });

  it('leaves the teacher and scenario pages, search files and compressed copies to be cached when read', () => {
    for (const path of ['zh/teacher/x/index.html', 'en/scenarios/index.html', 'pagefind/pagefind.js', 'a.js.gz'])
      expect(isPrecached(path), path).toBe(false);
    expect(urlOf('en/glossary/index.html')).toBe('en/glossary/');
  });

  it('has a new version when a precached file changes, and the same one when nothing it precaches does', () => {
    const before = header(serviceWorkerSource(site, '')).version;
    expect(before).toMatch(/^[0-9a-f]{12}$/);
    const lessonEdited = site.map((f) => (f.path === 'zh/socket-phone/index.html' ? file(f.path, 'edited') : f));
    expect(header(serviceWorkerSource(lessonEdited, '')).version).not.toBe(before);
    const teacherEdited = site.map((f) => (f.path.includes('teacher') ? file(f.path, 'edited') : f));
    expect(header(serviceWorkerSource(teacherEdited, '')).version).toBe(before);
    expect(header(serviceWorkerSource([...site].reverse(), '')).version).toBe(before);
  });

  it('puts the worker after the two lines it reads', () => {
    const source = serviceWorkerSource(site, "self.addEventListener('install', () => {});\n");
    expect(source.split('\n')[3]).toBe("self.addEventListener('install', () => {});");
  });
});
