export * from './plan-document';
export * from './planning-references';
export * from './plan-repository';
