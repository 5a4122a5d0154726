// The governance commands the API's routes and the web pages' forms both send (one file per use case).
export * from './pass-resolution';
export * from './record-approval';
export * from './record-consultation';
