import { ChainVerifier, ChainVerifierOptions, VerifiableRow, VerifyReport } from './chain-verifier';
import { EventStore } from './event-store.port';
import { LogDigest, TreeDigest } from './log-digest';
import { AlteredRange, DigestChecker } from './merkle/digest-checker';
import { logRowPages } from './read-paging';
import type { Keyring } from './signing/signing-keys';

/** A verification's report, with every digest it was given and, when one failed, where the change must lie. */
export interface LogVerifyReport extends VerifyReport {
  digests?: { position: bigint; eventCount: bigint; matched: boolean }[];
  /** Set when a digest failed: the positions among which the first altered event lies (docs/event-store.md). */
  alteredRange?: AlteredRange | null;
  /** The root of the whole log, when asked for (`takeDigest`). */
  root?: string | null;
}

/**
 * The hash chain check followed by the digests' check, row by row: the chain names an edited, inserted,
 * removed or reordered event where it is; the digests catch a chain rewritten consistently after them.
 */
export class LogVerifier {
  private readonly chain: ChainVerifier;
  private readonly digestChecker: DigestChecker;

  constructor(options: ChainVerifierOptions, digests: readonly LogDigest[] = [], buildRoot = false) {
    this.chain = new ChainVerifier(options);
    this.digestChecker = new DigestChecker(digests, buildRoot);
  }

  /** Checks the next row; false at the first break (later rows are not checked). */
  check(row: VerifiableRow): boolean {
    return this.chain.check(row) && this.digestChecker.check(row);
  }

  finish(): LogVerifyReport {
    const report: LogVerifyReport = this.chain.finish();
    const checker = this.digestChecker;
    const root = checker.root();
    if (checker.digests.length === 0) return root === null ? report : { ...report, root };
    const digests = checker.digests.map((digest) => ({
      position: digest.position,
      eventCount: digest.eventCount,
      matched: checker.matchedDigest(digest),
    }));
    const latest = checker.latest!;
    report.digest = { position: latest.position, matched: checker.matchedDigest(latest) };
    if (report.firstBreak) return { ...report, digests, alteredRange: null };
    const found = checker.finish(report.lastPosition);
    return {
      ...report,
      ok: found.break === null,
      firstBreak: found.break,
      digests,
      alteredRange: found.range,
    };
  }
}

/**
 * Walks a store's whole log page by page and reports the first break; with digests (or checkpoints), also
 * proves that the log still holds, unchanged, everything each covered; with a keyring, checks every event's
 * signature too. Memory is constant.
 */
export async function verifyStore(
  store: EventStore,
  digest?: LogDigest | readonly LogDigest[],
  options: { keyring?: Keyring; buildRoot?: boolean } = {},
): Promise<LogVerifyReport> {
  const { contiguousPositions, firstPosition } = store.description;
  const digests = digest === undefined ? [] : Array.isArray(digest) ? digest : [digest as LogDigest];
  const verifier = new LogVerifier(
    { contiguousPositions, firstPosition, keyring: options.keyring },
    digests,
    options.buildRoot,
  );
  for await (const rows of logRowPages(store)) {
    for (const row of rows) if (!verifier.check(row)) return verifier.finish();
  }
  return verifier.finish();
}

/** The digest of the log as it is now: the last event's position and hash, the event count and the tree head. */
export async function takeDigest(store: EventStore): Promise<TreeDigest | null> {
  const report = await verifyStore(store, undefined, { buildRoot: true });
  if (!report.ok) {
    throw new Error(`the log does not verify, so no digest was taken: ${report.firstBreak!.message}`);
  }
  if (report.lastPosition === null || !report.root) return null;
  const [last] = (await store.readAll({ after: report.lastPosition - 1n, maxCount: 1 })).events;
  return {
    position: report.lastPosition,
    hash: report.lastHash,
    recordedAt: last?.recordedAt ?? '',
    eventCount: BigInt(report.eventsChecked),
    treeSize: BigInt(report.eventsChecked),
    root: report.root,
  };
}
