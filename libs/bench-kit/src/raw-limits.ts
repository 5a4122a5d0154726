import { closeSync, fdatasyncSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { createReadStream } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

/** A line shaped like a stored event record: about 300 bytes of JSON. */
export function sampleRecord(i: number): string {
  return JSON.stringify({
    eventId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    stream: `pooled-fund-kent-2017-18`,
    revision: i,
    type: 'ContributionReceived',
    recordedAt: '2026-11-23T12:00:00.000Z',
    metadata: { actor: { id: 'os-user:bench' }, correlationId: 'c0ffee00-0000-4000-8000-000000000000' },
    data: {
      partner: 'NHS West Kent CCG',
      source: 'nhs-minimum',
      amountPence: 123456700 + i,
      quarter: 1 + (i % 4),
    },
  });
}

export function timeIt(work: () => void): number {
  const started = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - started) / 1e9;
}

export async function timeItAsync(work: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/**
 * Appends `count` records to a file, calling fdatasync every `perSync` records; returns records/s. The records
 * are serialised before the clock starts, so the figure is the disk's alone.
 */
export function rawAppendRate(dir: string, count: number, perSync: number): number {
  const path = join(dir, `raw-append-${perSync}.log`);
  const lines = Array.from({ length: count }, (_, i) => Buffer.from(`${sampleRecord(i)}\n`));
  const fd = openSync(path, 'w');
  try {
    const seconds = timeIt(() => {
      for (let i = 0; i < count; i += 1) {
        writeSync(fd, lines[i]!);
        if ((i + 1) % perSync === 0) fdatasyncSync(fd);
      }
      fdatasyncSync(fd);
    });
    return count / seconds;
  } finally {
    closeSync(fd);
    rmSync(path, { force: true });
  }
}

/** Reads a file of `count` records sequentially in 64 KiB chunks and JSON.parses each line; returns records/s. */
export async function rawReadRate(dir: string, count: number): Promise<number> {
  const path = join(dir, 'raw-read.log');
  const fd = openSync(path, 'w');
  for (let i = 0; i < count; i += 1) writeSync(fd, `${sampleRecord(i)}\n`);
  fdatasyncSync(fd);
  closeSync(fd);
  readFileSync(path); // warm the page cache, as a store's own file would be
  try {
    let parsed = 0;
    const seconds = await timeItAsync(async () => {
      let rest = '';
      for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 65536 })) {
        const lines = (rest + (chunk as string)).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) if (JSON.parse(line)) parsed += 1;
      }
    });
    if (parsed !== count) throw new Error(`raw read saw ${parsed} of ${count} records`);
    return count / seconds;
  } finally {
    rmSync(path, { force: true });
  }
}

/** SHA-256 over `count` chained records in memory: the ceiling for verification. */
export function sha256ChainRate(count: number): number {
  const records = Array.from({ length: Math.min(count, 10_000) }, (_, i) => sampleRecord(i));
  let hash = '';
  const seconds = timeIt(() => {
    for (let i = 0; i < count; i += 1) {
      hash = createHash('sha256')
        .update(records[i % records.length]!)
        .update(hash)
        .digest('hex');
    }
  });
  return hash ? count / seconds : 0;
}
