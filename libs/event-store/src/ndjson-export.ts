import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { VerifiableRow } from './chain-verifier';
import { EventStore } from './event-store.port';
import { LogDigest } from './log-digest';
import { logRowPages } from './read-paging';
import type { Keyring } from './signing/signing-keys';
import { LogVerifier, LogVerifyReport } from './verify-log';

export const EXPORT_FORMAT = 'bcl-export/1';

/** The export's first line: its format and the store's numbering. */
export function exportHeaderLine(
  { kind, contiguousPositions, firstPosition }: EventStore['description'],
  exportedAt: string,
): string {
  return JSON.stringify({
    format: EXPORT_FORMAT,
    store: kind,
    contiguousPositions,
    firstPosition: firstPosition?.toString() ?? null,
    exportedAt,
  });
}

/** One event's export line: position, hash, the stored record, and its signature where it has one. */
export function exportRowLine(row: VerifiableRow): string {
  const line: Record<string, string> = {
    position: row.position.toString(),
    hash: row.hash,
    record: row.record,
  };
  if (row.signer) line.signer = row.signer;
  if (row.signature) line.signature = row.signature;
  return JSON.stringify(line);
}

/**
 * Writes the log as NDJSON: a header line, then one line per event holding its position, its hash and its
 * stored record as a JSON string (the exact bytes that were hashed), and for a signed event its signer (key id)
 * and signature. Reads page by page.
 */
export async function exportLog(
  store: EventStore,
  writeLine: (line: string) => Promise<void> | void,
  exportedAt: string,
): Promise<{ events: number; lastPosition: bigint | undefined }> {
  await writeLine(exportHeaderLine(store.description, exportedAt));
  let events = 0;
  let lastPosition: bigint | undefined;
  for await (const rows of logRowPages(store)) {
    for (const row of rows) {
      await writeLine(exportRowLine(row));
      events += 1;
      lastPosition = row.position;
    }
  }
  return { events, lastPosition };
}

/**
 * Verifies an NDJSON export offline, with no database: what an auditor runs. Streams the file. With digests (or
 * checkpoints), proves the export holds what each covered; with a keyring, checks every event's signature too.
 */
export async function verifyExportFile(
  path: string,
  digest?: LogDigest | readonly LogDigest[],
  keyring?: Keyring,
): Promise<LogVerifyReport> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let verifier: LogVerifier | undefined;
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber += 1;
    if (line.trim() === '') continue;
    let value: Record<string, unknown>;
    try {
      value = JSON.parse(line) as Record<string, unknown>;
    } catch {
      throw new Error(`${path}:${lineNumber}: not a JSON line`);
    }
    if (!verifier) {
      if (value.format !== EXPORT_FORMAT) throw new Error(`${path}:1: not a ${EXPORT_FORMAT} export`);
      const first = value.firstPosition;
      verifier = new LogVerifier(
        {
          contiguousPositions: value.contiguousPositions === true,
          firstPosition: typeof first === 'string' && /^-?\d+$/.test(first) ? BigInt(first) : undefined,
          keyring,
        },
        digest === undefined ? [] : Array.isArray(digest) ? digest : [digest as LogDigest],
      );
      continue;
    }
    const { position, hash, record, signer, signature } = value;
    if (
      typeof position !== 'string' ||
      !/^-?\d+$/.test(position) ||
      typeof hash !== 'string' ||
      typeof record !== 'string'
    ) {
      throw new Error(`${path}:${lineNumber}: an event line needs position, hash and record`);
    }
    if (
      (signer !== undefined && typeof signer !== 'string') ||
      (signature !== undefined && typeof signature !== 'string')
    ) {
      throw new Error(`${path}:${lineNumber}: an event line's signer and signature must be strings`);
    }
    if (!verifier.check({ position: BigInt(position), hash, record, signer, signature })) {
      lines.close();
      break;
    }
  }
  if (!verifier) throw new Error(`${path} is empty`);
  return verifier.finish();
}
