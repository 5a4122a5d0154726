import { createHash } from 'node:crypto';

/**
 * An RFC 9162 (Certificate Transparency v2) Merkle tree over the log. Leaf i is the hash of the i-th event in
 * log order (0-based): its 32 bytes are hashed as SHA-256(0x00 || bytes); an interior node is
 * SHA-256(0x01 || left || right); the tree of n leaves splits at the largest power of two below n (§2.1.1).
 *
 * Memory: the tree keeps every level of its complete subtrees, about 64 bytes per leaf (a million events use
 * some 64 MB), so that a proof costs O(log² n) hashes once the tree is built; it refuses more than
 * MAX_TREE_LEAVES leaves.
 */
export const HASH_BYTES = 32;
/** 2^22 leaves (4,194,304 events; about 256 MB with the interior levels): the largest tree proofs are built over. */
export const MAX_TREE_LEAVES = 2 ** 22;

const HEX64 = /^[0-9a-f]{64}$/;

/** The 32 bytes of a lower-case hex SHA-256; throws for anything else. */
export function hashBytes(hex: string, what = 'hash'): Buffer {
  if (typeof hex !== 'string' || !HEX64.test(hex)) throw new Error(`${what} is not 64 lower-case hex digits`);
  return Buffer.from(hex, 'hex');
}

export function isHash(value: unknown): value is string {
  return typeof value === 'string' && HEX64.test(value);
}

// One scratch buffer for the prefixed input of each hash: one update per hash is about twice as fast as three.
const SCRATCH = Buffer.alloc(1 + 2 * HASH_BYTES);

/** SHA-256(0x00 || the event hash's 32 bytes). */
export function leafHash(eventHash: string | Buffer): Buffer {
  SCRATCH[0] = 0;
  if (typeof eventHash === 'string') {
    if (!HEX64.test(eventHash)) throw new Error('the event hash is not 64 lower-case hex digits');
    SCRATCH.write(eventHash, 1, 'hex');
  } else {
    if (eventHash.length !== HASH_BYTES) throw new Error('the event hash is not 32 bytes');
    eventHash.copy(SCRATCH, 1);
  }
  return createHash('sha256')
    .update(SCRATCH.subarray(0, 1 + HASH_BYTES))
    .digest();
}

/** SHA-256(0x01 || left || right). */
export function nodeHash(left: Buffer, right: Buffer): Buffer {
  SCRATCH[0] = 1;
  left.copy(SCRATCH, 1);
  right.copy(SCRATCH, 1 + HASH_BYTES);
  return createHash('sha256').update(SCRATCH).digest();
}

/** Whether n is a power of two (exact for every safe integer; `n & (n - 1)` sees only the low 32 bits). */
export function isPowerOfTwo(n: number): boolean {
  return n >= 1 && 2 ** Math.round(Math.log2(n)) === n;
}

/** The largest power of two strictly below n (n >= 2). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * Builds the root as leaves arrive, keeping only the roots of the complete subtrees on the right edge
 * (at most 64 hashes): what verification uses to check a digest's root while it streams the log.
 */
export class MerkleRootBuilder {
  private readonly stack: { size: number; hash: Buffer }[] = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Adds the next event's hash (hex). */
  push(eventHash: string): void {
    let node = { size: 1, hash: leafHash(eventHash) };
    while (this.stack.length > 0 && this.stack[this.stack.length - 1]!.size === node.size) {
      const left = this.stack.pop()!;
      node = { size: left.size * 2, hash: nodeHash(left.hash, node.hash) };
    }
    this.stack.push(node);
    this.count += 1;
  }

  /** The root of the leaves pushed so far (hex); null for none (an empty log has no digest). */
  root(): string | null {
    if (this.stack.length === 0) return null;
    let hash = this.stack[this.stack.length - 1]!.hash;
    for (let i = this.stack.length - 2; i >= 0; i -= 1) hash = nodeHash(this.stack[i]!.hash, hash);
    return hash.toString('hex');
  }
}

/** The leaves of a log, appended in order; proofs and roots for any size up to the number held. */
export class MerkleTree {
  /** levels[k] holds the roots of the complete, aligned subtrees of 2^k leaves, 32 bytes each. */
  private levels: Buffer[] = [Buffer.alloc(HASH_BYTES * 1024)];
  private counts: number[] = [0];

  get size(): number {
    return this.counts[0]!;
  }

  static of(eventHashes: readonly string[]): MerkleTree {
    const tree = new MerkleTree();
    for (const hash of eventHashes) tree.append(hash);
    return tree;
  }

  /** Appends the next event's hash (hex). */
  append(eventHash: string): void {
    if (this.size >= MAX_TREE_LEAVES) {
      throw new Error(
        `the tree holds at most ${MAX_TREE_LEAVES} events; proofs for larger logs are not supported`,
      );
    }
    let hash = leafHash(eventHash);
    for (let level = 0; ; level += 1) {
      const index = this.counts[level]!;
      this.put(level, index, hash);
      if (index % 2 === 0) return;
      hash = nodeHash(this.get(level, index - 1), hash);
      if (this.levels.length === level + 1) {
        this.levels.push(Buffer.alloc(HASH_BYTES * 512));
        this.counts.push(0);
      }
    }
  }

  /** The hash of leaf `index` (SHA-256(0x00 || event hash)), hex. */
  leaf(index: number): string {
    if (!Number.isSafeInteger(index) || index < 0 || index >= this.size)
      throw new Error(`leaf ${index} is not held`);
    return this.get(0, index).toString('hex');
  }

  /** The root of the first `size` leaves (hex). */
  root(size = this.size): string {
    this.checkSize(size, 'tree size');
    return this.subtree(0, size).toString('hex');
  }

  /** RFC 9162 §2.1.3.1 PATH(m, D[n]): the inclusion proof of leaf `index` in the tree of the first `size` leaves. */
  inclusionPath(index: number, size = this.size): string[] {
    this.checkSize(size, 'tree size');
    if (!Number.isSafeInteger(index) || index < 0 || index >= size) {
      throw new Error(`leaf index ${index} is not in a tree of ${size}`);
    }
    const path: Buffer[] = [];
    const walk = (m: number, start: number, n: number): void => {
      if (n === 1) return;
      const k = splitPoint(n);
      if (m < k) {
        walk(m, start, k);
        path.push(this.subtree(start + k, n - k));
      } else {
        walk(m - k, start + k, n - k);
        path.push(this.subtree(start, k));
      }
    };
    walk(index, 0, size);
    return path.map((hash) => hash.toString('hex'));
  }

  /** RFC 9162 §2.1.4.1 PROOF(m, D[n]): the consistency proof from the first `first` leaves to the first `second`. */
  consistencyPath(first: number, second = this.size): string[] {
    this.checkSize(second, 'second tree size');
    this.checkSize(first, 'first tree size');
    if (first > second) throw new Error(`the first tree size ${first} is larger than the second ${second}`);
    if (first === second) return [];
    const path: Buffer[] = [];
    const walk = (m: number, start: number, n: number, whole: boolean): void => {
      if (m === n) {
        if (!whole) path.push(this.subtree(start, n));
        return;
      }
      const k = splitPoint(n);
      if (m <= k) {
        walk(m, start, k, whole);
        path.push(this.subtree(start + k, n - k));
      } else {
        walk(m - k, start + k, n - k, false);
        path.push(this.subtree(start, k));
      }
    };
    walk(first, 0, second, true);
    return path.map((hash) => hash.toString('hex'));
  }

  private checkSize(size: number, what: string): void {
    if (!Number.isSafeInteger(size) || size < 1 || size > this.size) {
      throw new Error(`${what} ${size} is not between 1 and the ${this.size} events held`);
    }
  }

  /** MTH(D[start : start+n]); `start` is always aligned to the largest power of two dividing the split. */
  private subtree(start: number, n: number): Buffer {
    if (isPowerOfTwo(n) && start % n === 0) {
      const level = Math.log2(n);
      if (level < this.levels.length && start / n < this.counts[level]!) return this.get(level, start / n);
    }
    if (n === 1) throw new Error(`leaf ${start} is not held`);
    const k = splitPoint(n);
    return nodeHash(this.subtree(start, k), this.subtree(start + k, n - k));
  }

  private get(level: number, index: number): Buffer {
    return this.levels[level]!.subarray(index * HASH_BYTES, (index + 1) * HASH_BYTES);
  }

  private put(level: number, index: number, hash: Buffer): void {
    let buffer = this.levels[level]!;
    if ((index + 1) * HASH_BYTES > buffer.length) {
      const grown = Buffer.alloc(buffer.length * 2);
      buffer.copy(grown);
      this.levels[level] = buffer = grown;
    }
    hash.copy(buffer, index * HASH_BYTES);
    this.counts[level] = index + 1;
  }
}
