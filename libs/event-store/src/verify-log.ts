import { ChainVerifier, VerifyReport } from './chain-verifier';
import { EventStore } from './event-store.port';
import { LogDigest } from './log-digest';
import { logRowPages } from './read-paging';
import type { Keyring } from './signing/signing-keys';

/**
 * Walks a store's whole log page by page (constant memory) and reports the first break. With a keyring, every
 * event's signature is checked too.
 */
export async function verifyStore(
  store: EventStore,
  digest?: LogDigest,
  keyring?: Keyring,
): Promise<VerifyReport> {
  const { contiguousPositions, firstPosition } = store.description;
  const verifier = new ChainVerifier({ contiguousPositions, firstPosition, digest, keyring });
  for await (const rows of logRowPages(store)) {
    for (const row of rows) if (!verifier.check(row)) return verifier.finish();
  }
  return verifier.finish();
}

/** The digest of the log as it is now: the last event's position and hash, and the event count. */
export async function takeDigest(store: EventStore): Promise<LogDigest | null> {
  const report = await verifyStore(store);
  if (!report.ok) {
    throw new Error(`the log does not verify, so no digest was taken: ${report.firstBreak!.message}`);
  }
  if (report.lastPosition === null) return null;
  const [last] = (await store.readAll({ after: report.lastPosition - 1n, maxCount: 1 })).events;
  return {
    position: report.lastPosition,
    hash: report.lastHash,
    recordedAt: last?.recordedAt ?? '',
    eventCount: BigInt(report.eventsChecked),
  };
}
