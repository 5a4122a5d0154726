export * from './merkle-tree';
export * from './merkle-verify';
export * from './proof-formats';
export * from './digest-checker';
export * from './log-proofs';
export * from './log-tree-cache';
