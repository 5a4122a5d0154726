import {
  ANY,
  BACKWARDS,
  END,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AllStreamRecordedEvent,
  type AllStreamResolvedEvent,
  type AppendExpectedRevision,
  type Direction,
  type EventData,
  type Position,
  type ReadPosition,
  type ReadRevision,
  type ResolvedEvent,
} from '@eventstore/db-client';
import type { EsdbClientPort } from '@bcl/event-store-esdb';

/**
 * An in-process emulation of the EventStoreDB client calls the adapter makes, following the server's
 * documented behaviour:
 * - $all positions are {commit, prepare} byte offsets; the events of one append share the commit position
 *   (the commit record follows their prepares) and have increasing prepare positions;
 * - $all holds system events ($statsCollected in $stats-… streams) between ledger events;
 * - reading $all forwards from a position includes that position; backwards excludes it;
 * - reading a missing stream throws StreamNotFoundError when iterated;
 * - a retried append whose event ids already stand right after the expected revision succeeds and writes
 *   nothing; any other revision mismatch throws WrongExpectedVersionError;
 * - stream reads carry each event's $all position (as current servers do);
 * - subscriptions to $all start after the given position, apply the filter, then stay live.
 * What it cannot show: clustering, leader elections, network failures, gRPC deadlines, scavenging.
 */
export class EmulatedEsdbClient implements EsdbClientPort {
  private readonly log: AllStreamRecordedEvent[] = [];
  private readonly streams = new Map<string, AllStreamRecordedEvent[]>();
  private nextOffset = 1_000n;
  private appends = 0;
  private readonly listeners = new Set<() => void>();
  disposed = false;

  constructor(private readonly systemEventEvery = 3) {
    this.writeSystemEvent();
  }

  async appendToStream(
    streamName: string,
    events: EventData[],
    options: { expectedRevision: AppendExpectedRevision },
  ): Promise<{ nextExpectedRevision: bigint; position?: Position }> {
    const stream = this.streams.get(streamName) ?? [];
    const current = stream.length === 0 ? NO_STREAM : BigInt(stream.length - 1);
    const expected = options.expectedRevision;
    const startAt = expected === NO_STREAM ? 0 : typeof expected === 'bigint' ? Number(expected) + 1 : -1;
    if (startAt >= 0 && events.every((event, i) => stream[startAt + i]?.id === event.id)) {
      const last = stream[startAt + events.length - 1]!;
      return { nextExpectedRevision: last.revision, position: last.position };
    }
    const ok =
      expected === ANY ||
      (expected === NO_STREAM && current === NO_STREAM) ||
      (expected === STREAM_EXISTS && current !== NO_STREAM) ||
      (typeof expected === 'bigint' && current === expected);
    if (!ok) throw new WrongExpectedVersionError(undefined, { streamName, expected, current });
    this.appends += 1;
    if (this.appends % this.systemEventEvery === 0) this.writeSystemEvent();
    const written = this.write(streamName, events);
    const last = written[written.length - 1]!;
    return { nextExpectedRevision: last.revision, position: last.position };
  }

  readStream(
    streamName: string,
    options: { direction: Direction; fromRevision: ReadRevision; maxCount: number },
  ): AsyncIterable<ResolvedEvent> {
    const stream = this.streams.get(streamName);
    return (async function* () {
      if (!stream || stream.length === 0) throw new StreamNotFoundError(undefined, streamName);
      const { direction, fromRevision, maxCount } = options;
      const backwards = direction === BACKWARDS;
      const from =
        fromRevision === START
          ? 0
          : fromRevision === END
            ? stream.length - 1
            : Number(fromRevision as bigint);
      const selected = backwards
        ? stream.slice(Math.max(0, from - maxCount + 1), from + 1).reverse()
        : stream.slice(from, from + maxCount);
      for (const event of selected) yield { event };
    })();
  }

  readAll(options: {
    direction: Direction;
    fromPosition: ReadPosition;
    maxCount: number;
  }): AsyncIterable<AllStreamResolvedEvent> {
    const { direction, fromPosition, maxCount } = options;
    const log = this.log;
    return (async function* () {
      let selected: AllStreamRecordedEvent[];
      if (direction === BACKWARDS) {
        const before =
          fromPosition === END
            ? log
            : fromPosition === START
              ? []
              : log.filter((e) => compare(e.position, fromPosition) < 0);
        selected = before.slice(-maxCount).reverse();
      } else {
        const after =
          fromPosition === START
            ? log
            : fromPosition === END
              ? []
              : log.filter((e) => compare(e.position, fromPosition) >= 0);
        selected = after.slice(0, maxCount);
      }
      for (const event of selected) yield { event, commitPosition: event.position.commit };
    })();
  }

  subscribeToAll(options: { fromPosition: ReadPosition }): AsyncIterable<AllStreamResolvedEvent> & {
    unsubscribe(): Promise<void>;
  } {
    const log = this.log;
    const listeners = this.listeners;
    let stopped = false;
    let wake: (() => void) | undefined;
    const listener = () => wake?.();
    listeners.add(listener);
    const from = options.fromPosition;
    let index =
      from === START ? 0 : from === END ? log.length : log.findIndex((e) => compare(e.position, from) > 0);
    if (index < 0) index = log.length;
    const iterable = (async function* () {
      while (!stopped) {
        while (index < log.length && !stopped) {
          const event = log[index++]!;
          if (event.type.startsWith('$')) continue; // excludeSystemEvents()
          yield { event, commitPosition: event.position.commit };
        }
        if (stopped) return;
        await new Promise<void>((resolve) => (wake = resolve));
      }
    })();
    return Object.assign(iterable, {
      unsubscribe: async () => {
        stopped = true;
        listeners.delete(listener);
        wake?.();
      },
    });
  }

  async dispose(): Promise<void> {
    this.disposed = true;
  }

  /** Test hook: the raw log, for tamper tests that edit the server's data directly. */
  get rawLog(): AllStreamRecordedEvent[] {
    return this.log;
  }

  private writeSystemEvent(): void {
    this.write('$stats-127.0.0.1:2113', [
      {
        id: crypto.randomUUID(),
        type: '$statsCollected',
        contentType: 'application/json',
        data: { uptime: this.appends },
        metadata: undefined,
      },
    ]);
  }

  private write(streamName: string, events: EventData[]): AllStreamRecordedEvent[] {
    const stream = this.streams.get(streamName) ?? [];
    this.streams.set(streamName, stream);
    const prepares = events.map(() => {
      const prepare = this.nextOffset;
      this.nextOffset += 137n;
      return prepare;
    });
    const commit = this.nextOffset;
    this.nextOffset += 61n;
    const written = events.map((event, i): AllStreamRecordedEvent => {
      const data = event.data instanceof Uint8Array ? new Uint8Array(event.data) : event.data;
      const recorded = {
        streamId: streamName,
        id: event.id,
        isJson: event.contentType === 'application/json',
        revision: BigInt(stream.length),
        type: event.type,
        created: new Date(),
        data,
        metadata: event.metadata,
        position: { commit, prepare: prepares[i]! },
      } as AllStreamRecordedEvent;
      stream.push(recorded);
      this.log.push(recorded);
      return recorded;
    });
    for (const listener of this.listeners) listener();
    return written;
  }
}

function compare(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}
