// A small ZIP writer (PKWARE APPNOTE 6.3, no ZIP64): enough for the classroom archive, with no dependency,
// and reproducible: the same files give the same bytes, since every entry carries one fixed date.
import { crc32, deflateRawSync } from 'node:zlib';

/**
 * @typedef {{ name: string, data: Buffer }} ZipEntry
 * A file to put in the archive: a path with forward slashes and its bytes,
 * e.g. { name: 'hello-tcp/README.txt', data: Buffer.from('…') }.
 */

const UTF8_NAMES = 0x0800; // General-purpose flag bit 11: names are UTF-8.
const MADE_BY_UNIX = (3 << 8) | 20; // Host system 3 (Unix), so unzip applies the permission bits below.
const FILE_MODE = 0o100644 << 16;
// 2025-01-01 00:00, in MS-DOS date and time format.
const DOS_DATE = ((2025 - 1980) << 9) | (1 << 5) | 1;
const DOS_TIME = 0;

/**
 * Builds a ZIP archive from `entries` in the given order. Pure. Each file is deflated, or stored when
 * deflating would not make it smaller. Throws on a name that is empty, absolute, or climbs with "..",
 * or when the archive would need ZIP64 (over 65,535 files or 4 GiB).
 * @param {ZipEntry[]} entries
 * @returns {Buffer}
 */
export function zip(entries) {
  if (entries.length > 0xffff)
    throw new Error(`zip: ${entries.length} files is more than ZIP without ZIP64 holds (65,535).`);
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data } of entries) {
    if (!name || name.startsWith('/') || name.split('/').includes('..')) {
      throw new Error(
        `zip: bad entry name ${JSON.stringify(name)}: use a relative path with forward slashes and no "..".`,
      );
    }
    const nameBytes = Buffer.from(name, 'utf8');
    const deflated = deflateRawSync(data, { level: 9 });
    const stored = deflated.length >= data.length;
    const body = stored ? data : deflated;
    const method = stored ? 0 : 8;
    const crc = crc32(data);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, nameBytes, body);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(MADE_BY_UNIX, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(UTF8_NAMES, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    // Extra field length, comment length, disk number and internal attributes stay 0.
    central.writeUInt32LE(FILE_MODE >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);

    offset += local.length + nameBytes.length + body.length;
    if (offset > 0xffffffff) throw new Error('zip: the archive would pass 4 GiB, which needs ZIP64.');
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
