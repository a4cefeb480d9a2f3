// A zip writer of our own for the deploy package: the deploy step runs after
// `npm prune --omit=dev`, which removes jszip, so the package is written with node:zlib alone.
// Entries are sorted and stamped with one fixed date, so the same files give the same bytes.
import { crc32, deflateRawSync } from 'node:zlib';

// 1 January 2025 in MS-DOS form: ((year - 1980) << 9 | month << 5 | day), midnight.
const DOS_DATE = ((2025 - 1980) << 9) | (1 << 5) | 1;
const DOS_TIME = 0;
// Without zip64 a classic zip holds at most 65,535 entries and 4 GiB.
const MAX_ENTRIES = 0xffff;
const MAX_BYTES = 0xffffffff;

/**
 * @param {{ name: string, data: Buffer }[]} files paths with forward slashes, relative to the package root
 * @returns {Buffer}
 */
export function zipFiles(files) {
  if (files.length > MAX_ENTRIES) throw new Error(`the package has ${files.length} files; a zip without zip64 holds at most ${MAX_ENTRIES}`);
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const local = [];
  const central = [];
  let offset = 0;
  for (const { name, data } of sorted) {
    const nameBytes = Buffer.from(name, 'utf8');
    const deflated = deflateRawSync(data, { level: 9 });
    // Stored when deflating does not help (the V8 cache, PNGs): method 0 instead of 8.
    const useDeflate = deflated.length < data.length;
    const body = useDeflate ? deflated : data;
    const checksum = crc32(data);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4); // version needed: 2.0
    header.writeUInt16LE(0x0800, 6); // names are UTF-8
    header.writeUInt16LE(useDeflate ? 8 : 0, 8);
    header.writeUInt16LE(DOS_TIME, 10);
    header.writeUInt16LE(DOS_DATE, 12);
    header.writeUInt32LE(checksum, 14);
    header.writeUInt32LE(body.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    header.writeUInt16LE(0, 28);
    local.push(header, nameBytes, body);

    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE((3 << 8) | 20, 4); // made by: Unix, 2.0
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(useDeflate ? 8 : 0, 10);
    entry.writeUInt16LE(DOS_TIME, 12);
    entry.writeUInt16LE(DOS_DATE, 14);
    entry.writeUInt32LE(checksum, 16);
    entry.writeUInt32LE(body.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    // extra length, comment length, disk number, internal attributes: all 0
    entry.writeUInt32LE((0o100644 << 16) >>> 0, 38); // external attributes: a regular file, rw-r--r--
    entry.writeUInt32LE(offset, 42);
    central.push(entry, nameBytes);

    offset += header.length + nameBytes.length + body.length;
    if (offset > MAX_BYTES) throw new Error('the package is larger than 4 GiB, which a zip without zip64 cannot hold');
  }
  const centralSize = central.reduce((sum, part) => sum + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(sorted.length, 8);
  end.writeUInt16LE(sorted.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, ...central, end]);
}
