import type {
  excludeSystemEvents,
  AllStreamResolvedEvent,
  AppendExpectedRevision,
  Direction,
  EventData,
  Position,
  ReadPosition,
  ReadRevision,
  ResolvedEvent,
} from '@eventstore/db-client';

/**
 * The part of @eventstore/db-client's client that the adapter calls. The real EventStoreDBClient satisfies
 * it as it is; the test emulation (libs/testing/src/emulated-esdb-client.ts) implements the same calls with
 * EventStoreDB's documented semantics, so the adapter's own logic is tested where no server can run.
 */
export interface EsdbClientPort {
  appendToStream(
    streamName: string,
    events: EventData[],
    options: { expectedRevision: AppendExpectedRevision },
  ): Promise<{ nextExpectedRevision: bigint; position?: Position }>;
  readStream(
    streamName: string,
    options: { direction: Direction; fromRevision: ReadRevision; maxCount: number },
  ): AsyncIterable<ResolvedEvent>;
  readAll(options: {
    direction: Direction;
    fromPosition: ReadPosition;
    maxCount: number;
  }): AsyncIterable<AllStreamResolvedEvent>;
  subscribeToAll(options: {
    fromPosition: ReadPosition;
    filter?: ReturnType<typeof excludeSystemEvents>;
  }): AsyncIterable<AllStreamResolvedEvent> & { unsubscribe(): Promise<void> };
  dispose(): Promise<void>;
}
