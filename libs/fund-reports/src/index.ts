export * from './pool-year-reports';
export * from './fact-evidence';
