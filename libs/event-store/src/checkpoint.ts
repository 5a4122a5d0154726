import { LogDigest, TreeDigest } from './log-digest';
import { isHash } from './merkle/merkle-tree';
import { KEY_ID_PATTERN, Keyring, Signer, verifySignature } from './signing/signing-keys';

/**
 * A signed checkpoint: a digest with its Merkle tree head (tree size, root, the head event's position and hash,
 * when it was recorded and when the checkpoint was taken), signed with a `checkpoint` key. Anyone holding it
 * and the keyring can check, offline, that it was signed by that key and has not been edited since; then it
 * serves as a digest (`bcl verify --digest`) and as the tree head proofs are checked against.
 */
export const CHECKPOINT_FORMAT = 'bcl-checkpoint/1';

export interface Checkpoint {
  digest: TreeDigest;
  takenAt: string;
  keyId: string;
  signature: string;
}

/** The exact bytes signed: one `name value` line per field, in this order, after the format line. */
export function checkpointSignedText(digest: TreeDigest, takenAt: string, keyId: string): string {
  return [
    CHECKPOINT_FORMAT,
    `treeSize ${digest.treeSize}`,
    `root ${digest.root}`,
    `position ${digest.position}`,
    `hash ${digest.hash}`,
    `recordedAt ${digest.recordedAt}`,
    `takenAt ${takenAt}`,
    `keyId ${keyId}`,
    '',
  ].join('\n');
}

const ONE_LINE = /^[^\n\r]*$/;

/** Signs a digest as a checkpoint; the signer must hold a `checkpoint` key. */
export function signCheckpoint(digest: TreeDigest, signer: Signer, takenAt: string): Checkpoint {
  if (signer.role !== 'checkpoint') {
    throw new Error(
      `key ${signer.keyId} is a ${signer.role} key: checkpoints are signed with a checkpoint key`,
    );
  }
  if (!ONE_LINE.test(digest.recordedAt) || !ONE_LINE.test(takenAt))
    throw new Error('a checkpoint time is one line');
  const signature = signer.sign(checkpointSignedText(digest, takenAt, signer.keyId));
  return { digest, takenAt, keyId: signer.keyId, signature };
}

export function checkpointToJson(checkpoint: Checkpoint): Record<string, string> {
  const { digest } = checkpoint;
  return {
    format: CHECKPOINT_FORMAT,
    treeSize: digest.treeSize.toString(),
    root: digest.root,
    position: digest.position.toString(),
    hash: digest.hash,
    recordedAt: digest.recordedAt,
    takenAt: checkpoint.takenAt,
    keyId: checkpoint.keyId,
    signature: checkpoint.signature,
  };
}

/** Whether parsed JSON claims to be a checkpoint (then it must verify before it is used as a digest). */
export function isCheckpointObject(value: unknown): boolean {
  return (value as Record<string, unknown> | null)?.format === CHECKPOINT_FORMAT;
}

/** Parses a checkpoint's fields (not its signature); throws a one-line error naming the bad field. */
export function checkpointFromObject(value: Record<string, unknown>, what = 'the checkpoint'): Checkpoint {
  if (value.format !== CHECKPOINT_FORMAT) throw new Error(`${what}'s format is not ${CHECKPOINT_FORMAT}`);
  const { treeSize, root, position, hash, recordedAt, takenAt, keyId, signature } = value;
  const bad = (field: string) => new Error(`${what} has no valid ${field}`);
  if (typeof treeSize !== 'string' || !/^[1-9]\d*$/.test(treeSize)) throw bad('treeSize');
  if (!isHash(root)) throw bad('root');
  if (typeof position !== 'string' || !/^-?\d+$/.test(position)) throw bad('position');
  if (!isHash(hash)) throw bad('hash');
  if (typeof recordedAt !== 'string' || !ONE_LINE.test(recordedAt)) throw bad('recordedAt');
  if (typeof takenAt !== 'string' || !ONE_LINE.test(takenAt) || Number.isNaN(Date.parse(takenAt)))
    throw bad('takenAt');
  if (typeof keyId !== 'string' || !KEY_ID_PATTERN.test(keyId)) throw bad('keyId');
  if (typeof signature !== 'string') throw bad('signature');
  const size = BigInt(treeSize);
  return {
    digest: { position: BigInt(position), hash, recordedAt, eventCount: size, treeSize: size, root },
    takenAt,
    keyId,
    signature,
  };
}

/**
 * Checks a parsed checkpoint (`checkpointFromObject`, `digestOrCheckpointFromJson`) offline against a keyring: the
 * key must be in the keyring as a `checkpoint` key, in use when the checkpoint was taken (between its `from` and
 * `until`), and the signature must hold over the fields. Returns the digest it vouches for; throws a one-line
 * error saying what failed. A file's JSON is parsed first: its shape is never taken on trust.
 */
export function verifyCheckpoint(parsed: Checkpoint, keyring: Keyring): TreeDigest {
  const { digest } = parsed;
  if (typeof digest?.position !== 'bigint' || typeof digest.treeSize !== 'bigint') {
    throw new Error('verifyCheckpoint takes a parsed checkpoint (checkpointFromObject), not its JSON');
  }
  const { keyId, takenAt } = parsed;
  const entry = keyring.entry(keyId);
  if (!entry) throw new Error(`the checkpoint is signed by key ${keyId}, which the keyring does not hold`);
  if (entry.role !== 'checkpoint') {
    throw new Error(
      `the checkpoint is signed by key ${keyId}, which the keyring holds as a ${entry.role} key, not a checkpoint key`,
    );
  }
  const taken = Date.parse(takenAt);
  if (Date.parse(entry.from) > taken || (entry.until !== null && Date.parse(entry.until) < taken)) {
    throw new Error(
      `the checkpoint was taken at ${takenAt}, when key ${keyId} was not in use (${entry.from} to ${entry.until ?? 'now'})`,
    );
  }
  const text = checkpointSignedText(parsed.digest, takenAt, keyId);
  if (!verifySignature(keyring, keyId, text, parsed.signature)) {
    throw new Error(
      `the checkpoint's signature does not hold: it was edited after it was signed, or not signed by ${keyId}`,
    );
  }
  return parsed.digest;
}

/** A digest or a checkpoint, as a file an auditor holds: a checkpoint needs the keyring to be used. */
export function digestOrCheckpointFromJson(
  text: string,
  keyring: Keyring | undefined,
  parseDigest: (text: string) => LogDigest,
): { digest: LogDigest; checkpoint: Checkpoint | null } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error('the digest file is not JSON');
  }
  if (!isCheckpointObject(raw)) return { digest: parseDigest(text), checkpoint: null };
  const checkpoint = checkpointFromObject(raw as Record<string, unknown>);
  if (!keyring) throw new Error('it is a signed checkpoint: give the keyring to check it with (--keyring)');
  return { digest: verifyCheckpoint(checkpoint, keyring), checkpoint };
}
