/**
 * The one place that finds Chromium and says how to launch it: the build's Mermaid renderer (below),
 * the browser tests (tests/e2e/browser.ts) and the benchmark (scripts/bench) all take the binary and
 * the flags from here. Node runs this file as is from scripts/bench (type stripping), so it keeps to
 * erasable TypeScript (no parameter properties, no enums) and imports only Node built-ins at load.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, normalize, sep } from 'node:path';
import type { Browser, Page } from 'playwright-core';

/**
 * Flags for a quiet headless Chromium that never reaches the network on its own, and that uses /tmp
 * rather than a container's small /dev/shm for shared memory.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** How to get a browser, for the messages that need one. */
export const HOW_TO_GET_A_BROWSER =
  'Install Chromium (`apt-get install chromium`) or point CHROMIUM_PATH at a Chromium or Chrome binary, then build again.';

const HEADLESS_FIRST = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium', '/usr/bin/chromium-browser'];

/**
 * The Chromium binary to use: $CHROMIUM_PATH when it is set (and then only that: pointing it at a
 * missing file is how to try a machine without a browser), else Debian's headless shell
 * (/usr/bin/chromium-headless-shell: the same engine without the desktop browser around it, which starts
 * and runs pages in about 60 % of the time), else /usr/bin/chromium or /usr/bin/chromium-browser;
 * undefined if there is none. Reads the disk.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = env.CHROMIUM_PATH ? [env.CHROMIUM_PATH] : HEADLESS_FIRST;
  return candidates.find((p) => existsSync(p));
}

/** One render in the browser: the SVG, when it started (performance.now()) and how long it took. */
export interface BrowserRender {
  svg: string;
  startedAt: number;
  ms: number;
}

// Diagrams like the lessons' ones, rendered while the browser starts: each kind's first render
// pays for loading its chunks and compiling its code, and the first Chinese label for the font.
const WARMUP = [
  'sequenceDiagram\nparticipant C as 客户端\nC->>S: SYN\nNote over S: SYN_RECEIVED\nS-->>C: SYN+ACK',
  'stateDiagram-v2\nCLOSED --> LISTEN: 被动打开\nLISTEN --> SYN_RECEIVED: rcv SYN /<br>snd SYN+ACK\nSYN_RECEIVED --> CLOSED: CLOSE',
];

// The page is served from this made-up origin by request interception: Mermaid's ES module chunks
// load from node_modules on disk, and every other request is refused, so rendering never goes online.
const ORIGIN = 'http://mermaid.invalid';

/**
 * One headless Chromium page with Mermaid loaded, kept open for the whole build (or dev session)
 * so each diagram costs one `render` call, not a browser start. Not pure: owns a browser process.
 */
export class MermaidBrowser {
  private readonly browser: Browser;
  private readonly page: Page;

  private constructor(browser: Browser, page: Page) {
    this.browser = browser;
    this.page = page;
  }

  /** Starts Chromium at `executablePath` and loads Mermaid with `config`. */
  static async launch(executablePath: string, config: unknown): Promise<MermaidBrowser> {
    // Required, not imported: the config's module runner is closed by the time a diagram needs
    // a browser, and playwright-core is CommonJS anyway.
    const require = createRequire(import.meta.url);
    const { chromium } = require('playwright-core') as typeof import('playwright-core');
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      const dist = dirname(require.resolve('mermaid/package.json')) + `${sep}dist`;
      await page.route('**/*', async (route) => {
        const url = new URL(route.request().url());
        if (url.origin !== ORIGIN) return route.abort();
        if (url.pathname === '/') {
          return route.fulfill({
            contentType: 'text/html',
            body: '<!doctype html><meta charset="utf-8"><body></body>',
          });
        }
        const file = normalize(join(dist, decodeURIComponent(url.pathname)));
        if (!file.startsWith(dist + sep) || !existsSync(file)) return route.fulfill({ status: 404, body: '' });
        return route.fulfill({ contentType: 'text/javascript', body: readFileSync(file) });
      });
      await page.goto(`${ORIGIN}/`);
      // Scripts go to the page as strings: a function's source would pass through the bundler
      // that loaded this module, which may rewrite import() into something the page lacks.
      await page.evaluate(
        `(async () => {
          const mod = await import('${ORIGIN}/mermaid.esm.min.mjs');
          mod.default.initialize(${JSON.stringify(config)});
          globalThis.__mermaid = mod.default;
          // Warm up: the first diagram of a kind loads its chunks and compiles its layout code,
          // and the first Chinese label loads the CJK font.
          for (const [i, text] of ${JSON.stringify(WARMUP)}.entries()) {
            await mod.default.render('warmup' + i, text);
          }
        })()`,
      );
      return new MermaidBrowser(browser, page);
    } catch (error) {
      await browser.close();
      throw error;
    }
  }

  /**
   * Renders `source` to SVG with `id` as the root element's id; also says when the render left the
   * queue and how long it took, so a caller can tell waiting from working. Rejects with Mermaid's
   * own message on a syntax error.
   */
  render(id: string, source: string): Promise<BrowserRender> {
    // One at a time: Mermaid keeps per-render state in the page.
    const result = this.queue.then(() => this.renderNow(id, source));
    this.queue = result.catch(() => undefined);
    return result;
  }

  private queue: Promise<unknown> = Promise.resolve();

  private async renderNow(id: string, source: string): Promise<BrowserRender> {
    const startedAt = performance.now();
    const svg = (await this.page.evaluate(
      `(async () => {
        const id = ${JSON.stringify(id)};
        try {
          return (await globalThis.__mermaid.render(id, ${JSON.stringify(source)})).svg;
        } finally {
          // A failed render leaves its scratch element behind; remove it so ids stay unique.
          document.getElementById('d' + id)?.remove();
          document.getElementById(id)?.remove();
        }
      })()`,
    )) as string;
    return { svg, startedAt, ms: performance.now() - startedAt };
  }

  /** Closes the browser. */
  async close(): Promise<void> {
    await this.browser.close();
  }
}
