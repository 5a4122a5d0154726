import type { EventSchemasOf } from '@bcl/kernel';
import type { PlanEvent } from './plan/plan';

/**
 * Every event type the plans context records, with the schema version the code writes and reads today and the
 * upcasters from older versions. A new event type fails to compile until it is declared here. How to change
 * an event: docs/file-formats.md, "Changing an event".
 */
export const PLAN_EVENT_SCHEMAS = {
  PlanInitiated: { currentVersion: 1 },
  PlanVersionStarted: { currentVersion: 1 },
  PlanEntryRecorded: { currentVersion: 1 },
  PlanEntryAmended: { currentVersion: 1 },
  PlanEntryRemoved: { currentVersion: 1 },
  PlanLifecycleStepRecorded: { currentVersion: 1 },
  PlanWarningAccepted: { currentVersion: 1 },
} as const satisfies EventSchemasOf<PlanEvent['type']>;
