import { isHash } from './merkle-tree';

/** The files `bcl proof` writes and `bcl verify` reads (docs/file-formats.md). Numbers are decimal strings. */
export const INCLUSION_PROOF_FORMAT = 'bcl-inclusion-proof/1';
export const CONSISTENCY_PROOF_FORMAT = 'bcl-consistency-proof/1';

export interface InclusionProof {
  /** The event's position in the log, and its 0-based index among the log's events (its leaf). */
  position: bigint;
  leafIndex: number;
  treeSize: number;
  eventHash: string;
  path: string[];
}

export interface ConsistencyProof {
  fromTreeSize: number;
  toTreeSize: number;
  path: string[];
}

export function inclusionProofToJson(proof: InclusionProof): Record<string, unknown> {
  return {
    format: INCLUSION_PROOF_FORMAT,
    position: proof.position.toString(),
    leafIndex: String(proof.leafIndex),
    treeSize: String(proof.treeSize),
    eventHash: proof.eventHash,
    path: proof.path,
  };
}

export function consistencyProofToJson(proof: ConsistencyProof): Record<string, unknown> {
  return {
    format: CONSISTENCY_PROOF_FORMAT,
    fromTreeSize: String(proof.fromTreeSize),
    toTreeSize: String(proof.toTreeSize),
    path: proof.path,
  };
}

function parseObject(text: string, what: string, format: string): Record<string, unknown> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error(`the ${what} file is not JSON`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new Error(`the ${what} file is not a JSON object`);
  const value = raw as Record<string, unknown>;
  if (value.format !== format) throw new Error(`the ${what} file's format is not ${format}`);
  return value;
}

/** A decimal string as a safe whole number; throws naming the field. */
export function wholeField(value: Record<string, unknown>, field: string, what: string, min = 0): number {
  const text = value[field];
  if (
    typeof text !== 'string' ||
    !/^\d{1,16}$/.test(text) ||
    !Number.isSafeInteger(Number(text)) ||
    Number(text) < min
  ) {
    throw new Error(`the ${what} file has no valid ${field} (a whole number of ${min} or more, as a string)`);
  }
  return Number(text);
}

function pathField(value: Record<string, unknown>, what: string): string[] {
  const path = value.path;
  if (!Array.isArray(path)) throw new Error(`the ${what} file has no path list`);
  const bad = path.findIndex((element) => !isHash(element));
  if (bad >= 0) throw new Error(`the ${what} file's path element ${bad} is not 64 lower-case hex digits`);
  return path as string[];
}

/** Parses an inclusion proof file; throws a one-line error naming the bad field. */
export function inclusionProofFromJson(text: string): InclusionProof {
  const what = 'inclusion proof';
  const value = parseObject(text, what, INCLUSION_PROOF_FORMAT);
  const position = value.position;
  if (typeof position !== 'string' || !/^-?\d+$/.test(position))
    throw new Error(`the ${what} file has no valid position`);
  if (!isHash(value.eventHash)) throw new Error(`the ${what} file has no valid eventHash`);
  return {
    position: BigInt(position),
    leafIndex: wholeField(value, 'leafIndex', what),
    treeSize: wholeField(value, 'treeSize', what, 1),
    eventHash: value.eventHash,
    path: pathField(value, what),
  };
}

/** Parses a consistency proof file; throws a one-line error naming the bad field. */
export function consistencyProofFromJson(text: string): ConsistencyProof {
  const what = 'consistency proof';
  const value = parseObject(text, what, CONSISTENCY_PROOF_FORMAT);
  return {
    fromTreeSize: wholeField(value, 'fromTreeSize', what, 1),
    toTreeSize: wholeField(value, 'toTreeSize', what, 1),
    path: pathField(value, what),
  };
}
