/**
 * Quarterly returns for the API and the CLI: the template reference files, the ledger reads a return is built
 * from (its stream, the year's earlier returns, the figures it is pre-populated with), and its files (the
 * JSON document with its JSON Schema, and the XLSX workbook in the template's layout).
 */
export * from './template-files';
export * from './return-repository';
export * from './issue-facts';
export * from './return-document';
export * from './return-workbook';
export * from './return-workbook-layout';
export * from './return-workbook-cells';
