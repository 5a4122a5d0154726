// The in-memory adapter of the event store, for tests and `memory:` (loads no driver).
export * from './in-memory-event-store';
