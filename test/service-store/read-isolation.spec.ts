import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteConnection } from '../../libs/service-store/src/sql-connection';

/**
 * A read outside a transaction (an API GET of a view) while a transaction is open (a runner's commit, which
 * awaits between its statements) sees what is committed only: never a row that may yet be rolled back.
 */
describe('the SQLite service store: reads see only what is committed', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bcl-read-isolation-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('does not show a read the rows of a transaction still open, nor of one rolled back', async () => {
    const sql = await openSqliteConnection(join(dir, 'service.db'));
    try {
      await sql.query('CREATE TABLE views (key TEXT PRIMARY KEY, view TEXT)');
      await sql.query("INSERT INTO views (key, view) VALUES ('a', 'committed')");
      const seenDuring: unknown[] = [];
      const failed = await sql
        .transaction(async (tx) => {
          await tx.query("INSERT INTO views (key, view) VALUES ('b', 'not yet')");
          seenDuring.push(...(await sql.query('SELECT key FROM views ORDER BY key')));
          throw new Error('the commit failed');
        })
        .then(
          () => '',
          (error: Error) => error.message,
        );
      expect(failed).toBe('the commit failed');
      expect(seenDuring).toEqual([{ key: 'a' }]);
      expect(await sql.query('SELECT key FROM views ORDER BY key')).toEqual([{ key: 'a' }]);
      // and a commit is seen once made
      await sql.transaction((tx) => tx.query("INSERT INTO views (key, view) VALUES ('c', 'made')"));
      expect(await sql.query('SELECT key FROM views ORDER BY key')).toEqual([{ key: 'a' }, { key: 'c' }]);
    } finally {
      await sql.close();
    }
  });
});
