// The event store's core: the port, the envelope, record encoding, the chain verifier, digests, the NDJSON export
// reader and the append planner. It loads no database driver: each adapter is its own library
// (@bcl/event-store-sqlite, -postgres, -esdb, -in-memory) and @bcl/event-store-open picks one by URL.
export * from './event-envelope';
export * from './event-store.port';
export * from './errors';
export * from './limits';
export * from './canonical-json';
export * from './event-record';
export * from './event-id';
export * from './chain-verifier';
export * from './log-digest';
export * from './verify-log';
export * from './merkle';
export * from './checkpoint';
export * from './checkpoint-writer';
export {
  foldEvents,
  foldStream,
  logEventPages,
  logRowPages,
  readWholeStream,
  type LogReadOptions,
} from './read-paging';
export * from './ndjson-export';
export * from './event-schemas';
export * from './signing/signing-keys';

// The building blocks the adapters share (not for applications).
export * from './append-planner';
export * from './group-commit-queue';
export * from './polling-subscription';
export * from './store-format';
export { decodePage, existingEvent, pageSize, sliceStream } from './read-paging';
