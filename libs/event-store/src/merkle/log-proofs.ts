import { ChainVerifier, VerifiableRow } from '../chain-verifier';
import { hashRecord } from '../event-record';
import { EventStore } from '../event-store.port';
import { LogDigest, hasTreeHead } from '../log-digest';
import { logRowPages } from '../read-paging';
import { MAX_TREE_LEAVES, MerkleTree } from './merkle-tree';
import { verifyConsistency, verifyInclusion } from './merkle-verify';
import { ConsistencyProof, InclusionProof } from './proof-formats';

/** One event as an export line has it: what an auditor checks an inclusion proof with (`--event-out`). */
export interface EventLine {
  position: string;
  hash: string;
  record: string;
}

/**
 * The tree of the log's first `treeSize` events, read from the store with the hash chain checked on the way
 * (a log that does not verify gives no proofs). Memory: about 64 bytes per event (MAX_TREE_LEAVES at most).
 */
export async function logTree(
  store: EventStore,
  treeSize: number,
  position?: bigint,
): Promise<{ tree: MerkleTree; leafIndex: number | null; row: VerifiableRow | null }> {
  if (!Number.isSafeInteger(treeSize) || treeSize < 1 || treeSize > MAX_TREE_LEAVES) {
    throw new Error(`the tree size must be between 1 and ${MAX_TREE_LEAVES}`);
  }
  const { contiguousPositions, firstPosition } = store.description;
  const chain = new ChainVerifier({ contiguousPositions, firstPosition });
  const tree = new MerkleTree();
  let found: { leafIndex: number; row: VerifiableRow } | null = null;
  outer: for await (const rows of logRowPages(store)) {
    for (const row of rows) {
      if (!chain.check(row)) {
        throw new Error(
          `the log does not verify, so it gives no proofs: ${chain.finish().firstBreak!.message}`,
        );
      }
      if (row.position === position) found = { leafIndex: tree.size, row };
      tree.append(row.hash);
      if (tree.size === treeSize) break outer;
    }
  }
  if (tree.size < treeSize)
    throw new Error(`the log holds ${tree.size} events, fewer than the tree size ${treeSize}`);
  return { tree, leafIndex: found?.leafIndex ?? null, row: found?.row ?? null };
}

/** The inclusion proof of the event at `position` in the tree of the first `treeSize` events, with that event. */
export async function proveInclusion(
  store: EventStore,
  position: bigint,
  treeSize: number,
): Promise<{ proof: InclusionProof; root: string; event: EventLine }> {
  const { tree, leafIndex, row } = await logTree(store, treeSize, position);
  if (leafIndex === null || row === null) {
    throw new Error(`there is no event at position ${position} among the first ${treeSize} events`);
  }
  return {
    proof: { position, leafIndex, treeSize, eventHash: row.hash, path: tree.inclusionPath(leafIndex) },
    root: tree.root(),
    event: { position: row.position.toString(), hash: row.hash, record: row.record },
  };
}

/** The consistency proof from the tree of the first `from` events to that of the first `to`. */
export async function proveConsistency(
  store: EventStore,
  from: number,
  to: number,
): Promise<{ proof: ConsistencyProof; fromRoot: string; toRoot: string }> {
  if (!Number.isSafeInteger(from) || from < 1 || from > to) {
    throw new Error(`the first tree size must be between 1 and the second (${to})`);
  }
  const { tree } = await logTree(store, to);
  return {
    proof: { fromTreeSize: from, toTreeSize: to, path: tree.consistencyPath(from, to) },
    fromRoot: tree.root(from),
    toRoot: tree.root(to),
  };
}

function treeHead(digest: LogDigest, what: string): { size: number; root: string } {
  if (!hasTreeHead(digest)) {
    throw new Error(
      `${what} has no tree head (a bcl-digest/1 file): take a bcl-digest/2 digest or a checkpoint`,
    );
  }
  return { size: Number(digest.treeSize), root: digest.root };
}

/**
 * Checks offline that an event (an export line) is in the log a digest or checkpoint summarises: the event's
 * record must hash to its hash, that hash must be the proof's, and the proof's path must lead from it to the
 * digest's root for the digest's tree size. Returns what failed, or null. Throws for a digest with no tree head.
 */
export function checkEventInclusion(
  event: EventLine,
  proof: InclusionProof,
  digest: LogDigest,
): string | null {
  const head = treeHead(digest, 'the digest');
  if (hashRecord(event.record) !== event.hash) {
    return `the event's record does not hash to its hash ${event.hash}: the event was altered`;
  }
  if (event.hash !== proof.eventHash)
    return `the proof is for event ${proof.eventHash}, not this event (${event.hash})`;
  if (event.position !== proof.position.toString()) {
    return `the proof is for position ${proof.position}, not this event's position ${event.position}`;
  }
  if (proof.treeSize !== head.size) {
    return `the proof is for a tree of ${proof.treeSize} events, the digest's has ${head.size}`;
  }
  const problem = verifyInclusion(event.hash, proof.leafIndex, proof.treeSize, proof.path, head.root);
  return problem && `the proof does not hold: ${problem}`;
}

/** Checks offline that the log at digest `to` extends the log at digest `from` unchanged; what failed, or null. */
export function checkConsistency(proof: ConsistencyProof, from: LogDigest, to: LogDigest): string | null {
  const first = treeHead(from, 'the first digest');
  const second = treeHead(to, 'the second digest');
  if (proof.fromTreeSize !== first.size || proof.toTreeSize !== second.size) {
    return `the proof is from ${proof.fromTreeSize} to ${proof.toTreeSize} events; the digests hold ${first.size} and ${second.size}`;
  }
  const problem = verifyConsistency(first.size, second.size, first.root, second.root, proof.path);
  return problem && `the proof does not hold: ${problem}`;
}

/** Parses an export line (or an `--event-out` file); throws a one-line error naming what is wrong. */
export function eventLineFromJson(text: string): EventLine {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new Error('the event file is not JSON');
  }
  const { position, hash, record } = raw ?? {};
  if (typeof position !== 'string' || !/^-?\d+$/.test(position))
    throw new Error('the event file has no valid position');
  if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash))
    throw new Error('the event file has no valid hash');
  if (typeof record !== 'string')
    throw new Error('the event file has no record (the stored record, as a JSON string)');
  return { position, hash, record };
}
