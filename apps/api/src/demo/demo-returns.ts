import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FieldValue } from '@bcl/domain-returns';

/**
 * The demo's quarterly returns (`demo/returns.json`): loaded after the pooled funds, once the template
 * reference file and the Southend fixtures (`demo/returns/*.json`) are merged. It is not yet in `DEMO_FILES`:
 * the lead adds it there at merge (see the report of issue 13's API part).
 */
export const RETURNS_DEMO_FILE = 'returns.json';

/**
 * The values of a return file (`demo/returns/<returnId>.json`): its `values` (field id to value), or its
 * `cells` (field id to `{ value }`), as the JSON document of a return gives them. A file with neither is an
 * error naming it.
 */
export function readReturnValues(demo: string, file: string): Record<string, FieldValue> {
  const content = JSON.parse(readFileSync(join(demo, file), 'utf8')) as {
    values?: Record<string, FieldValue>;
    cells?: Record<string, { value: FieldValue }>;
  };
  if (content.values && typeof content.values === 'object') return content.values;
  if (content.cells && typeof content.cells === 'object')
    return Object.fromEntries(Object.entries(content.cells).map(([field, cell]) => [field, cell.value]));
  throw new Error(`demo/${file} has neither "values" nor "cells"`);
}
