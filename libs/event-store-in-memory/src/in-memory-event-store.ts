import { Observable, Subject } from 'rxjs';
import {
  AppendResult,
  decodePage,
  decodeRecord,
  EventStore,
  ExistingEvent,
  existingEvent,
  ExpectedRevision,
  GENESIS_HASH,
  NewEvent,
  NewRow,
  pageSize,
  planAppendBatch,
  pollingSubscription,
  prepareAppend,
  RawPage,
  ReadAllOptions,
  ReadAllPage,
  ReadStreamOptions,
  Signer,
  sliceStream,
  StoreDescription,
  StoredEvent,
  SubscribeOptions,
} from '@bcl/event-store';

export interface InMemoryEventStoreOptions {
  /** Position of the first event; 1 unless a test needs positions beyond 2^53. */
  firstPosition?: bigint;
  clock?: () => Date;
  /** Signs every event appended (its key id and signature are kept on the row, beside the record). */
  signer?: Signer;
  /**
   * Records each event at the clock's instant even when that is before the log's last event, as every store did
   * before recordedAt was kept from going backwards (and as a ledger may still hold): only for tests of reads
   * over such logs. By default a clock behind the log records the last event's instant.
   */
  recordedAtMayGoBack?: boolean;
}

/** For unit tests only: the same semantics as the durable stores, held in arrays. */
export class InMemoryEventStore implements EventStore {
  readonly description: StoreDescription;
  private readonly rows: NewRow[] = [];
  private readonly byId = new Map<string, NewRow>();
  private readonly streams = new Map<string, NewRow[]>();
  private readonly appended = new Subject<void>();
  private readonly clock: () => Date;
  private readonly signer: Signer | undefined;
  private readonly recordedAtMayGoBack: boolean;

  constructor(options: InMemoryEventStoreOptions = {}) {
    this.description = {
      kind: 'memory',
      location: 'memory',
      contiguousPositions: true,
      globallyUniqueEventIds: true,
      firstPosition: options.firstPosition ?? 1n,
    };
    this.clock = options.clock ?? (() => new Date());
    this.signer = options.signer;
    this.recordedAtMayGoBack = options.recordedAtMayGoBack ?? false;
  }

  async append(
    stream: string,
    events: NewEvent[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    const append = prepareAppend(stream, events, expectedRevision);
    const existingEvents = new Map<string, ExistingEvent>();
    for (const event of append.events) {
      const row = this.byId.get(event.eventId);
      if (row) existingEvents.set(row.eventId, existingEvent(toEvent(row)));
    }
    const revision = (this.streams.get(append.stream)?.length ?? 0) - 1;
    const streamRevisions = new Map(revision >= 0 ? [[append.stream, revision]] : []);
    const last = this.rows[this.rows.length - 1];
    const head = last
      ? {
          position: last.position,
          hash: last.hash,
          signed: last.signature !== null,
          recordedAt: this.recordedAtMayGoBack ? null : last.recordedAt,
        }
      : {
          position: this.description.firstPosition! - 1n,
          hash: GENESIS_HASH,
          signed: false,
          recordedAt: null,
        };
    const plan = planAppendBatch(
      [append],
      { streamRevisions, existingEvents },
      head,
      this.clock().toISOString(),
      this.signer,
    );
    const outcome = plan.outcomes[0]!;
    if (!outcome.ok) throw outcome.error;
    for (const row of plan.rows) {
      this.rows.push(row);
      this.byId.set(row.eventId, row);
      const list = this.streams.get(row.stream) ?? [];
      list.push(row);
      this.streams.set(row.stream, list);
    }
    if (plan.rows.length > 0) this.appended.next();
    return outcome.result;
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    return sliceStream(this.streams.get(stream) ?? [], options).map(toEvent);
  }

  async streamRevision(stream: string): Promise<number> {
    return (this.streams.get(stream)?.length ?? 0) - 1;
  }

  async headPosition(): Promise<bigint | null> {
    return this.rows[this.rows.length - 1]?.position ?? null;
  }

  async readAll(options: ReadAllOptions = {}): Promise<ReadAllPage> {
    return decodePage(await this.readRaw(options.after, pageSize(options.maxCount)));
  }

  async readRaw(after: bigint | undefined, maxCount: number): Promise<RawPage> {
    const start = after === undefined ? 0 : this.rows.findIndex((row) => row.position > after);
    const rows = start < 0 ? [] : this.rows.slice(start, start + pageSize(maxCount));
    return {
      rows,
      lastPosition: rows[rows.length - 1]?.position ?? after,
      isEnd: start < 0 || start + rows.length >= this.rows.length,
    };
  }

  subscribe(options?: SubscribeOptions): Observable<StoredEvent> {
    return pollingSubscription((read) => this.readAll(read), this.appended, options);
  }

  async close(): Promise<void> {
    this.appended.complete();
  }
}

function toEvent(row: NewRow): StoredEvent {
  return decodeRecord(row.record, row.position, row.hash);
}
