import JSZip from 'jszip';
import { writeZip, zipEntry } from './zip-writer';

describe('the pack zip writer', () => {
  it('writes a zip any reader opens: each file as given, text and PDF deflated, workbooks stored', async () => {
    const text = Buffer.from('{"position":"1"}\n'.repeat(2000));
    const xlsx = Buffer.from('PK workbook: not compressed again');
    const when = new Date('2026-11-30T08:00:10.000Z');
    const entries = await Promise.all([
      zipEntry('events.ndjson', text),
      zipEntry('plans/kent-v1.xlsx', xlsx),
      zipEntry('proofs/12.json', Buffer.from('{}\n')),
      zipEntry('README.txt', Buffer.from('café: names and text in UTF-8\n')),
    ]);
    expect(entries.map((e) => e.method)).toEqual([8, 0, 8, 8]);
    expect(entries[0]!.data.length).toBeLessThan(text.length / 10);
    const zip = await JSZip.loadAsync(writeZip(entries, when));
    expect(Object.keys(zip.files)).toEqual([
      'events.ndjson',
      'plans/kent-v1.xlsx',
      'proofs/12.json',
      'README.txt',
    ]);
    expect(await zip.file('events.ndjson')!.async('nodebuffer')).toEqual(text);
    expect(await zip.file('plans/kent-v1.xlsx')!.async('nodebuffer')).toEqual(xlsx);
    expect(await zip.file('README.txt')!.async('string')).toBe('café: names and text in UTF-8\n');
    // DOS time has a 2-second resolution; written and read as UTC
    const date = zip.file('README.txt')!.date;
    expect([
      date.getUTCFullYear(),
      date.getUTCMonth(),
      date.getUTCDate(),
      date.getUTCHours(),
      date.getUTCMinutes(),
    ]).toEqual([2026, 10, 30, 8, 0]);
  });

  it('detects a changed byte: the checksum is of the content', async () => {
    const entry = await zipEntry('digest.json', Buffer.from('{"position":"404"}'));
    const bytes = writeZip(
      [{ ...entry, method: 0, data: Buffer.from('{"position":"405"}'), size: 18 }],
      new Date(),
    );
    await expect(
      JSZip.loadAsync(bytes, { checkCRC32: true }).then((zip) => zip.file('digest.json')!.async('string')),
    ).rejects.toThrow(/crc32/i);
  });
});
