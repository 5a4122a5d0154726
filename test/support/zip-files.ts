import { createDeflateRaw } from 'node:zlib';
import { readZipDirectory } from '@bcl/plan-import';

/** One ZIP entry as stored: its packed bytes and what it declares. */
export interface PackedEntry {
  name: string;
  method: 0 | 8;
  packed: Buffer;
  uncompressedSize: number;
  crc32: number;
}

/** The entries of a ZIP, packed bytes copied as they are (for re-zipping a real workbook with extras). */
export function packedEntries(zip: Buffer): PackedEntry[] {
  return readZipDirectory(zip).map((entry) => ({
    name: entry.name,
    method: entry.method as 0 | 8,
    packed: zip.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize),
    uncompressedSize: entry.uncompressedSize,
    crc32: entry.crc32,
  }));
}

/** A minimal ZIP (no ZIP64, no data descriptors) of the entries, sizes as they declare. */
export function zipOf(entries: PackedEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(entry.crc32, 14);
    local.writeUInt32LE(entry.packed.length, 18);
    local.writeUInt32LE(entry.uncompressedSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt32LE(entry.crc32, 16);
    central.writeUInt32LE(entry.packed.length, 20);
    central.writeUInt32LE(entry.uncompressedSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.packed);
    centrals.push(central, name);
    offset += 30 + name.length + entry.packed.length;
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

/** `mib` MiB of zeros, deflated as a stream (never held unpacked): about 1 KiB per MiB. */
export function deflatedZeros(mib: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const deflate = createDeflateRaw({ level: 9 });
    const out: Buffer[] = [];
    deflate.on('data', (chunk: Buffer) => out.push(chunk));
    deflate.on('end', () => resolve(Buffer.concat(out)));
    deflate.on('error', reject);
    const chunk = Buffer.alloc(1024 * 1024);
    let written = 0;
    const write = () => {
      while (written < mib) {
        written += 1;
        if (!deflate.write(chunk)) return void deflate.once('drain', write);
      }
      deflate.end();
    };
    write();
  });
}

/** A zip bomb entry: `mib` MiB of zeros, declared honestly (CRC left 0: readers check none by default). */
export async function zerosEntry(name: string, mib: number): Promise<PackedEntry> {
  return { name, method: 8, packed: await deflatedZeros(mib), uncompressedSize: mib * 1024 * 1024, crc32: 0 };
}
