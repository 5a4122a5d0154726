import type { EventSchemasOf } from '@bcl/kernel';
import type { ApprovalEvent } from './approval/approval';
import type { BodyEvent } from './body/body';
import type { DelegationEvent } from './delegation/delegation';
import type { MeetingEvent } from './meeting/meeting';
import type { ResolutionIndexEvent } from './meeting/resolution-index';

/** Every event governance records, in one union: deciders, the catalogue below and the projection use it. */
export type GovernanceEvent =
  BodyEvent | MeetingEvent | DelegationEvent | ApprovalEvent | ResolutionIndexEvent;

/**
 * Every event type governance records, with the schema version the code writes and reads today and the
 * upcasters from older versions. A new event type fails to compile until it is declared here. How to change
 * an event: docs/file-formats.md, "Changing an event".
 */
export const GOVERNANCE_EVENT_SCHEMAS = {
  DecisionBodyEstablished: { currentVersion: 1 },
  BodySeatAssigned: { currentVersion: 1 },
  MeetingRecorded: { currentVersion: 1 },
  MeetingAttendanceRecorded: { currentVersion: 1 },
  InterestsDeclared: { currentVersion: 1 },
  ResolutionPassed: { currentVersion: 1 },
  ResolutionIdClaimed: { currentVersion: 1 },
  DelegationGranted: { currentVersion: 1 },
  DelegationRevoked: { currentVersion: 1 },
  DelegatedDecisionReportedBack: { currentVersion: 1 },
  ConsultationRecorded: { currentVersion: 1 },
  ApprovalRecorded: { currentVersion: 1 },
  ApprovalRatified: { currentVersion: 1 },
} as const satisfies EventSchemasOf<GovernanceEvent['type']>;
