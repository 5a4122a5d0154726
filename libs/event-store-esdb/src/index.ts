// The EventStoreDB / KurrentDB adapter of the event store (loads @eventstore/db-client).
export * from './esdb-event-store';
export type { EsdbClientPort } from './esdb-client.port';
