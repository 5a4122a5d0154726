// Helpers for specs (libs and test/): never imported by production code (.dependency-cruiser.cjs guards that).
// The emulated EventStoreDB client loads its driver, so it is imported on its own: @bcl/testing/emulated-esdb-client.
export * from './decider-specification';
export * from './event-factory';
export * from './refusal';
