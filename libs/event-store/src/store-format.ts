import { StoreOpenError } from './errors';

/** Identifies the on-disk layout of the SQL stores. Bump the version with any incompatible change. */
export const STORE_FORMAT = 'bcl-event-store';
export const STORE_FORMAT_VERSION = 1;

/** Checks a store's metadata and returns its first position; throws a one-line error if it is not ours. */
export function checkStoreFormat(meta: Map<string, string>, where: string): bigint {
  if (meta.get('format') !== STORE_FORMAT) {
    throw new StoreOpenError(`${where} is not a Better Care Ledger event store`);
  }
  const version = Number(meta.get('format_version'));
  if (version !== STORE_FORMAT_VERSION) {
    throw new StoreOpenError(
      `${where} was written in store format version ${meta.get('format_version')}; this build reads version ${STORE_FORMAT_VERSION}`,
    );
  }
  const first = meta.get('first_position');
  if (!first || !/^-?\d+$/.test(first)) throw new StoreOpenError(`${where} has no valid first_position`);
  return BigInt(first);
}
