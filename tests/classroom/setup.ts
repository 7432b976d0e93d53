import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FOLDER } from '../../scripts/classroom.mjs';
import { unzipToTemp } from '../unit/classroom/unzip';

/**
 * Unpacks the archive (CLASSROOM_ARCHIVE, or hello-tcp-classroom.zip) once for every test, into a temporary
 * folder whose path the tests read from CLASSROOM_DIR.
 */
export default function setup(): void {
  const archive = resolve(process.env.CLASSROOM_ARCHIVE ?? 'hello-tcp-classroom.zip');
  if (!existsSync(archive))
    throw new Error(`classroom tests: no ${archive}. Run \`npm run build && node scripts/classroom.mjs --from dist\`.`);
  process.env.CLASSROOM_DIR = join(unzipToTemp(archive), FOLDER);
}
