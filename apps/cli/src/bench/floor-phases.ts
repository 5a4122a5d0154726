import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { hashRecord, LIMITS } from '@bcl/event-store';
import { FloorCounts, FloorFigures, postgresFloors, sqliteFloors } from '@bcl/bench-kit';

/**
 * The same-work floors of `bcl bench`: the bare store doing the storage work a phase must do (bench-kit's
 * same-work-floors), given the store's own DDL and pragmas and the verifier's own hash call from here, so that
 * bench-kit does not depend on the ledger's libraries.
 */

export type Floor =
  | 'bareSqliteSingle'
  | 'bareSqliteGroup'
  | 'bareSqliteReplay'
  | 'bareSqliteVerify'
  | 'barePgSingle'
  | 'barePgGroup'
  | 'barePgReplay'
  | 'barePgVerify';

/** Which floor each measured phase is set against, per store. */
export const FLOOR_OF: Record<'sqlite' | 'postgres', Partial<Record<string, Floor>>> = {
  sqlite: {
    'append.single': 'bareSqliteSingle',
    'append.group': 'bareSqliteGroup',
    replay: 'bareSqliteReplay',
    verify: 'bareSqliteVerify',
  },
  postgres: {
    'append.single': 'barePgSingle',
    'append.group': 'barePgGroup',
    replay: 'barePgReplay',
    verify: 'barePgVerify',
  },
};

/** The counts of the ledger's own phases; pages as replay and verification read them (1,000 rows). */
export function floorCounts(single: number, group: number, groupSize: number): FloorCounts {
  return { single, group, groupSize, pageSize: LIMITS.readPageSizeDefault };
}

/** The SQLite floors, in a scratch file in `dir` (removed afterwards); rows/s by floor name. */
export async function sqliteFloorRates(
  dir: string,
  counts: FloorCounts,
): Promise<Partial<Record<Floor, number>>> {
  const { SQLITE_SCHEMA, SQLITE_SYNCHRONOUS } = await import('@bcl/event-store-sqlite');
  const figures = sqliteFloors(
    join(dir, `floor-${process.pid}.db`),
    { schema: SQLITE_SCHEMA, synchronous: SQLITE_SYNCHRONOUS, hash: hashRecord },
    counts,
  );
  return rates('bareSqlite', figures);
}

/** The PostgreSQL floors, in a scratch schema (dropped afterwards); rows/s by floor name. */
export async function postgresFloorRates(
  url: string,
  counts: FloorCounts,
): Promise<Partial<Record<Floor, number>>> {
  const { eventsTableSql } = await import('@bcl/event-store-postgres');
  const figures = await postgresFloors(
    url,
    {
      schema: `bcl_bench_floor_${process.pid}_${randomBytes(4).toString('hex')}`,
      tableSql: eventsTableSql,
      hash: hashRecord,
    },
    counts,
  );
  return rates('barePg', figures);
}

function rates(prefix: 'bareSqlite' | 'barePg', figures: FloorFigures): Partial<Record<Floor, number>> {
  return {
    [`${prefix}Single`]: figures.single.rowsPerSecond,
    [`${prefix}Group`]: figures.group.rowsPerSecond,
    [`${prefix}Replay`]: figures.replay.rowsPerSecond,
    [`${prefix}Verify`]: figures.verify.rowsPerSecond,
  };
}
