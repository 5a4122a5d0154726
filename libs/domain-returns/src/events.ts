import type { EventSchemasOf } from '@bcl/kernel';
import type { ReturnEvent } from './return/quarterly-return';

/**
 * Every event type the quarterly-returns context records, with the schema version the code writes and reads.
 * A new event type fails to compile until it is declared here (docs/file-formats.md, "Changing an event").
 */
export const RETURN_EVENT_SCHEMAS = {
  ReturnIssued: { currentVersion: 1 },
  ReturnFieldsEntered: { currentVersion: 1 },
  PriorQuarterAmended: { currentVersion: 1 },
  ReturnValidated: { currentVersion: 1 },
  ReturnSubmitted: { currentVersion: 1 },
} as const satisfies EventSchemasOf<ReturnEvent['type']>;
