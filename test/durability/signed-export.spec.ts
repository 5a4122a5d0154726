import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  exportLog,
  generateSigningKey,
  keyringOf,
  signerFromKeyFile,
  verifyExportFile,
} from '@bcl/event-store';
import { InMemoryEventStore } from '@bcl/event-store-in-memory';
import { newEvent } from '@bcl/testing';

describe('an export of a signed log', () => {
  const { keyFile, entry } = generateSigningKey('service', 'api', '2025-01-01T00:00:00Z');
  const keyring = keyringOf([entry]);
  let dir: string;
  let path: string;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bcl-export-'));
    path = join(dir, 'log.ndjson');
    const store = new InMemoryEventStore({ signer: signerFromKeyFile(keyFile) });
    await store.append('fund-a', [newEvent()], 'no-stream');
    await store.append('fund-b', [newEvent(), newEvent()], 'no-stream');
    const lines: string[] = [];
    await exportLog(store, (line) => void lines.push(line), '2026-11-30T00:00:00Z');
    writeFileSync(path, lines.join('\n') + '\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("carries each event's signer and signature, which verify offline against the keyring", async () => {
    const lines = readFileSync(path, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.signer)).toEqual([entry.keyId, entry.keyId, entry.keyId]);
    expect(await verifyExportFile(path, undefined, keyring)).toMatchObject({
      ok: true,
      signedEvents: 3,
      signaturesChecked: true,
    });
    expect(await verifyExportFile(path)).toMatchObject({
      ok: true,
      signedEvents: 3,
      signaturesChecked: false,
    });
  });

  it('is caught when a line loses its signature, and stays readable without the new fields', async () => {
    const text = readFileSync(path, 'utf8').trim().split('\n');
    const last = JSON.parse(text[3]!);
    delete last.signer;
    delete last.signature;
    text[3] = JSON.stringify(last);
    writeFileSync(path, text.join('\n') + '\n');
    expect((await verifyExportFile(path, undefined, keyring)).firstBreak).toMatchObject({
      kind: 'unsigned',
      position: 3n,
    });
    // an export without the new fields (bcl-export/1 from before signing) still reads and verifies as unsigned;
    // with the keyring, whose key came into use before these events, it is a log stripped of its signatures
    const old = text.map((line, index) => {
      if (index === 0) return line;
      const { position, hash, record } = JSON.parse(line);
      return JSON.stringify({ position, hash, record });
    });
    writeFileSync(path, old.join('\n') + '\n');
    expect(await verifyExportFile(path)).toMatchObject({ ok: true, unsignedEvents: 3 });
    expect((await verifyExportFile(path, undefined, keyring)).firstBreak).toMatchObject({
      kind: 'unsigned',
      position: 1n,
    });
  });
});
