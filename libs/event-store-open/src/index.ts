// Opens the event store a URL names, loading only that adapter's library (and so only its driver).
export * from './open-event-store';
export * from './signing-files';
