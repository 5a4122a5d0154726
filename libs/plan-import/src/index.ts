export * from './plan-document';
export * from './planning-references';
export * from './plan-repository';
export * from './plan-tables';
export * from './plan-spreadsheet';
export * from './plan-input';
export * from './xlsx-limits';
