import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  binaryEvent,
  excludeSystemEvents,
  type AllStreamRecordedEvent,
  type Position,
  type ReadPosition,
  type RecordedEvent,
} from '@eventstore/db-client';
import { Observable } from 'rxjs';
import {
  AppendResult,
  ChainHead,
  checkExpected,
  decodePage,
  decodeRecord,
  describeExpected,
  encodeChain,
  refuseUnsignedOntoSigned,
  EventStore,
  ExistingEvent,
  existingEvent,
  ExpectedRevision,
  findReplay,
  GENESIS_HASH,
  NewEvent,
  pageSize,
  prepareAppend,
  PreparedAppend,
  RawPage,
  ReadAllOptions,
  ReadAllPage,
  ReadStreamOptions,
  recordedAtAfter,
  StoreDescription,
  StoredEvent,
  Signer,
  StoreOpenError,
  SubscribeOptions,
  VerifiableRow,
  WrongExpectedRevisionError,
} from '@bcl/event-store';
import { EsdbClientPort } from './esdb-client.port';

/** Events the adapter scans backwards to recognise a retried append made with expected revision 'any'. */
export const ESDB_IDEMPOTENCY_WINDOW = 1000;
/** Pages of $all scanned backwards to find the chain head past system events. */
const HEAD_SCAN_PAGES_MAX = 100;
const U64 = 2n ** 64n;

/**
 * EventStoreDB / KurrentDB store. EventStoreDB assigns the global order ($all) itself; the adapter maps an
 * event's $all position {commit, prepare} to one bigint, commit * 2^64 + prepare, which sorts in $all order
 * and converts back exactly. The record and its hash chain are the same bytes as on the SQL stores, kept as
 * the event's binary data with the hash in its metadata. Appends from one adapter are serialised so that
 * each record names the event before it; run one ledger writer per database (see docs/event-store.md).
 */
export class EsdbEventStore implements EventStore {
  readonly description: StoreDescription;
  private writing: Promise<unknown> = Promise.resolve();
  private head: ChainHead | undefined;

  constructor(
    private readonly client: EsdbClientPort,
    location: string,
    private readonly clock: () => Date = () => new Date(),
    private readonly signer?: Signer,
  ) {
    this.description = { kind: 'esdb', location, contiguousPositions: false, globallyUniqueEventIds: false };
  }

  /** Connects with an esdb:// or kurrentdb:// connection string and checks the server answers. */
  static async open(
    url: string,
    options: { signer?: Signer; clock?: () => Date } = {},
  ): Promise<EsdbEventStore> {
    const location = url.replace(/\/\/[^@/]*@/, '//');
    let client: EventStoreDBClient;
    try {
      client = EventStoreDBClient.connectionString(url);
    } catch (error) {
      throw new StoreOpenError(
        `'${location}' is not a valid EventStoreDB connection string: ${(error as Error).message}`,
      );
    }
    const store = new EsdbEventStore(
      client as unknown as EsdbClientPort,
      location,
      options.clock ?? (() => new Date()),
      options.signer,
    );
    try {
      await store.chainHead();
    } catch (error) {
      await client.dispose().catch(() => undefined);
      throw new StoreOpenError(
        `cannot reach EventStoreDB at ${location}: ${(error as Error).message.split('\n')[0]}`,
      );
    }
    return store;
  }

  append(stream: string, events: NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    let append: PreparedAppend;
    try {
      append = prepareAppend(stream, events, expectedRevision);
    } catch (error) {
      return Promise.reject(error as Error);
    }
    const result = this.writing.then(() => this.appendNow(append));
    this.writing = result.catch(() => undefined);
    return result;
  }

  private async appendNow(append: PreparedAppend): Promise<AppendResult> {
    const revision = await this.streamRevision(append.stream);
    const replay = findReplay(append, await this.candidateOriginals(append, revision));
    if (replay) return replay;
    checkExpected(append, revision);
    const head = await this.chainHead();
    refuseUnsignedOntoSigned(head, this.signer);
    // No earlier than the head this writer knows: with one writer per database (as the chain needs), recordedAt
    // never goes backwards along $all; EventStoreDB cannot check it against another writer's append.
    const recordedAt = recordedAtAfter(this.clock().toISOString(), head.recordedAt);
    const rows = encodeChain(append, revision, head.hash, recordedAt, this.signer);
    try {
      await this.client.appendToStream(
        append.stream,
        rows.map((row) =>
          binaryEvent({
            id: row.eventId,
            type: row.type,
            data: Buffer.from(row.record, 'utf8'),
            // The signature sits beside the record, as on the SQL stores: in the event's metadata, with the hash.
            metadata: row.signer
              ? { hash: row.hash, signer: row.signer, signature: row.signature }
              : { hash: row.hash },
          }),
        ),
        { expectedRevision: revision === -1 ? NO_STREAM : BigInt(revision) },
      );
    } catch (error) {
      this.head = undefined; // another writer may have moved the chain: look it up again next time
      if (error instanceof WrongExpectedVersionError) {
        const actual = error.actualVersion;
        throw new WrongExpectedRevisionError(
          append.stream,
          describeExpected(append.expected),
          typeof actual === 'bigint' ? Number(actual) : 'no-stream',
        );
      }
      throw error;
    }
    const written = await this.readStream(append.stream, {
      fromRevision: revision + 1,
      maxCount: rows.length,
    });
    const first = written[0];
    const last = written[written.length - 1];
    if (!first || !last || last.hash !== rows[rows.length - 1]!.hash) {
      throw new Error(`EventStoreDB did not return the events just appended to '${append.stream}'`);
    }
    this.head = {
      position: last.position,
      hash: last.hash,
      signed: this.signer !== undefined,
      recordedAt: last.recordedAt,
    };
    return {
      stream: append.stream,
      firstRevision: first.revision,
      lastRevision: last.revision,
      firstPosition: first.position,
      lastPosition: last.position,
      replayed: false,
    };
  }

  /** The stored events that an identical earlier append would have written, for idempotency checks. */
  private async candidateOriginals(
    append: PreparedAppend,
    revision: number,
  ): Promise<Map<string, ExistingEvent>> {
    const found = new Map<string, ExistingEvent>();
    if (revision < 0) return found;
    const { expected } = append;
    const events =
      expected === 'any'
        ? await this.readStream(append.stream, { direction: 'backwards', maxCount: ESDB_IDEMPOTENCY_WINDOW })
        : await this.readStream(append.stream, {
            fromRevision: expected === 'no-stream' ? 0 : expected + 1,
            maxCount: append.events.length,
          });
    const wanted = new Set(append.events.map((event) => event.eventId));
    for (const event of events) {
      if (wanted.has(event.eventId)) found.set(event.eventId, existingEvent(event));
    }
    return found;
  }

  async headPosition(): Promise<bigint | null> {
    const head = await this.scanHead(); // not the cached chain head: another process may be the writer
    return head.position === 0n ? null : head.position;
  }

  private async chainHead(): Promise<ChainHead> {
    this.head ??= await this.scanHead();
    return this.head;
  }

  /** The last ledger event in $all, skipping EventStoreDB's own system events. */
  private async scanHead(): Promise<ChainHead> {
    let from: ReadPosition = END;
    for (let page = 0; page < HEAD_SCAN_PAGES_MAX; page += 1) {
      let count = 0;
      let lastSeen: Position | undefined;
      const events = this.client.readAll({ direction: BACKWARDS, fromPosition: from, maxCount: 100 });
      for await (const resolved of events) {
        count += 1;
        const event = resolved.event;
        if (!event) continue;
        lastSeen = event.position;
        if (isSystemEvent(event)) continue;
        const signature = metadataOf(event)?.signature;
        const position = encodePosition(event.position);
        return {
          position,
          hash: hashOf(event),
          signed: typeof signature === 'string' && signature.length > 0,
          recordedAt: toStoredEvent(event, position).recordedAt,
        };
      }
      if (count < 100 || !lastSeen) break;
      from = lastSeen;
    }
    return { position: 0n, hash: GENESIS_HASH, signed: false, recordedAt: null };
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const backwards = options.direction === 'backwards';
    const events: StoredEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(stream, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision:
          options.fromRevision === undefined ? (backwards ? END : START) : BigInt(options.fromRevision),
        maxCount: pageSize(options.maxCount),
      })) {
        if (resolved.event) events.push(toStoredEvent(resolved.event));
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  async streamRevision(stream: string): Promise<number> {
    const [last] = await this.readStream(stream, { direction: 'backwards', maxCount: 1 });
    return last?.revision ?? -1;
  }

  async readAll(options: ReadAllOptions = {}): Promise<ReadAllPage> {
    return decodePage(await this.readRaw(options.after, pageSize(options.maxCount)));
  }

  /**
   * $all from a position is inclusive and holds system events, so the adapter reads on past them until it
   * has a page of ledger events or reaches the end.
   */
  async readRaw(after: bigint | undefined, maxCount: number): Promise<RawPage> {
    const count = pageSize(maxCount);
    const rows: VerifiableRow[] = [];
    let from: ReadPosition = after === undefined ? START : decodePosition(after);
    let cursor = after;
    for (;;) {
      let read = 0;
      const page = this.client.readAll({ direction: FORWARDS, fromPosition: from, maxCount: count + 1 });
      for await (const resolved of page) {
        read += 1;
        const event: AllStreamRecordedEvent | undefined = resolved.event;
        if (!event) continue;
        const position = encodePosition(event.position);
        if (cursor !== undefined && position <= cursor) continue;
        cursor = position;
        from = event.position;
        if (isSystemEvent(event)) continue;
        rows.push(toRow(event, position));
        if (rows.length === count) return { rows, lastPosition: position, isEnd: false };
      }
      if (read < count + 1)
        return { rows, lastPosition: rows[rows.length - 1]?.position ?? after, isEnd: true };
    }
  }

  subscribe(options: SubscribeOptions = {}): Observable<StoredEvent> {
    return new Observable<StoredEvent>((subscriber) => {
      const subscription = this.client.subscribeToAll({
        fromPosition: options.after === undefined ? START : decodePosition(options.after),
        filter: excludeSystemEvents(),
      });
      let closed = false;
      (async () => {
        for await (const resolved of subscription) {
          if (closed) return;
          const event = resolved.event;
          if (!event || isSystemEvent(event)) continue;
          const position = encodePosition(event.position);
          if (options.after !== undefined && position <= options.after) continue;
          subscriber.next(toStoredEvent(event, position));
        }
      })().catch((error: unknown) => subscriber.error(error));
      return () => {
        closed = true;
        void subscription.unsubscribe();
      };
    });
  }

  async close(): Promise<void> {
    await this.writing;
    await this.client.dispose();
  }
}

export function encodePosition(position: Position): bigint {
  if (position.prepare < 0n || position.prepare >= U64 || position.commit < 0n || position.commit >= U64) {
    throw new RangeError(`$all position ${position.commit}/${position.prepare} is outside 0..2^64`);
  }
  return position.commit * U64 + position.prepare;
}

export function decodePosition(position: bigint): Position {
  return { commit: position / U64, prepare: position % U64 };
}

function isSystemEvent(event: RecordedEvent): boolean {
  return event.type.startsWith('$') || event.streamId.startsWith('$');
}

interface EsdbMetadata {
  hash?: unknown;
  signer?: unknown;
  signature?: unknown;
}

function metadataOf(event: RecordedEvent): EsdbMetadata | undefined {
  const metadata = event.metadata as EsdbMetadata | undefined;
  return metadata instanceof Uint8Array
    ? (JSON.parse(Buffer.from(metadata).toString('utf8')) as EsdbMetadata)
    : metadata;
}

function hashOf(event: RecordedEvent): string {
  const raw = metadataOf(event);
  return typeof raw?.hash === 'string' ? raw.hash : '';
}

function recordOf(event: RecordedEvent): string {
  const data = event.data;
  return data instanceof Uint8Array ? Buffer.from(data).toString('utf8') : JSON.stringify(data);
}

function toRow(event: AllStreamRecordedEvent, position: bigint): VerifiableRow {
  const metadata = metadataOf(event);
  return {
    position,
    hash: typeof metadata?.hash === 'string' ? metadata.hash : '',
    signer: typeof metadata?.signer === 'string' ? metadata.signer : null,
    signature: typeof metadata?.signature === 'string' ? metadata.signature : null,
    record: recordOf(event),
    eventId: event.id,
    stream: event.streamId,
    revision: Number(event.revision),
  };
}

function toStoredEvent(event: RecordedEvent, position?: bigint): StoredEvent {
  // Stream reads carry the $all position on current servers; older ones send none (or 2^64-1): -1 then.
  const known = event.position && event.position.commit < U64 - 1n;
  const at = position ?? (known ? encodePosition(event.position!) : -1n);
  return decodeRecord(recordOf(event), at, hashOf(event));
}
