import { Observable, map } from 'rxjs';
import { EventSchemaCatalogue, checkSchema, currentVersionOf, upcastEvent } from '@bcl/kernel';
import { AppendResult, ExpectedRevision, NewEvent, StoredEvent } from './event-envelope';
import {
  EventStore,
  RawPage,
  ReadAllOptions,
  ReadAllPage,
  ReadStreamOptions,
  StoreDescription,
  SubscribeOptions,
} from './event-store.port';
import { InvalidRequestError } from './errors';

export {
  EventSchemaError,
  combineCatalogues,
  upcastEvent,
  type EventSchema,
  type EventSchemaCatalogue,
  type EventSchemasOf,
  type EventUpcaster,
} from '@bcl/kernel';

/**
 * The store as the ledger's readers see it: every event read (a stream, the log, a subscription) is upcast to
 * its type's current shape, and every event appended without a schemaVersion is stamped with its type's
 * current version. Raw reads (`readRaw`: the chain verifier, digests, the NDJSON export) pass through
 * untouched, so the stored bytes and their hashes never change. Types the catalogue does not declare are
 * read and written as they are.
 */
export function withUpcasting(store: EventStore, catalogue: EventSchemaCatalogue): EventStore {
  for (const [type, schema] of Object.entries(catalogue)) checkSchema(type, schema);
  return new UpcastingEventStore(store, catalogue);
}

class UpcastingEventStore implements EventStore {
  constructor(
    private readonly inner: EventStore,
    private readonly catalogue: EventSchemaCatalogue,
  ) {}

  get description(): StoreDescription {
    return this.inner.description;
  }

  async append(
    stream: string,
    events: NewEvent[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    return this.inner.append(
      stream,
      events.map((event, index) => this.stamp(event, index)),
      expectedRevision,
    );
  }

  async readStream(stream: string, options?: ReadStreamOptions): Promise<StoredEvent[]> {
    return (await this.inner.readStream(stream, options)).map((event) => this.upcast(event));
  }

  streamRevision(stream: string): Promise<number> {
    return this.inner.streamRevision(stream);
  }

  headPosition(): Promise<bigint | null> {
    return this.inner.headPosition();
  }

  async readAll(options?: ReadAllOptions): Promise<ReadAllPage> {
    const page = await this.inner.readAll(options);
    return { ...page, events: page.events.map((event) => this.upcast(event)) };
  }

  readRaw(after: bigint | undefined, maxCount: number): Promise<RawPage> {
    return this.inner.readRaw(after, maxCount);
  }

  subscribe(options?: SubscribeOptions): Observable<StoredEvent> {
    return this.inner.subscribe(options).pipe(map((event) => this.upcast(event)));
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private upcast(event: StoredEvent): StoredEvent {
    return upcastEvent(this.catalogue, event);
  }

  private stamp(event: NewEvent, index: number): NewEvent {
    const current = currentVersionOf(this.catalogue, event.type);
    if (current === undefined) return event;
    if (event.schemaVersion === undefined) return { ...event, schemaVersion: current };
    if (event.schemaVersion > current) {
      throw new InvalidRequestError(
        `events[${index}].schemaVersion`,
        `'${event.type}' is at version ${current} in this release; version ${event.schemaVersion} is unknown`,
      );
    }
    return event;
  }
}
