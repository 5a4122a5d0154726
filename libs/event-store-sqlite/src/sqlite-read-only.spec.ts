import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newEvent } from '@bcl/testing';
import { SqliteEventStore } from './sqlite-event-store';

/** Makes a file and its directory unwritable: chattr +i for root (who ignores modes), modes for anyone else. */
function makeReadOnly(dir: string, file: string): () => void {
  if (process.getuid?.() === 0) {
    execFileSync('chattr', ['+i', file, dir]);
    return () => execFileSync('chattr', ['-i', file, dir]);
  }
  chmodSync(file, 0o444);
  chmodSync(dir, 0o555);
  return () => {
    chmodSync(dir, 0o755);
    chmodSync(file, 0o644);
  };
}

describe('a read-only SQLite copy made before signing', () => {
  it('is read, as unsigned, and refuses a write in one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bcl-sqlite-ro-'));
    const path = join(dir, 'ledger.db');
    let undo = () => undefined as void;
    try {
      const store = SqliteEventStore.open(path);
      await store.append('fund-kent-2017-18', [newEvent(), newEvent()], 'no-stream');
      await store.close();
      const db = new Database(path);
      db.exec('ALTER TABLE bcl_events DROP COLUMN signer');
      db.exec('ALTER TABLE bcl_events DROP COLUMN signature');
      db.pragma('journal_mode = DELETE');
      db.close();
      undo = makeReadOnly(dir, path);

      const copy = SqliteEventStore.open(path, { mustExist: true });
      try {
        const { rows } = await copy.readRaw(undefined, 10);
        expect(rows.map((row) => [row.position, row.signer, row.signature])).toEqual([
          [1n, null, null],
          [2n, null, null],
        ]);
        await expect(copy.append('fund-kent-2017-18', [newEvent()], 1)).rejects.toThrow(
          /could not gain its signer and signature columns \(it is read-only\): it can be read, not written$/,
        );
      } finally {
        await copy.close();
      }
    } finally {
      undo();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
