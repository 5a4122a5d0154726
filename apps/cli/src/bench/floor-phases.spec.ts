import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { FLOOR_OF, floorCounts, postgresFloorRates, sqliteFloorRates } from './floor-phases';

/* PostgreSQL where DATABASE_URL is set, required where REQUIRE_POSTGRES=1 (as the store libraries' specs do). */
const databaseUrl = process.env.DATABASE_URL;
const describeWithPostgres = databaseUrl || process.env.REQUIRE_POSTGRES === '1' ? describe : describe.skip;

describe('bcl bench same-work floors on the store’s own SQLite tables', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bcl-bench-floors-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gives a positive rate for each floor a SQLite phase is set against, and leaves no scratch file', async () => {
    const rates = await sqliteFloorRates(dir, floorCounts(20, 300, 256));
    expect(Object.keys(rates).sort()).toEqual(Object.values(FLOOR_OF.sqlite).sort());
    for (const rate of Object.values(rates)) expect(rate).toBeGreaterThan(0);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describeWithPostgres('bcl bench same-work floors on the store’s own PostgreSQL table', () => {
  it('gives a positive rate for each floor a PostgreSQL phase is set against, and drops its schema', async () => {
    const rates = await postgresFloorRates(databaseUrl!, floorCounts(10, 300, 256));
    expect(Object.keys(rates).sort()).toEqual(Object.values(FLOOR_OF.postgres).sort());
    for (const rate of Object.values(rates)) expect(rate).toBeGreaterThan(0);
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const left = await client.query('SELECT to_regnamespace($1) AS s', [`bcl_bench_floor_${process.pid}`]);
      expect(left.rows[0].s).toBeNull();
    } finally {
      await client.end();
    }
  });
});
