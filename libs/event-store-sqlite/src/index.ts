// The embedded SQLite adapter of the event store (loads better-sqlite3).
export * from './sqlite-event-store';
