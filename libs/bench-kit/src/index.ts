export * from './raw-limits';
