export * from './authority';
export * from './governance';
