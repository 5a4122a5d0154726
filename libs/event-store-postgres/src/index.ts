// The PostgreSQL adapter of the event store (loads pg).
export * from './postgres-event-store';
export { eventsTableSql } from './postgres-schema';
