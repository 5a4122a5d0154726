export * from './raw-limits';
export * from './phases';
export * from './cpu-profile';
export * from './same-work-floors';
export * from './same-work-floors-pg';
