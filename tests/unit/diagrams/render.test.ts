import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cacheKey } from '~/diagrams/cache';
import {
  closeBrowser,
  diagramRoute,
  emptyStats,
  renderDiagram,
  session,
  type DiagramRoute,
  type RouteInput,
} from '~/diagrams/render';

const cacheDir = mkdtempSync(join(tmpdir(), 'diagram-render-'));

beforeEach(() => {
  const s = session();
  s.mode = 'build';
  s.stats = emptyStats();
  s.svgs.clear();
  s.chromiumPath = undefined;
  s.warnedNoBrowser = false;
});

afterAll(async () => {
  await closeBrowser();
  rmSync(cacheDir, { recursive: true, force: true });
});

describe('where a diagram missing from the cache comes from', () => {
  const table: [RouteInput, DiagramRoute][] = [
    [{ mode: 'build', browser: true }, 'browser'],
    [{ mode: 'build', browser: false }, 'fail'],
    [{ mode: 'dev', browser: true }, 'browser'],
    [{ mode: 'dev', browser: false }, 'reader'],
  ];
  it.each(table)('%o → %s', (input, route) => {
    expect(diagramRoute(input)).toBe(route);
  });
});

describe('a cache miss without a browser', () => {
  beforeEach(closeBrowser);

  it('fails a release build, saying how to get a browser', async () => {
    session().chromiumPath = null;
    await expect(
      renderDiagram({
        source: 'sequenceDiagram\n  A->>B: never rendered',
        lang: 'en',
        file: 'x.mdx',
        line: 3,
        cacheDir,
      }),
    ).rejects.toThrow(/x\.mdx:3: .*not in diagram-cache.*apt-get install chromium.*CHROMIUM_PATH/);
  });

  it('falls back to the reader’s browser on a dev server, warning once', async () => {
    const s = session();
    s.chromiumPath = null;
    s.mode = 'dev';
    const warn = vi.fn();
    s.warn = warn;
    const a = await renderDiagram({ source: 'sequenceDiagram\n  A->>B: one', lang: 'zh', file: 'a.mdx', cacheDir });
    const b = await renderDiagram({ source: 'sequenceDiagram\n  A->>B: two', lang: 'zh', cacheDir });
    for (const html of [a, b]) {
      expect(html).toMatch(/<div class="diagram-scroll"[^>]*><hello-mermaid data-id="mmd-[0-9a-f]{20}"/);
      expect(html).toContain('<script type="module" src="/@fs');
      expect(html).toContain('src/diagrams/dev/client/fallback.ts"></script>');
      expect(html).toContain('以表格显示');
      expect(html).not.toContain('<svg');
    }
    expect(a).toContain('A-&#62;&#62;B: one');
    expect(warn).toHaveBeenCalledOnce();
    expect(warn.mock.calls[0]?.[0]).toMatch(/a\.mdx: no Chromium found.*CHROMIUM_PATH/);
    expect(s.stats.readerFallbacks).toBe(2);
    // Nothing was cached: the next run with a browser renders them for real.
    for (const text of ['one', 'two'])
      expect(readdirSync(cacheDir)).not.toContain(`${cacheKey(`sequenceDiagram\n  A->>B: ${text}`)}.svg`);
    s.warn = (m) => console.warn(m);
  });

  it('does not fall back in a dev server that has a browser', async () => {
    const s = session();
    s.mode = 'dev';
    const html = await renderDiagram({ source: 'sequenceDiagram\n  A->>B: dev with a browser', lang: 'en', cacheDir });
    expect(html).toContain('<svg');
    expect(html).not.toContain('hello-mermaid');
    expect(s.stats.uncached.count).toBe(1);
  }, 60_000);
});
