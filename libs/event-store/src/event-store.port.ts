import { Observable } from 'rxjs';
import { AppendResult, ExpectedRevision, NewEvent, StoredEvent } from './event-envelope';
import { VerifiableRow } from './chain-verifier';

export type ReadDirection = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  direction?: ReadDirection;
  /** Revision to start from, inclusive. Defaults to the start (forwards) or the end (backwards). */
  fromRevision?: number;
  /** At most LIMITS.readPageSizeMax. */
  maxCount?: number;
}

export interface ReadAllOptions {
  /** Read events after this position (exclusive). Defaults to before the first event. */
  after?: bigint;
  /** At most LIMITS.readPageSizeMax. */
  maxCount?: number;
}

export interface ReadAllPage {
  events: StoredEvent[];
  /** Pass as `after` to read the next page; unchanged when the page is empty. */
  lastPosition: bigint | undefined;
  /** True when this page reached the current end of the log. */
  isEnd: boolean;
}

export interface SubscribeOptions {
  /** Deliver events after this position (a checkpoint); from the beginning when absent. */
  after?: bigint;
  pageSize?: number;
  /** How often a caught-up subscription looks for events appended by other processes. */
  pollIntervalMs?: number;
}

export interface RawPage {
  rows: VerifiableRow[];
  lastPosition: bigint | undefined;
  isEnd: boolean;
}

export interface StoreDescription {
  kind: 'memory' | 'sqlite' | 'postgres' | 'esdb';
  /** Where the store lives, with any password removed. */
  location: string;
  /** SQL and in-memory stores number the log 1, 2, 3, ... with no gaps. */
  contiguousPositions: boolean;
  /**
   * Whether an event id is unique across the whole log. EventStoreDB checks ids per stream only, so there
   * the same id may be reused in a different stream.
   */
  globallyUniqueEventIds: boolean;
  /** Position the log starts at, where the store fixes it. */
  firstPosition?: bigint;
}

/**
 * The one port through which the ledger writes and reads events. Adapters: in-memory (tests), SQLite,
 * PostgreSQL and EventStoreDB/KurrentDB. All of them pass the same contract suite (test/contract).
 */
export interface EventStore {
  readonly description: StoreDescription;

  /**
   * Appends events to one stream atomically. Re-sending the same event ids with the same bodies returns the
   * original result and writes nothing. Throws WrongExpectedRevisionError, IdempotencyConflictError or
   * InvalidRequestError; in every error case nothing is written.
   */
  append(stream: string, events: NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult>;

  /** Reads one page of a stream. An unknown stream reads as empty. */
  readStream(stream: string, options?: ReadStreamOptions): Promise<StoredEvent[]>;

  /** Current revision of a stream, or -1 when it has no events. */
  streamRevision(stream: string): Promise<number>;

  /** Position of the last event in the global log, or null while the log is empty. Cheap: for lag reports. */
  headPosition(): Promise<bigint | null>;

  /** Reads one page of the global log in order. */
  readAll(options?: ReadAllOptions): Promise<ReadAllPage>;

  /** Reads one page of the global log as stored bytes, for verification and export. */
  readRaw(after: bigint | undefined, maxCount: number): Promise<RawPage>;

  /** Catches up from a checkpoint, then delivers new events as they are committed. */
  subscribe(options?: SubscribeOptions): Observable<StoredEvent>;

  close(): Promise<void>;
}
