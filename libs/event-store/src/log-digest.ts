/**
 * A digest pins the log up to one event: whoever keeps it can later prove that everything up to that
 * position is still there, unchanged. It is small enough to print in committee minutes or an audit file.
 * Since `bcl-digest/2` it also holds the Merkle tree head of those events (tree size and root), against which
 * inclusion and consistency proofs are checked without the log.
 */
export interface LogDigest {
  position: bigint;
  hash: string;
  /** When that event was recorded. */
  recordedAt: string;
  /** How many events the log held up to and including that position. */
  eventCount: bigint;
  /** The Merkle tree head (bcl-digest/2; absent from a bcl-digest/1 file): tree size = eventCount, root in hex. */
  treeSize?: bigint;
  root?: string;
}

/** A digest with its tree head, as `takeDigest` gives it. */
export type TreeDigest = LogDigest & { treeSize: bigint; root: string };

export const DIGEST_FORMAT = 'bcl-digest/2';
export const DIGEST_FORMAT_V1 = 'bcl-digest/1';

export function digestToJson(digest: LogDigest, takenAt: string): Record<string, string> {
  const json: Record<string, string> = {
    format: digest.root === undefined ? DIGEST_FORMAT_V1 : DIGEST_FORMAT,
    position: digest.position.toString(),
    hash: digest.hash,
    recordedAt: digest.recordedAt,
    eventCount: digest.eventCount.toString(),
  };
  if (digest.root !== undefined) {
    json.treeSize = (digest.treeSize ?? digest.eventCount).toString();
    json.root = digest.root;
  }
  json.takenAt = takenAt;
  return json;
}

/** Checks a parsed digest object (bcl-digest/1 or /2, or a checkpoint's body); throws naming the bad field. */
export function digestFromObject(value: Record<string, unknown>, what = 'the digest file'): LogDigest {
  const { position, hash, recordedAt, eventCount } = value;
  if (typeof position !== 'string' || !/^-?\d+$/.test(position)) {
    throw new Error(`${what} has no valid position`);
  }
  if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash)) {
    throw new Error(`${what} has no valid hash`);
  }
  if (typeof eventCount !== 'string' || !/^\d+$/.test(eventCount)) {
    throw new Error(`${what} has no valid eventCount`);
  }
  const digest: LogDigest = {
    position: BigInt(position),
    hash,
    recordedAt: String(recordedAt),
    eventCount: BigInt(eventCount),
  };
  if (value.format === DIGEST_FORMAT_V1) return digest;
  const { treeSize, root } = value;
  if (
    typeof treeSize !== 'string' ||
    !/^[1-9]\d*$/.test(treeSize) ||
    BigInt(treeSize) !== digest.eventCount
  ) {
    throw new Error(`${what} has no valid treeSize (it equals eventCount)`);
  }
  if (typeof root !== 'string' || !/^[0-9a-f]{64}$/.test(root)) {
    throw new Error(`${what} has no valid root`);
  }
  return { ...digest, treeSize: BigInt(treeSize), root };
}

/** Parses a digest file's JSON (bcl-digest/2, or /1 without a tree head); throws a one-line error naming the bad field. */
export function digestFromJson(text: string): LogDigest {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error('the digest file is not JSON');
  }
  const value = raw as Record<string, unknown>;
  if (value?.format !== DIGEST_FORMAT && value?.format !== DIGEST_FORMAT_V1) {
    throw new Error(`the digest file's format is not ${DIGEST_FORMAT_V1} or ${DIGEST_FORMAT}`);
  }
  return digestFromObject(value);
}

/** Whether a digest carries a tree head (bcl-digest/2 and checkpoints do; bcl-digest/1 does not). */
export function hasTreeHead(digest: LogDigest): digest is TreeDigest {
  return digest.root !== undefined && digest.treeSize !== undefined;
}
