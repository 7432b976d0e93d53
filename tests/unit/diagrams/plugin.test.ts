import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { mdxToJs } from 'satteri';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { mermaidPlugin } from '~/diagrams/plugin';
import { closeBrowser, emptyStats, session } from '~/diagrams/render';

const FIXTURES = resolve('tests/unit/diagrams/fixtures');
const cacheDir = mkdtempSync(join(tmpdir(), 'diagram-cache-'));

async function compile(name: string, warn: (m: string) => void = () => {}) {
  const file = join(FIXTURES, name);
  const { code } = await mdxToJs(readFileSync(file, 'utf8'), {
    mdastPlugins: [mermaidPlugin({ cacheDir, warn })],
    fileURL: pathToFileURL(file),
    jsxImportSource: 'astro',
  });
  return code;
}

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

describe('the Mermaid plugin', () => {
  it('fails on a syntax error, naming the file, the fence line and Mermaid’s message', async () => {
    await expect(compile('broken.mdx')).rejects.toThrow(
      /tests\/unit\/diagrams\/fixtures\/broken\.mdx:7: Mermaid could not parse[\s\S]*Parse error on line 4/,
    );
  }, 60_000);

  it('renders a fence to inline SVG in a browser, then serves it from the cache', async () => {
    const first = await compile('handshake.mdx');
    expect(first).toContain('<svg');
    expect(first).toMatch(/role=\\"img\\"/);
    expect(first).toContain('Fixture handshake</title>');
    expect(first).toContain('Show as table');
    expect(first).not.toContain('```mermaid');
    expect(session().stats.uncached.count).toBe(1);
    expect(readdirSync(cacheDir)).toHaveLength(1);

    // The cache holds the page-ready SVG: themed, no raw grey left, every id carrying the key.
    const [file] = readdirSync(cacheDir);
    const stored = readFileSync(join(cacheDir, file as string), 'utf8');
    expect(stored).toMatch(/^<svg id="mmd-[0-9a-f]{20}"[^>]* role="img"/);
    expect(stored).toContain('var(--diagram-fill)');
    expect(stored).not.toMatch(/fill="#eaeaea"/);

    // Second time: from the cache on disk (not this run's memory), even on a machine with no browser at all.
    await closeBrowser();
    session().svgs.clear();
    session().chromiumPath = null;
    const second = await compile('handshake.mdx');
    expect(session().stats.cached.count).toBe(1);
    expect(second).toBe(first);
  }, 60_000);

  it('warns, naming the file and line, when a fence lacks accTitle and accDescr', async () => {
    const warn = vi.fn();
    await closeBrowser();
    session().chromiumPath = null;
    session().mode = 'dev';
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await compile('untitled.mdx', warn);
    expect(warn).toHaveBeenCalledOnce();
    expect(warn.mock.calls[0]?.[0]).toMatch(/fixtures\/untitled\.mdx:5: .*no accTitle or accDescr/);
  });
});
