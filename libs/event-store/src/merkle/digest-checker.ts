import type { ChainBreak } from '../chain-verifier';
import { LogDigest, hasTreeHead } from '../log-digest';
import { MerkleRootBuilder } from './merkle-tree';

/**
 * Where the first altered event must lie, as far as the digests show: from the first event after the last digest
 * that still holds (`since`, null when none did: from the log's first event) to the event found in the place of
 * the first digest that does not.
 */
export interface AlteredRange {
  from: bigint;
  to: bigint;
  since: bigint | null;
}

/** The range in words: "the first altered event is …". */
export function describeAlteredRange(range: AlteredRange): string {
  return range.since === null
    ? `the first altered event is at or before position ${range.to}`
    : `the digest at position ${range.since} still holds, so the first altered event is among positions ${range.from} to ${range.to}`;
}

/** The digest with the most events (the latest taken), or undefined when there is none. */
export function latestDigest(digests: readonly LogDigest[]): LogDigest | undefined {
  return [...digests].sort((a, b) => (a.eventCount < b.eventCount ? 1 : -1))[0];
}

/**
 * Checks any number of digests (or checkpoints) against the log as it streams past, after the chain check:
 * the event at each digest's count must be at its position with its hash, and the root of the events up to it
 * must be the digest's root (bcl-digest/2). A digest pins its whole prefix with one hash, so one that fails
 * shows that something at or before its position changed, not which event: only an earlier digest that still
 * holds narrows it, to the events between the two (the `range`). Memory: at most 64 hashes for the root.
 */
export class DigestChecker {
  private readonly pending: LogDigest[];
  private readonly builder = new MerkleRootBuilder();
  private readonly matched = new Set<LogDigest>();
  private lastHeld: LogDigest | null = null;
  private firstAfterHeld: bigint | null = null;
  private failure: { break: ChainBreak; range: AlteredRange | null } | null = null;

  constructor(
    readonly digests: readonly LogDigest[],
    private readonly alwaysBuildRoot = false,
  ) {
    this.pending = [...digests].sort((a, b) =>
      a.eventCount < b.eventCount ? -1 : a.eventCount > b.eventCount ? 1 : 0,
    );
  }

  /** The digest with the most events, or undefined for none. */
  get latest(): LogDigest | undefined {
    return latestDigest(this.digests);
  }

  /** The root of every event seen (when built: with `alwaysBuildRoot`, or while digests are pending). */
  root(): string | null {
    return this.builder.root();
  }

  /** Checks the next event the chain check accepted; false once a digest fails. */
  check(row: { position: bigint; hash: string }): boolean {
    if (this.failure) return false;
    if (this.pending.length === 0 && !this.alwaysBuildRoot) return true;
    if (this.firstAfterHeld === null) this.firstAfterHeld = row.position;
    this.builder.push(row.hash);
    const count = BigInt(this.builder.size);
    while (this.pending.length > 0 && this.pending[0]!.eventCount <= count) {
      const digest = this.pending.shift()!;
      const problem = this.problemWith(digest, row, count);
      if (problem) {
        const range = {
          from: this.firstAfterHeld ?? row.position,
          to: row.position,
          since: this.lastHeld?.position ?? null,
        };
        this.failure = {
          break: {
            kind: 'digest-mismatch',
            position: digest.position,
            message: `position ${digest.position}: ${problem}`,
          },
          range,
        };
        return false;
      }
      this.matched.add(digest);
      this.lastHeld = digest;
      this.firstAfterHeld = null;
    }
    return true;
  }

  /** The first digest that failed or that the log ends before; null when every digest held. */
  finish(lastPosition: bigint | null): { break: ChainBreak | null; range: AlteredRange | null } {
    if (this.failure) return this.failure;
    const missing = this.pending[0];
    if (!missing) return { break: null, range: null };
    return {
      break: {
        kind: 'truncated',
        position: missing.position,
        message: `the log ends at ${lastPosition ?? 'nothing'}, before position ${missing.position} that the digest covers: events were removed from the tail`,
      },
      range: null,
    };
  }

  matchedDigest(digest: LogDigest): boolean {
    return this.matched.has(digest);
  }

  private problemWith(
    digest: LogDigest,
    row: { position: bigint; hash: string },
    count: bigint,
  ): string | null {
    if (digest.eventCount !== count)
      return `the digest covers ${digest.eventCount} events, which is not a whole count`;
    if (row.position !== digest.position) {
      return `the log's event number ${count} is at position ${row.position}, where the digest has it at ${digest.position}: events were removed, inserted or renumbered`;
    }
    if (row.hash !== digest.hash) return 'this is not the event the digest covers: the log was rewritten';
    if (hasTreeHead(digest) && this.builder.root() !== digest.root) {
      return `the root of the first ${count} events is not the digest's root, though the event at its position matches: the digest's tree head was not taken from this log`;
    }
    return null;
  }
}
