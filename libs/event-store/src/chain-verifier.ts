import { GENESIS_HASH, PREV_HASH_KEY, hashRecord, occursAt, startsWithRecordPrefix } from './event-record';
import { operatorWriteOf } from './event-envelope';
import { Keyring, verifySignature } from './signing/signing-keys';

/** One stored event as verification sees it: the stored bytes plus what the store keeps beside them. */
export interface VerifiableRow {
  position: bigint;
  hash: string;
  record: string;
  /** Index columns kept beside the record, where the store has them; each must agree with the record. */
  eventId?: string;
  stream?: string;
  revision?: number;
  /** The writer's key id and signature over `record`, kept beside it; absent or null for an unsigned event. */
  signer?: string | null;
  signature?: string | null;
}

export type ChainBreakKind =
  | 'altered' // the record's bytes do not hash to the stored hash
  | 'malformed' // the record is not a well-formed event record
  | 'index-mismatch' // a column beside the record disagrees with the record
  | 'broken-link' // the record does not name the previous event's hash: inserted, deleted or reordered
  | 'out-of-order' // positions do not increase
  | 'gap' // a position is missing (stores with contiguous positions)
  | 'digest-mismatch' // the event a digest covered is not the one that is there now
  | 'truncated' // the log ends before the position a digest covered
  | 'bad-signature' // the signature does not verify against the keyring's key for the record's bytes
  | 'unknown-key' // the event is signed with a key the keyring does not hold
  | 'retired-key' // recorded (by its own recordedAt or an earlier event's) after its key's `until`
  | 'key-not-yet-in-use' // recorded before its key came into use (the keyring entry's `from`)
  | 'unmarked-operator-write' // signed with an operator key, without the operator-write mark in its metadata
  | 'misattributed-operator-write' // carries the operator-write mark, but is signed with a service key
  | 'unsigned'; // an unsigned event after signing began

export interface ChainBreak {
  kind: ChainBreakKind;
  /** Position of the first event that does not match (for 'truncated', the digest's position). */
  position: bigint;
  message: string;
}

export interface VerifyReport {
  ok: boolean;
  eventsChecked: number;
  lastPosition: bigint | null;
  lastHash: string;
  firstBreak: ChainBreak | null;
  digest: { position: bigint; matched: boolean } | null;
  /** Events checked that carry a signature. */
  signedEvents: number;
  /** Events checked that carry none: the events before signing began (an unsigned event after a signed one is a break). */
  unsignedEvents: number;
  /** Whether signatures were checked against a keyring; without one they are counted, not checked. */
  signaturesChecked: boolean;
}

export interface ChainVerifierOptions {
  /** SQL and in-memory stores number the log 1, 2, 3, ...: any gap is a deletion. */
  contiguousPositions: boolean;
  /** Where the log must start, when the store knows it. */
  firstPosition?: bigint;
  /**
   * The writers' public keys: every signature is checked. With or without them no event may be unsigned once one
   * is signed, and no event may carry a key id without a signature or a signature without a key id.
   */
  keyring?: Keyring;
}

/**
 * Walks a log in global order and reports the first event whose content, order or presence does not match.
 * Memory use is constant: it keeps only the previous event's position and hash.
 */
export class ChainVerifier {
  private previousHash = GENESIS_HASH;
  private previousPosition: bigint | null = null;
  private eventsChecked = 0;
  private firstBreak: ChainBreak | null = null;
  private signedEvents = 0;
  private unsignedEvents = 0;

  /** The largest recordedAt along the chain so far (ms): a record cannot move itself back before it. */
  private latestRecordedAt = Number.NEGATIVE_INFINITY;
  /** When the keyring's first event-signing key came into use (ms): no event may be unsigned after it. */
  private readonly signingFrom: number | null;

  constructor(private readonly options: ChainVerifierOptions) {
    const starts = (options.keyring?.entries ?? [])
      .filter((entry) => entry.role !== 'checkpoint')
      .map((entry) => Date.parse(entry.from));
    this.signingFrom = starts.length === 0 ? null : Math.min(...starts);
  }

  get broken(): boolean {
    return this.firstBreak !== null;
  }

  /** Checks the next row; returns false once the chain is broken (later rows are not checked). */
  check(row: VerifiableRow): boolean {
    if (this.firstBreak) return false;
    const breakFound = this.findBreak(row);
    if (breakFound) {
      this.firstBreak = breakFound;
      return false;
    }
    this.previousHash = row.hash;
    this.previousPosition = row.position;
    if (this.options.keyring) this.latestRecordedAt = this.chainTime(row);
    this.eventsChecked += 1;
    if (row.signature) this.signedEvents += 1;
    else this.unsignedEvents += 1;
    return true;
  }

  finish(): VerifyReport {
    return {
      ok: this.firstBreak === null,
      eventsChecked: this.eventsChecked,
      lastPosition: this.previousPosition,
      lastHash: this.previousHash,
      firstBreak: this.firstBreak,
      digest: null,
      signedEvents: this.signedEvents,
      unsignedEvents: this.unsignedEvents,
      signaturesChecked: this.options.keyring !== undefined,
    };
  }

  private findBreak(row: VerifiableRow): ChainBreak | null {
    const previous = this.previousPosition;
    if (previous === null) {
      const first = this.options.firstPosition;
      if (first !== undefined && row.position !== first) {
        return breakAt(row, 'gap', `the log should start at position ${first}: events before it are missing`);
      }
    } else if (row.position <= previous) {
      return breakAt(row, 'out-of-order', `follows position ${previous}; positions must increase`);
    } else if (this.options.contiguousPositions && row.position !== previous + 1n) {
      return breakAt(
        row,
        'gap',
        `follows position ${previous}; positions ${previous + 1n} onwards are missing`,
      );
    }
    const record = row.record;
    if (hashRecord(record) !== row.hash) {
      return breakAt(row, 'altered', 'the stored record does not match its hash: the event was altered');
    }
    if (!record.startsWith('{"eventId":"') || !record.endsWith('}')) {
      return breakAt(row, 'malformed', 'the stored record is not an event record');
    }
    if (row.eventId !== undefined && row.stream !== undefined && row.revision !== undefined) {
      if (!startsWithRecordPrefix(record, row.eventId, row.stream, row.revision)) {
        return breakAt(
          row,
          'index-mismatch',
          'the event id, stream or revision stored beside the record was changed',
        );
      }
    }
    // the 64 characters after the key, compared where they stand (no copy of them per row)
    const keyAt = record.indexOf(PREV_HASH_KEY);
    const prevHashAt = keyAt + PREV_HASH_KEY.length;
    if (keyAt < 0 || record.length < prevHashAt + 64) {
      return breakAt(row, 'malformed', 'the stored record names no previous hash');
    }
    if (!occursAt(record, this.previousHash, prevHashAt)) {
      return breakAt(
        row,
        'broken-link',
        previous === null
          ? 'the first event does not start the chain: events before it were removed'
          : `does not follow the event at position ${previous}: an event was inserted, removed or moved`,
      );
    }
    return this.signatureBreak(row);
  }

  /** The row's recordedAt (ms), or the largest recorded before it along the chain when that is later. */
  private chainTime(row: VerifiableRow): number {
    const own = recordedAtMs(row.record);
    return Number.isNaN(own) ? this.latestRecordedAt : Math.max(own, this.latestRecordedAt);
  }

  /**
   * An event unsigned once signing began, or with half a signature (key id or signature alone), with or without a
   * keyring; with one, also a signature that is unknown, wrong, out of its key's dates or role.
   */
  private signatureBreak(row: VerifiableRow): ChainBreak | null {
    const keyring = this.options.keyring;
    const { signer, signature } = row;
    // these two need no keyring: signing, once begun, never stops, and a signature comes with its key id
    if (!signer && !signature) {
      if (this.signedEvents > 0) {
        return breakAt(
          row,
          'unsigned',
          'the event is not signed, but events before it are: it was not written by a key holder',
        );
      }
      if (keyring && this.signingFrom !== null && this.chainTime(row) > this.signingFrom) {
        return breakAt(
          row,
          'unsigned',
          `the event is not signed, but was recorded after ${new Date(this.signingFrom).toISOString()}, when the keyring's first service or operator key came into use: it was not written by a key holder, or its signature was removed`,
        );
      }
      return null;
    }
    if (!signer || !signature)
      return breakAt(row, 'bad-signature', 'the event has a key id or a signature, not both');
    if (!keyring) return null;
    const entry = keyring.entry(signer);
    if (!entry)
      return breakAt(row, 'unknown-key', `signed with key ${signer}, which the keyring does not hold`);
    if (entry.role === 'checkpoint') {
      return breakAt(row, 'bad-signature', `signed with ${signer}, a checkpoint key, which signs no events`);
    }
    if (!verifySignature(keyring, signer, row.record, signature)) {
      return breakAt(
        row,
        'bad-signature',
        `the signature is not ${signer}'s over this record: the event was forged or altered`,
      );
    }
    const marked = isOperatorWrite(row.record);
    if (entry.role === 'operator' && !marked) {
      return breakAt(
        row,
        'unmarked-operator-write',
        `signed with ${signer}, an operator key, but its metadata has no operatorWrite mark: an operator key writes only marked events (bcl append)`,
      );
    }
    if (entry.role === 'service' && marked) {
      return breakAt(
        row,
        'misattributed-operator-write',
        `carries the operatorWrite mark but is signed with ${signer}, a service key: only an operator key writes marked events`,
      );
    }
    if (entry.until !== null && this.chainTime(row) > Date.parse(entry.until)) {
      return breakAt(
        row,
        'retired-key',
        `recorded after key ${signer} was retired on ${entry.until} (by its own recordedAt or an earlier event's)`,
      );
    }
    if (!(recordedAtMs(row.record) >= Date.parse(entry.from))) {
      return breakAt(
        row,
        'key-not-yet-in-use',
        `recorded at ${recordedAtOf(row.record) || 'no time'}, before key ${signer} came into use on ${entry.from}`,
      );
    }
    return null;
  }
}

function breakAt(row: VerifiableRow, kind: ChainBreakKind, message: string): ChainBreak {
  return { kind, position: row.position, message: `position ${row.position}: ${message}` };
}

/** Whether the record's metadata carries the operator-write mark (a record that does not parse carries none). */
function isOperatorWrite(record: string): boolean {
  try {
    const { metadata } = JSON.parse(record) as { metadata?: unknown };
    return operatorWriteOf(metadata) !== null;
  } catch {
    return false;
  }
}

/** The time (ms) a record's recordedAt gives; NaN when it has none. */
function recordedAtMs(record: string): number {
  return Date.parse(recordedAtOf(record));
}

const RECORDED_AT_KEY = ',"recordedAt":"';

/** The record's recordedAt (ISO 8601, UTC), or '' when it has none. */
function recordedAtOf(record: string): string {
  const at = record.indexOf(RECORDED_AT_KEY);
  if (at < 0) return '';
  const start = at + RECORDED_AT_KEY.length;
  return record.slice(start, record.indexOf('"', start));
}
