export * from './pool-year-reports';
export * from './fact-evidence';
export * from './pool-year-cache';
export * from './transactions-page';
export * from './pool-year-ledgers';
