import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { zip } from '../../../scripts/zip.mjs';
import { unzipToTemp } from './unzip';

function roundTrip(entries: { name: string; data: Buffer }[]): string {
  const file = join(mkdtempSync(join(tmpdir(), 'hello-tcp-zip-')), 'test.zip');
  writeFileSync(file, zip(entries));
  return unzipToTemp(file);
}

describe('zip', () => {
  it('writes files another unzipper reads back byte for byte, compressed or stored, with UTF-8 names', () => {
    const text = Buffer.from('三次握手 SYN, SYN-ACK, ACK. '.repeat(200), 'utf8');
    const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24));
    const dir = roundTrip([
      { name: 'site/zh/三次握手.txt', data: text },
      { name: 'site/noise.bin', data: random },
      { name: 'site/empty.txt', data: Buffer.alloc(0) },
    ]);
    expect(readFileSync(join(dir, 'site/zh/三次握手.txt'))).toEqual(text);
    expect(readFileSync(join(dir, 'site/noise.bin'))).toEqual(random);
    expect(readFileSync(join(dir, 'site/empty.txt'))).toEqual(Buffer.alloc(0));
  });

  it('compresses text', () => {
    const data = Buffer.from('FIN_WAIT_1 '.repeat(1000));
    expect(zip([{ name: 'a.txt', data }]).length).toBeLessThan(data.length / 10);
  });

  it('gives the same bytes for the same files', () => {
    const entries = [{ name: 'a.txt', data: Buffer.from('TIME_WAIT') }];
    expect(zip(entries).equals(zip(entries))).toBe(true);
  });

  it.each(['', '/etc/passwd', 'site/../../escape.txt'])('refuses the entry name %j', (name) => {
    expect(() => zip([{ name, data: Buffer.from('x') }])).toThrow(/bad entry name/);
  });
});
