import { createDeflateRaw } from 'node:zlib';
import { readZipDirectory } from '@bcl/plan-import';
import { writeZip } from '../../libs/auditor-pack/src/zip-writer';

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

/** A minimal ZIP (no ZIP64, no data descriptors) of the entries, sizes as they declare (the pack's writer). */
export function zipOf(entries: PackedEntry[]): Buffer {
  return writeZip(
    entries.map((entry) => ({
      name: entry.name,
      method: entry.method,
      crc: entry.crc32,
      size: entry.uncompressedSize,
      data: entry.packed,
    })),
    new Date('2020-01-01T00:00:00Z'),
  );
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
