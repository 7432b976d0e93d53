import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { isCompressedCopy, precompress } from '../../../src/online/compress.mjs';

function site(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'hello-tcp-compress-'));
  for (const [name, data] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), data);
  }
  return dir;
}

describe('precompress', () => {
  const html = '<!doctype html><title>喂，TCP</title>' + '<p>SYN, SYN+ACK, ACK</p>'.repeat(200);

  it('writes a .br and a .gz beside each text file that decompress to the same bytes, smaller', () => {
    const dir = site({ 'zh/index.html': html, '_astro/a.css': 'body{color:red}'.repeat(50), 'sitemap.xml': '<x/>' });
    const total = precompress(dir);
    expect(total.files).toBe(3);
    const raw = readFileSync(join(dir, 'zh/index.html'));
    const br = readFileSync(join(dir, 'zh/index.html.br'));
    const gz = readFileSync(join(dir, 'zh/index.html.gz'));
    expect(brotliDecompressSync(br).equals(raw)).toBe(true);
    expect(gunzipSync(gz).equals(raw)).toBe(true);
    expect(br.length).toBeLessThan(gz.length);
    expect(gz.length).toBeLessThan(raw.length / 5);
    expect(existsSync(join(dir, '_astro/a.css.br'))).toBe(true);
    expect(existsSync(join(dir, 'sitemap.xml.gz'))).toBe(true);
  });

  it('leaves images and the files Pagefind already gzips alone, and never compresses a copy again', () => {
    const dir = site({
      'favicon.png': Buffer.from([0x89, 0x50, 0x4e, 0x47]),
      'pagefind/fragment/en_1.pf_fragment': 'x',
      'pagefind/pagefind.js': 'export {}',
      'index.html': html,
    });
    precompress(dir);
    expect(precompress(dir).files).toBe(2);
    expect(existsSync(join(dir, 'favicon.png.gz'))).toBe(false);
    expect(existsSync(join(dir, 'pagefind/fragment/en_1.pf_fragment.gz'))).toBe(false);
    expect(existsSync(join(dir, 'pagefind/pagefind.js.br'))).toBe(true);
    expect(existsSync(join(dir, 'index.html.gz.gz'))).toBe(false);
  });

  it('tells a compressed copy from a file of the site', () => {
    expect(isCompressedCopy('zh/index.html.br')).toBe(true);
    expect(isCompressedCopy('a.css.gz')).toBe(true);
    expect(isCompressedCopy('zh/index.html')).toBe(false);
  });
});
