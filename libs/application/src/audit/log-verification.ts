import { performance } from 'node:perf_hooks';
import { ChainBreakKind, EventStore, LogDigest, VerifyReport, verifyStore } from '@bcl/event-store';

/**
 * One run of the log's verification, as pages and packs show it: the same walk `bcl verify` makes
 * (`verifyStore`), with when it ran and how long it took, and positions as strings (a bigint has no JSON).
 */
export interface LogVerification {
  ok: boolean;
  eventsChecked: number;
  /** Position and hash of the last event that verified: the head of the log when nothing is broken. */
  headPosition: string | null;
  headHash: string | null;
  /** When the check started (ISO 8601, UTC) and how long the walk took. */
  checkedAt: string;
  durationMs: number;
  firstBreak: { kind: ChainBreakKind; position: string; message: string } | null;
  /** Only when a digest was given: the position it covers and whether the log still holds it, unchanged. */
  digest: { position: string; hash: string; eventCount: string; recordedAt: string; matched: boolean } | null;
  /**
   * How many events checked carry a signature and how many do not, and whether the signatures were checked
   * against a keyring (`bcl verify --keyring` checks them; without a keyring they are only counted).
   */
  signatures: { signed: number; unsigned: number; checked: boolean };
}

/** Walks the whole log (page by page, constant memory) and reports it as `LogVerification`. */
export async function verifyLog(store: EventStore, digest?: LogDigest): Promise<LogVerification> {
  const checkedAt = new Date().toISOString();
  const started = performance.now();
  const report = await verifyStore(store, digest);
  return verificationOf(report, checkedAt, Math.round(performance.now() - started), digest);
}

export function verificationOf(
  report: VerifyReport,
  checkedAt: string,
  durationMs: number,
  digest?: LogDigest,
): LogVerification {
  const firstBreak = report.firstBreak;
  return {
    ok: report.ok,
    eventsChecked: report.eventsChecked,
    headPosition: report.lastPosition === null ? null : report.lastPosition.toString(),
    headHash: report.lastPosition === null ? null : report.lastHash,
    checkedAt,
    durationMs,
    firstBreak: firstBreak
      ? { kind: firstBreak.kind, position: firstBreak.position.toString(), message: firstBreak.message }
      : null,
    digest: digest
      ? {
          position: digest.position.toString(),
          hash: digest.hash,
          eventCount: digest.eventCount.toString(),
          recordedAt: digest.recordedAt,
          matched: report.digest?.matched === true && report.ok,
        }
      : null,
    signatures: {
      signed: report.signedEvents,
      unsigned: report.unsignedEvents,
      checked: report.signaturesChecked,
    },
  };
}

/** The event the log holds at a position now (its hash and revision), or null when there is none. */
export async function eventAtPosition(
  store: EventStore,
  position: bigint,
): Promise<{ position: string; hash: string; stream: string; revision: number } | null> {
  const after = position > 0n ? position - 1n : undefined;
  const [event] = (await store.readAll({ after, maxCount: 1 })).events;
  if (!event || event.position !== position) return null;
  return {
    position: event.position.toString(),
    hash: event.hash,
    stream: event.stream,
    revision: event.revision,
  };
}
