import { statfs } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { StoreDescription } from '@bcl/event-store';

/** Below this many free bytes on the disk holding a SQLite log, the service is not ready (writes would fail). */
export const DISK_FREE_MIN_BYTES = 64 * 1024;

/** Why a SQLite log's disk cannot take more writes, or null (also for stores that are not files). */
export async function diskTooFull(store: StoreDescription): Promise<string | null> {
  if (store.kind !== 'sqlite' || store.location === ':memory:') return null;
  const dir = dirname(resolve(store.location));
  const stats = await statfs(dir);
  const free = stats.bavail * stats.bsize;
  return free < DISK_FREE_MIN_BYTES
    ? `the disk holding ${dir} is full (${free} bytes free, at least ${DISK_FREE_MIN_BYTES} needed)`
    : null;
}
