import { inflateRawSync } from 'node:zlib';
import { TableCellInvalid } from './plan-tables';

/**
 * What a workbook (a ZIP file) may unpack to. Checked before exceljs sees the bytes, so a small file that
 * unpacks to gigabytes (a "zip bomb") is refused without being unpacked.
 */
export const XLSX_LIMITS = {
  /** Files in the ZIP (a plan workbook has about 20). */
  entriesMax: 1_000,
  /** All entries together, unpacked. */
  uncompressedBytesMax: 50 * 1024 * 1024,
  /** Unpacked ÷ packed size of any one entry larger than `ratioFromBytes`. */
  ratioMax: 100,
  ratioFromBytes: 64 * 1024,
};
export type XlsxLimits = typeof XLSX_LIMITS;

/**
 * A workbook refused before it is read: `tooLarge` (answered 413) when it would unpack past a limit, else
 * malformed (400). A TableCellInvalid, so every reader that names a workbook's problems names this one too.
 */
export class WorkbookRefused extends TableCellInvalid {
  constructor(
    readonly tooLarge: boolean,
    reason: string,
  ) {
    super('workbook', 0, '-', reason);
    this.message = `the workbook ${reason}`;
    this.name = 'WorkbookRefused';
  }
}

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Where the entry's packed bytes start (after its local header). */
  dataOffset: number;
}

const EOCD = 0x06054b50;
const EOCD_BYTES = 22;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const CENTRAL_BYTES = 46;
const LOCAL = 0x04034b50;
const LOCAL_BYTES = 30;
const STORED = 0;
const DEFLATED = 8;

const malformed = (reason: string): never => {
  throw new WorkbookRefused(false, `is not a readable XLSX file (${reason})`);
};

/** The end-of-central-directory record: searched backwards, as ZIP readers (and exceljs's JSZip) do. */
function endOfDirectory(zip: Buffer): number {
  const lowest = Math.max(0, zip.length - EOCD_BYTES - 0xffff);
  for (let at = zip.length - EOCD_BYTES; at >= lowest; at -= 1) if (zip.readUInt32LE(at) === EOCD) return at;
  return malformed('no ZIP end-of-central-directory record');
}

/**
 * Reads a ZIP's central directory (no unpacking): each entry's name, method and declared sizes. Refuses
 * ZIP64, multi-disk archives, encrypted entries, methods other than stored and deflate, and records that do
 * not agree with each other or lie outside the file.
 */
export function readZipDirectory(zip: Buffer, limits: XlsxLimits = XLSX_LIMITS): ZipEntry[] {
  if (zip.length < EOCD_BYTES) malformed('too short to be a ZIP file');
  const eocd = endOfDirectory(zip);
  if (eocd >= 20 && zip.readUInt32LE(eocd - 20) === ZIP64_LOCATOR) malformed('ZIP64 is not accepted');
  const u16 = (at: number) => zip.readUInt16LE(at);
  const [disk, directoryDisk, onDisk, count] = [u16(eocd + 4), u16(eocd + 6), u16(eocd + 8), u16(eocd + 10)];
  const size = zip.readUInt32LE(eocd + 12);
  const offset = zip.readUInt32LE(eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) malformed('ZIP64 is not accepted');
  if (disk !== 0 || directoryDisk !== 0 || onDisk !== count)
    malformed('multi-disk ZIP files are not accepted');
  if (count > limits.entriesMax)
    throw new WorkbookRefused(true, `holds ${count} files; workbooks are limited to ${limits.entriesMax}`);
  if (offset + size !== eocd) malformed('the central directory is not where the ZIP says');
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i += 1) {
    if (at + CENTRAL_BYTES > eocd || zip.readUInt32LE(at) !== CENTRAL)
      malformed(`central directory entry ${i + 1} is damaged`);
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    const crc32 = zip.readUInt32LE(at + 16);
    const compressedSize = zip.readUInt32LE(at + 20);
    const uncompressedSize = zip.readUInt32LE(at + 24);
    const [nameLength, extraLength, commentLength] = [u16(at + 28), u16(at + 30), u16(at + 32)];
    const localOffset = zip.readUInt32LE(at + 42);
    const end = at + CENTRAL_BYTES + nameLength + extraLength + commentLength;
    if (end > eocd) malformed(`central directory entry ${i + 1} is damaged`);
    const name = zip.toString('utf8', at + CENTRAL_BYTES, at + CENTRAL_BYTES + nameLength);
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localOffset === 0xffffffff)
      malformed('ZIP64 is not accepted');
    if (flags & 1) malformed(`entry ${name} is encrypted`);
    if (method !== STORED && method !== DEFLATED)
      malformed(`entry ${name} uses compression method ${method}`);
    if (method === STORED && compressedSize !== uncompressedSize)
      malformed(`entry ${name} is stored but its sizes differ`);
    if (localOffset + LOCAL_BYTES > offset || zip.readUInt32LE(localOffset) !== LOCAL)
      malformed(`entry ${name} has no local header where the directory says`);
    const dataOffset =
      localOffset + LOCAL_BYTES + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    if (dataOffset + compressedSize > offset) malformed(`entry ${name} runs past the end of its data`);
    entries.push({ name, method, flags, crc32, compressedSize, uncompressedSize, dataOffset });
    at = end;
  }
  if (at !== eocd) malformed('the central directory holds more than the entries it counts');
  return entries;
}

const mib = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;

/**
 * Refuses a workbook that would unpack past the limits, before any parser sees it: first by the sizes the
 * ZIP declares (entry count, total, ratio), then by unpacking each entry with a hard cap of its declared
 * size, so a ZIP whose declared sizes lie is refused too. Memory stays bounded by the declared total
 * (at most `uncompressedBytesMax`), one entry at a time. CRC-32s are not checked (the parser checks none).
 */
export function checkWorkbookLimits(zip: Buffer, limits: XlsxLimits = XLSX_LIMITS): void {
  const entries = readZipDirectory(zip, limits);
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    if (total > limits.uncompressedBytesMax)
      throw new WorkbookRefused(
        true,
        `unpacks to more than ${mib(limits.uncompressedBytesMax)} (at entry ${entry.name}); workbooks are limited to ${mib(limits.uncompressedBytesMax)} unpacked`,
      );
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
    if (entry.uncompressedSize > limits.ratioFromBytes && ratio > limits.ratioMax)
      throw new WorkbookRefused(
        true,
        `entry ${entry.name} unpacks ${Math.round(ratio)} times its packed size; at most ${limits.ratioMax} is accepted`,
      );
  }
  for (const entry of entries) {
    if (entry.method !== DEFLATED) continue;
    const packed = zip.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
    let unpacked: Buffer;
    try {
      unpacked = inflateRawSync(packed, { maxOutputLength: Math.max(entry.uncompressedSize, 1) });
    } catch (error) {
      const code = (error as { code?: string }).code;
      return malformed(
        code === 'ERR_BUFFER_TOO_LARGE'
          ? `entry ${entry.name} unpacks to more than the ${entry.uncompressedSize} bytes it declares`
          : `entry ${entry.name} cannot be unpacked`,
      );
    }
    if (unpacked.length !== entry.uncompressedSize)
      malformed(
        `entry ${entry.name} unpacks to ${unpacked.length} bytes, not the ${entry.uncompressedSize} it declares`,
      );
  }
}
