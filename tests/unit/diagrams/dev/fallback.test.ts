// `astro dev` on a machine without Chromium (CHROMIUM_PATH points at nothing) and with an empty
// diagram cache: the page carries a placeholder, the terminal says so once, and the reader's
// browser draws the diagram with the locally bundled Mermaid once it scrolls into view.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium, CHROMIUM_ARGS } from '~/diagrams/chromium';

// Inside the project (so the temp site resolves its packages), in .tmp/, which a fresh clone lacks.
mkdirSync(resolve('.tmp'), { recursive: true });
const site = mkdtempSync(join(resolve('.tmp'), 'dev-fallback-'));
// A token in every source, so no cache anywhere can hold these diagrams.
const token = Date.now().toString(36);
let server: ChildProcess | undefined;
let output = '';
let url = '';

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });
}

async function waitFor(address: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(address, { signal: AbortSignal.timeout(30_000) })).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`astro dev did not answer at ${address} within ${ms} ms:\n${output}`);
}

beforeAll(async () => {
  const diagrams = relative(site, resolve('src/diagrams'));
  writeFileSync(
    join(site, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';
import { satteri } from '@astrojs/markdown-satteri';
import { diagramsIntegration } from '${diagrams}/integration.ts';
import { mermaidPlugin } from '${diagrams}/plugin.ts';
export default defineConfig({
  integrations: [diagramsIntegration({ prerender: [] })],
  markdown: { processor: satteri({ mdastPlugins: [mermaidPlugin()], features: { rawHtml: true } }) },
  devToolbar: { enabled: false },
});
`,
  );
  mkdirSync(join(site, 'src/pages'), { recursive: true });
  const fence = (n: number) =>
    `\`\`\`mermaid\nsequenceDiagram\n  accTitle: Drawn by the reader ${n}\n  accDescr: One message.\n  C->>S: SYN <${token}-${n}>\n\`\`\``;
  writeFileSync(
    join(site, 'src/pages/index.md'),
    `---\ntitle: Fallback\n---\n\n# Fallback\n\n<div style="height: 3000px">Above the fold.</div>\n\n${fence(1)}\n\n${fence(2)}\n`,
  );
  const port = await freePort();
  url = `http://127.0.0.1:${port}/`;
  server = spawn('npx', ['astro', 'dev', '--force', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: site,
    // Not vitest's environment: it sets NODE_ENV, MODE, BASE_URL and the like, which Astro would obey.
    env: { PATH: process.env.PATH, HOME: process.env.HOME, CHROMIUM_PATH: join(site, 'no-chromium-here') },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  server.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  await waitFor(url, 60_000);
}, 90_000);

afterAll(() => {
  // npx starts astro as a child: end the whole group this test started.
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
  rmSync(site, { recursive: true, force: true });
});

describe('a dev server without Chromium', () => {
  it('writes a placeholder with the escaped source and the local fallback script, and warns once', async () => {
    const html = await (await fetch(url)).text();
    const placeholders = [
      ...html.matchAll(
        /<hello-mermaid data-id="mmd-[0-9a-f]{20}"[^>]*><pre class="diagram-source">([\s\S]*?)<\/pre><\/hello-mermaid>/g,
      ),
    ];
    // Escaped (Markdown pages re-encode it as &lt; rather than &#60;, which reads the same).
    expect(html).not.toContain(`<${token}`);
    const decode = (text: string) =>
      text
        .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&');
    expect(placeholders.map((m) => decode(m[1] as string))).toEqual(
      [1, 2].map((n) => expect.stringContaining(`C->>S: SYN <${token}-${n}>`)),
    );
    const scripts = [...html.matchAll(/<script type="module" src="([^"]+)"><\/script>/g)].map((m) => m[1] as string);
    const script = `/@fs${resolve('src/diagrams/dev/client/fallback.ts')}`;
    expect(scripts).toContain(script);
    expect(html).not.toMatch(/<svg[^>]*role="img"/);
    expect(html).toContain('<summary>Show as table</summary>');
    await fetch(url);
    expect(output.match(/no Chromium found/g)).toHaveLength(1);
    expect(output).toMatch(/src\/pages\/index\.md:\d+: no Chromium found.*CHROMIUM_PATH/);

    // The script is served by the dev server and takes Mermaid from the dev server, not a CDN.
    const js = await (await fetch(new URL(script, url))).text();
    expect(js).toMatch(/import\("\/node_modules\/\.vite\/deps\/mermaid\.js/);
    expect(js).not.toMatch(/https?:\/\//);
  });

  it.skipIf(!findChromium())(
    'draws the diagram in the reader’s browser only when it scrolls into view',
    async () => {
      const { chromium } = await import('playwright-core');
      const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
      try {
        const page = await browser.newPage();
        const requests: string[] = [];
        page.on('request', (r) => requests.push(r.url()));
        await page.goto(url);
        await page.waitForLoadState('networkidle');
        expect(requests.filter((r) => r.includes('mermaid'))).toEqual([]);
        expect(requests.filter((r) => !r.startsWith(url))).toEqual([]);
        await page.locator('figure.diagram').first().scrollIntoViewIfNeeded();
        const svgs = page.locator('figure.diagram > .diagram-scroll > svg[role="img"]');
        await svgs.first().waitFor({ timeout: 45_000 });
        await expect.poll(() => svgs.count(), { timeout: 10_000 }).toBe(2);
        expect(requests.some((r) => r.includes('/node_modules/.vite/deps/mermaid.js'))).toBe(true);
        expect(requests.filter((r) => !r.startsWith(url))).toEqual([]);
        expect(await page.locator('hello-mermaid').count()).toBe(0);
        // Themed like a build-time SVG: Mermaid's greys became the page's diagram variables.
        expect(await svgs.first().evaluate((svg) => svg.outerHTML)).toContain('var(--diagram-');
        expect(await svgs.first().locator('title').textContent()).toBe('Drawn by the reader 1');
      } finally {
        await browser.close();
      }
    },
    90_000,
  );
});
