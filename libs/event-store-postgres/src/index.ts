// The PostgreSQL adapter of the event store (loads pg).
export * from './postgres-event-store';
export { APPEND_FUNCTION } from './postgres-schema';
export { STREAM_REVISION_CACHE_SIZE, StreamRevisionCache } from './postgres-append';
