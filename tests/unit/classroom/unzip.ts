import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Unpacks a ZIP archive into a new temporary folder with Python's zipfile module (an unzipper written by
 * others, so the archive is checked by more than our own reading of the format), after zipfile's own
 * CRC check of every member. Returns the folder. Writes to the disk.
 */
export function unzipToTemp(archive: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'hello-tcp-zip-'));
  const script = [
    'import sys, zipfile',
    'z = zipfile.ZipFile(sys.argv[1])',
    'bad = z.testzip()',
    'assert bad is None, "bad CRC in " + str(bad)',
    'z.extractall(sys.argv[2])',
  ].join('\n');
  execFileSync('python3', ['-c', script, archive, dir], { stdio: 'pipe' });
  return dir;
}
