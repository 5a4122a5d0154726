import { ChainVerifier } from '../chain-verifier';
import { EventStore } from '../event-store.port';
import { logRowPages } from '../read-paging';
import type { EventLine } from './log-proofs';
import { MerkleTree, leafHash } from './merkle-tree';
import { ConsistencyProof, InclusionProof } from './proof-formats';

/**
 * The log's Merkle tree kept in memory by a long-running process (the API), brought up to date before each
 * proof by reading only the events appended since, with the chain checked across them. A proof then costs
 * O(log² n) hashes instead of a read of the whole log. Memory: about 100 bytes per event (the tree and each
 * event's position, a bigint). The tree is the log as first read: an event rewritten afterwards in the store is not
 * re-read, so its proof still leads to the root an earlier checkpoint holds, and the event the store now holds
 * fails the offline check against it.
 */
export class LogTreeCache {
  private readonly tree = new MerkleTree();
  private chain: ChainVerifier | null = null;
  /** Each event's position, as the store gives it: EventStoreDB's exceed 64 bits (commit × 2^64 + prepare). */
  private readonly positions: bigint[] = [];
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly store: EventStore) {}

  get size(): number {
    return this.tree.size;
  }

  /** Reads the events appended since the last call; throws when they do not continue the chain. */
  update(): Promise<void> {
    const next = this.queue.then(() => this.readNew());
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * The inclusion proof of the event at `position` in the tree of the first `treeSize` events, its root, and the
   * event as the store holds it now, which must still be the event the tree holds.
   */
  async inclusion(
    position: bigint,
    treeSize: number,
  ): Promise<{ proof: InclusionProof; root: string; event: EventLine }> {
    await this.ensure(treeSize);
    const leafIndex = this.indexOf(position, treeSize);
    if (leafIndex === null) {
      throw new Error(`there is no event at position ${position} among the first ${treeSize} events`);
    }
    const after = leafIndex === 0 ? undefined : this.positions[leafIndex - 1];
    const [row] = (await this.store.readRaw(after, 1)).rows;
    if (
      !row ||
      row.position !== position ||
      leafHash(row.hash).toString('hex') !== this.tree.leaf(leafIndex)
    ) {
      throw new Error(
        `the log does not verify, so it gives no proofs: the event at position ${position} is not the one first read there`,
      );
    }
    const path = this.tree.inclusionPath(leafIndex, treeSize);
    return {
      proof: { position, leafIndex, treeSize, eventHash: row.hash, path },
      root: this.tree.root(treeSize),
      event: { position: row.position.toString(), hash: row.hash, record: row.record },
    };
  }

  async consistency(
    from: number,
    to: number,
  ): Promise<{ proof: ConsistencyProof; fromRoot: string; toRoot: string }> {
    await this.ensure(to);
    return {
      proof: { fromTreeSize: from, toTreeSize: to, path: this.tree.consistencyPath(from, to) },
      fromRoot: this.tree.root(from),
      toRoot: this.tree.root(to),
    };
  }

  private async ensure(treeSize: number): Promise<void> {
    if (!Number.isSafeInteger(treeSize) || treeSize < 1) throw new Error('the tree size must be 1 or more');
    if (treeSize > this.tree.size) await this.update();
    if (treeSize > this.tree.size) {
      throw new Error(`the log holds ${this.tree.size} events, fewer than the tree size ${treeSize}`);
    }
  }

  private indexOf(position: bigint, treeSize: number): number | null {
    let low = 0;
    let high = treeSize - 1;
    while (low <= high) {
      const middle = Math.floor((low + high) / 2);
      const at = this.positions[middle]!;
      if (at === position) return middle;
      if (at < position) low = middle + 1;
      else high = middle - 1;
    }
    return null;
  }

  private async readNew(): Promise<void> {
    const { contiguousPositions, firstPosition } = this.store.description;
    this.chain ??= new ChainVerifier({ contiguousPositions, firstPosition });
    const after = this.tree.size === 0 ? undefined : this.positions[this.tree.size - 1];
    for await (const rows of logRowPages(this.store, { after })) {
      for (const row of rows) {
        if (!this.chain.check(row)) {
          // the chain stays broken: no later event is added, the events before it still give proofs
          const problem = this.chain.finish().firstBreak!.message;
          throw new Error(`the log does not verify, so it gives no proofs: ${problem}`);
        }
        this.positions.push(row.position);
        this.tree.append(row.hash);
      }
    }
  }
}
