export * from './pool-year-reports';
