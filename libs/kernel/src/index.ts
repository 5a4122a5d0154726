/**
 * The shared kernel: what every bounded context uses and none owns. Plain TypeScript: no NestJS, no I/O, no
 * clock. A domain library imports only this kernel, its own code, and other contexts' published facts.
 */
export * from './assert';
export * from './calendar-date';
export * from './domain-error';
export * from './financial-year';
export * from './ids';
export * from './text';
export * from './text-limits';
export * from './event-schema';
export * from './projection';
export * from './spreadsheet-text';
export * from './evidence';
export * from './viewpoint';
export * from './operator-write';
