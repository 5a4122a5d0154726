// The plans commands the API's routes and the web pages' forms both send (one file per use case).
export * from './import-plan';
