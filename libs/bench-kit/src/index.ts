export * from './raw-limits';
export * from './phases';
export * from './cpu-profile';
