/**
 * A digest pins the log up to one event: whoever keeps it can later prove that everything up to that
 * position is still there, unchanged. It is small enough to print in committee minutes or an audit file.
 */
export interface LogDigest {
  position: bigint;
  hash: string;
  /** When that event was recorded. */
  recordedAt: string;
  /** How many events the log held up to and including that position. */
  eventCount: bigint;
}

export const DIGEST_FORMAT = 'bcl-digest/1';

export function digestToJson(digest: LogDigest, takenAt: string): Record<string, string> {
  return {
    format: DIGEST_FORMAT,
    position: digest.position.toString(),
    hash: digest.hash,
    recordedAt: digest.recordedAt,
    eventCount: digest.eventCount.toString(),
    takenAt,
  };
}

/** Parses a digest file's JSON; throws a one-line error naming the bad field. */
export function digestFromJson(text: string): LogDigest {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error('the digest file is not JSON');
  }
  const value = raw as Record<string, unknown>;
  if (value?.format !== DIGEST_FORMAT) throw new Error(`the digest file's format is not ${DIGEST_FORMAT}`);
  const { position, hash, recordedAt, eventCount } = value;
  if (typeof position !== 'string' || !/^\d+$/.test(position)) {
    throw new Error('the digest file has no valid position');
  }
  if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash)) {
    throw new Error('the digest file has no valid hash');
  }
  if (typeof eventCount !== 'string' || !/^\d+$/.test(eventCount)) {
    throw new Error('the digest file has no valid eventCount');
  }
  return { position: BigInt(position), hash, recordedAt: String(recordedAt), eventCount: BigInt(eventCount) };
}
