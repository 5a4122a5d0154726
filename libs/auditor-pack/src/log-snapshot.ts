import {
  exportHeaderLine,
  exportRowLine,
  EventStore,
  Keyring,
  LogVerifier,
  LogVerifyReport,
  MerkleTree,
  TreeDigest,
  decodeRecord,
  inclusionProofToJson,
  logRowPages,
  upcastEvent,
} from '@bcl/event-store';
import { EventRecord } from '@bcl/kernel';
import { EVENT_SCHEMAS } from '@bcl/contexts';

/** The log as the pack holds it, from one read of its stored rows. */
export interface LogSnapshot {
  /** The hash chain (and, with a keyring, every signature) checked over the whole log. */
  verification: LogVerifyReport;
  /** The digest of the whole log as read: head position and hash, event count, tree size and root. */
  digest: TreeDigest;
  /** events.ndjson, as `bcl export` writes it (header line, then one line per event). */
  exportText: string;
  /** Each position's hash. */
  hashes: Map<string, string>;
  /** The whole log in its current schema shape (as an upcasting store's readAll gives it), in log order. */
  events: EventRecord[];
  /** The inclusion proof file and the event file (an export line) of the event at a position; null if none. */
  proofOf(position: string): { proof: string; event: string } | null;
}

/**
 * Reads the whole log once, page by page, and from those rows: verifies the hash chain (and the signatures
 * against the keyring, when one is given), writes the export lines, builds the Merkle tree and decodes the
 * events. A log that does not verify gives no snapshot (nothing is packed).
 */
export async function readLogOnce(
  store: EventStore,
  exportedAt: string,
  keyring?: Keyring,
): Promise<LogSnapshot | null> {
  const { contiguousPositions, firstPosition } = store.description;
  const verifier = new LogVerifier({ contiguousPositions, firstPosition, keyring });
  const lines = [exportHeaderLine(store.description, exportedAt)];
  const tree = new MerkleTree();
  const hashes = new Map<string, string>();
  const leaves = new Map<string, { leafIndex: number; line: string }>();
  const events: EventRecord[] = [];
  for await (const rows of logRowPages(store)) {
    for (const row of rows) {
      if (!verifier.check(row)) {
        const report = verifier.finish();
        throw new Error(`the log does not verify, so no pack was made: ${report.firstBreak!.message}`);
      }
      const position = row.position.toString();
      lines.push(exportRowLine(row));
      hashes.set(position, row.hash);
      leaves.set(position, {
        leafIndex: tree.size,
        line: JSON.stringify({ position, hash: row.hash, record: row.record }),
      });
      tree.append(row.hash);
      events.push(upcastEvent(EVENT_SCHEMAS, decodeRecord(row.record, row.position, row.hash)));
    }
  }
  const last = events.at(-1);
  if (!last) return null;
  const verification = verifier.finish();
  const digest: TreeDigest = {
    position: last.position,
    hash: verification.lastHash,
    recordedAt: last.recordedAt,
    eventCount: BigInt(tree.size),
    treeSize: BigInt(tree.size),
    root: tree.root(),
  };
  // the digest is of the rows just verified: the export holds, unchanged, everything it covers
  verification.digest = { position: digest.position, matched: true };
  return {
    verification,
    digest,
    exportText: lines.map((line) => `${line}\n`).join(''),
    hashes,
    events,
    proofOf(position) {
      const leaf = leaves.get(position);
      if (!leaf) return null;
      const proof = inclusionProofToJson({
        position: BigInt(position),
        leafIndex: leaf.leafIndex,
        treeSize: tree.size,
        eventHash: hashes.get(position)!,
        path: tree.inclusionPath(leaf.leafIndex),
      });
      return { proof: `${JSON.stringify(proof, null, 2)}\n`, event: `${leaf.line}\n` };
    },
  };
}
