import ExcelJS from 'exceljs';
import { deflateRawSync } from 'node:zlib';
import {
  TableCellInvalid,
  WorkbookRefused,
  XLSX_LIMITS,
  checkWorkbookLimits,
  readPlanInput,
  readZipDirectory,
} from '@bcl/plan-import';
import { PackedEntry, deflatedZeros, packedEntries, zerosEntry, zipOf } from '../support/zip-files';

async function smallWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Plan');
  sheet.addRows(Array.from({ length: 2_000 }, (_, i) => ['field', `value ${i}`, i]));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const refusal = (zip: Buffer): WorkbookRefused => {
  try {
    checkWorkbookLimits(zip);
  } catch (error) {
    if (error instanceof WorkbookRefused) return error;
    throw error;
  }
  throw new Error('the workbook was accepted');
};

describe('XLSX limits, checked before the workbook is parsed', () => {
  it('accepts a real workbook, and reads its directory as written', async () => {
    const workbook = await smallWorkbook();
    expect(() => checkWorkbookLimits(workbook)).not.toThrow();
    const names = readZipDirectory(workbook).map((entry) => entry.name);
    expect(names).toEqual(expect.arrayContaining(['[Content_Types].xml', 'xl/worksheets/sheet1.xml']));
    // the re-zipping the other tests use keeps a workbook readable
    expect(() => checkWorkbookLimits(zipOf(packedEntries(workbook)))).not.toThrow();
  });

  it('refuses a zip bomb (256 MiB of zeros in a 260 KB file) by its declared size, without unpacking it', async () => {
    const bomb = zipOf([
      ...packedEntries(await smallWorkbook()),
      await zerosEntry('xl/media/zeros.bin', 256),
    ]);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const started = Date.now();
    const refused = refusal(bomb);
    expect(Date.now() - started).toBeLessThan(200);
    expect(refused).toMatchObject({ tooLarge: true });
    expect(refused.message).toMatch(/unpacks to more than 50 MiB \(at entry xl\/media\/zeros\.bin\)/);
  });

  it('refuses an entry that unpacks more than 100 times its packed size, under the total', async () => {
    const refused = refusal(zipOf([await zerosEntry('xl/worksheets/sheet9.xml', 10)]));
    expect(refused).toMatchObject({ tooLarge: true });
    expect(refused.message).toMatch(/entry xl\/worksheets\/sheet9\.xml unpacks \d+ times its packed size/);
  });

  it('refuses more than 1,000 entries', () => {
    const tiny: PackedEntry = {
      name: '',
      method: 0,
      packed: Buffer.from('x'),
      uncompressedSize: 1,
      crc32: 0,
    };
    const entries = Array.from({ length: XLSX_LIMITS.entriesMax + 1 }, (_, i) => ({
      ...tiny,
      name: `f${i}`,
    }));
    expect(refusal(zipOf(entries))).toMatchObject({
      tooLarge: true,
      message: 'the workbook holds 1001 files; workbooks are limited to 1000',
    });
    expect(() => checkWorkbookLimits(zipOf(entries.slice(1)))).not.toThrow();
  });

  it('refuses an entry whose declared sizes lie, unpacking it only up to what it declares', async () => {
    const packed = await deflatedZeros(20); // 20 MiB, declared as 60 KiB: under every declared limit
    const liar = zipOf([{ name: 'xl/styles.xml', method: 8, packed, uncompressedSize: 60 * 1024, crc32: 0 }]);
    const refused = refusal(liar);
    expect(refused).toMatchObject({ tooLarge: false });
    expect(refused.message).toMatch(/entry xl\/styles\.xml unpacks to more than the 61440 bytes it declares/);
    const short = zipOf([
      { name: 'a.xml', method: 8, packed: deflateRawSync(Buffer.from('abc')), uncompressedSize: 4, crc32: 0 },
    ]);
    expect(refusal(short).message).toMatch(/a\.xml unpacks to 3 bytes, not the 4 it declares/);
  });

  it('refuses what is not a sound ZIP: garbage, ZIP64, a directory in the wrong place, a damaged entry', async () => {
    const workbook = await smallWorkbook();
    const zip64 = Buffer.from(workbook);
    const eocd = zip64.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    zip64.writeUInt32LE(0xffffffff, eocd + 16);
    const moved = Buffer.concat([Buffer.from('prefix'), workbook]);
    const damaged = Buffer.from(workbook);
    damaged.writeUInt32LE(0, damaged.readUInt32LE(eocd + 16));
    const stored: PackedEntry = {
      name: 's',
      method: 0,
      packed: Buffer.from('ab'),
      uncompressedSize: 3,
      crc32: 0,
    };
    for (const [zip, message] of [
      [Buffer.from('not a zip at all, just text'), /no ZIP end-of-central-directory record/],
      [Buffer.alloc(3), /too short/],
      [zip64, /ZIP64 is not accepted/],
      [moved, /the central directory is not where the ZIP says/],
      [damaged, /central directory entry 1 is damaged/],
      [zipOf([stored]), /entry s is stored but its sizes differ/],
      [zipOf([{ ...stored, method: 12 as 0, uncompressedSize: 2 }]), /compression method 12/],
    ] as const)
      expect(refusal(zip)).toMatchObject({ tooLarge: false, message: expect.stringMatching(message) });
  });

  it('refuses before parsing on every path that reads a workbook (the CLI and the API read through readPlanInput)', async () => {
    const bomb = zipOf([await zerosEntry('xl/media/zeros.bin', 256)]);
    await expect(readPlanInput(bomb, 'xlsx')).rejects.toBeInstanceOf(WorkbookRefused);
    await expect(readPlanInput(bomb, 'xlsx')).rejects.toBeInstanceOf(TableCellInvalid);
  });
});
