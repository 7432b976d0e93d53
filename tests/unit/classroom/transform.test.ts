import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { makeFileCopy } from '../../../src/classroom/transform.mjs';
import { searchEmbedded, type EmbeddedIndex } from '~/search/embedded';

function fakeSite(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'hello-tcp-site-'));
  for (const [name, text] of Object.entries(files)) {
    if (text === undefined) continue;
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const page = (lang: string, body: string) =>
  `<!doctype html><html lang="${lang}"><head><link rel="stylesheet" href="/_astro/site.css">` +
  `<script type="module" src="/_astro/entry.js"></script></head><body>` +
  `<hello-search data-bundle="/pagefind/pagefind.js" data-base="/"></hello-search>` +
  `${body}<script type="module">globalThis.ran.push('inline')</script>` +
  `<script is:inline data-online-only>navigator.serviceWorker.register('/sw.js')</script></body></html>`;

// A build as Vite writes it: an entry chunk whose import() goes through the preload helper, with the list of
// chunks to preload first (the helper here fails if asked to preload, as Vite's would from file://).
const BUILD = {
  'index.html': page('en', '<h1>Home</h1><a href="/zh/lab/">lab</a>'),
  'zh/lab/index.html': page(
    'zh-Hans',
    '<h1 data-pagefind-meta="title">实验</h1><main data-pagefind-body><h2>握手</h2><p>客户端发送<code>SYN</code>后进入 SYN_SENT。</p>' +
      '<p data-pagefind-ignore>不该被索引</p><a href="../glossary/">术语</a><a href="/en/">English</a></main>',
  ),
  'zh/glossary/index.html': page('zh-Hans', '<h1>术语</h1>'),
  'zh/old/index.html':
    '<!doctype html><html lang="zh-Hans"><head><meta http-equiv="refresh" content="0;url=/zh/lab/">' +
    '<meta name="description" content="0;url=/zh/lab/"></head><body><h1>搬家了</h1></body></html>',
  'en/index.html': page('en', '<h1>English</h1>'),
  '_astro/site.css': 'body{background:url(/favicon.svg)}',
  '_astro/entry.js':
    'const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["_astro/lazy.js"])))=>i.map(i=>d[i]);\n' +
    'import{p as e}from"./helper.js";globalThis.ran.push("entry");e(()=>import(`./lazy.js`),__vite__mapDeps([0])).then(m=>m.go());',
  '_astro/helper.js': 'export const p=(f,deps)=>{if(deps&&deps.length>0)throw new Error("preloads "+deps);return f()};',
  '_astro/lazy.js': 'globalThis.ran.push("lazy");export const go=()=>globalThis.ran.push("go");',
  'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
  'index.html.br': 'b',
  'sw.js': '//',
  'sitemap.xml': '<urlset/>',
  'og/en/site.png': 'p',
  'pagefind/pagefind.js': '//',
};

async function copyOf(files: Record<string, string>) {
  const out = join(mkdtempSync(join(tmpdir(), 'hello-tcp-copy-')), 'copy');
  const made = await makeFileCopy(fakeSite(files), out);
  return { out, made, read: (path: string) => readFileSync(join(out, path), 'utf8') };
}

describe('the classroom copy (file://)', () => {
  it('links every page and file relatively, folders as index.html, and leaves out what needs a server', async () => {
    const { out, read } = await copyOf(BUILD);
    const lab = read('zh/lab/index.html');
    expect(lab).toContain('href="../../_astro/site.css"');
    expect(lab).toContain('href="../glossary/index.html"');
    expect(lab).toContain('href="../../en/index.html"');
    expect(read('index.html')).toContain('href="zh/lab/index.html"');
    expect(read('_astro/site.css')).toBe('body{background:url(../favicon.svg)}');
    // An old address sends the reader on from disk too; other meta tags are left as they are.
    expect(read('zh/old/index.html')).toContain('<meta http-equiv="refresh" content="0;url=../lab/index.html">');
    expect(read('zh/old/index.html')).toContain('<meta name="description" content="0;url=/zh/lab/">');
    expect(lab).not.toContain('data-online-only');
    expect(lab).not.toContain('serviceWorker');
    for (const gone of ['index.html.br', 'sw.js', 'sitemap.xml', 'og', 'pagefind', '_astro/entry.js'])
      expect(existsSync(join(out, gone)), gone).toBe(false);
  });

  it("bundles a page's module scripts into one classic script that runs them in order, import() when called", async () => {
    const { read, made } = await copyOf(BUILD);
    const lab = read('zh/lab/index.html');
    expect(lab).not.toContain('type="module"');
    const src = /<script defer src="([^"]+)"><\/script>/.exec(lab)![1]!;
    expect(src).toMatch(/^\.\.\/\.\.\/_classroom\/page\.[0-9a-f]{10}\.js$/);
    expect(made.bundles).toHaveLength(1); // every page has the same scripts: one bundle
    const code = read(src.replace('../../', ''));
    expect(code).not.toMatch(/\bimport\s*\(|import\.meta|\bexport\b/);
    const context = { ran: [] as string[] };
    runInNewContext(code, context);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(context.ran).toEqual(['entry', 'inline', 'lazy', 'go']);
  });

  it('points the search box at an index of its language, embedded as a script, built from the marked text', async () => {
    const { read, made } = await copyOf(BUILD);
    expect(made.indexes.sort()).toEqual(['_classroom/search.en.js', '_classroom/search.zh-hans.js']);
    const box = /<hello-search[^>]*>/.exec(read('zh/lab/index.html'))![0];
    expect(box).toContain('data-index="../../_classroom/search.zh-hans.js"');
    expect(box).toContain('data-base="../../"');
    expect(box).not.toContain('data-bundle');
    const context: { window: { __helloSearchIndex?: EmbeddedIndex } } = { window: {} };
    runInNewContext(read('_classroom/search.zh-hans.js'), context);
    const index = context.window.__helloSearchIndex!;
    expect(index.pages.map((p) => [p.url, p.title])).toEqual([['zh/lab/index.html', '实验']]);
    expect(searchEmbedded(index, '发送').hits[0]!.excerpt).toContain('<mark>发送</mark>SYN');
    expect(searchEmbedded(index, 'SYN').count).toBe(1);
    expect(searchEmbedded(index, '索引').count).toBe(0); // data-pagefind-ignore
  });

  it('keeps what a <template> holds', async () => {
    const words =
      '<template class="stepper-ui" data-say="Step {n}"><div class="stepper" hidden><button type="button">Next</button></div></template>';
    const { read } = await copyOf({ ...BUILD, 'en/index.html': page('en', `<h1>English</h1>${words}`) });
    expect(read('en/index.html')).toContain(words);
  });

  it('fails naming the page when a module script is missing, and when Vite lists preloads another way', async () => {
    await expect(copyOf({ ...BUILD, '_astro/entry.js': undefined as never })).rejects.toThrow(
      /index\.html loads the module \/_astro\/entry\.js, which is not in the build/,
    );
    const moved = { ...BUILD, '_astro/entry.js': `/* x */ ${BUILD['_astro/entry.js']}` };
    await expect(copyOf(moved)).rejects.toThrow(/_astro\/entry\.js uses __vite__mapDeps.*withoutPreloads/);
  });
});
