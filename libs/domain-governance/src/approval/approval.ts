import { CalendarDate, DomainError } from '@bcl/kernel';
import { ApprovalRequest, AuthorityFailure, InstrumentRef } from '../authority';

export const CONSULTATION_RESPONSES = ['concurred', 'objected'] as const;

/** A consultee's own record that they were consulted on an instrument version under a delegation (brief D2). */
export interface Consultation {
  consultationId: string;
  instrument: InstrumentRef;
  delegationId: string;
  postId: string;
  personId: string;
  on: CalendarDate;
  response: (typeof CONSULTATION_RESPONSES)[number];
  note: string | null;
}

/**
 * One signature of an instrument version, by the person acting in a post, under a resolution or delegation.
 * Where a delegation needs all its delegates, each signs for themselves, and the last signature completes it.
 */
export interface Approval extends Omit<ApprovalRequest, 'alsoActing' | 'consultations'> {
  approvalId: string;
  /** A provisional ("subject to") approval carries its conditions, and awaits ratification by the body. */
  provisionalConditions: string | null;
  /** The consultations it relied on, and the earlier co-signatures it completes. */
  consultationIds: string[];
  coSignatureIds: string[];
  complete: boolean;
}

export type ApprovalEvent =
  | { type: 'ConsultationRecorded'; data: Consultation }
  | { type: 'ApprovalRecorded'; data: Approval }
  | {
      type: 'ApprovalRatified';
      data: { instrument: InstrumentRef; approvalId: string; resolutionId: string; on: CalendarDate };
    };

export interface ApprovalsState {
  consultations: Consultation[];
  approvals: (Approval & { ratified: { resolutionId: string; on: CalendarDate } | null })[];
}

export const approvalsStream = (instrument: Pick<InstrumentRef, 'kind' | 'id'>): string =>
  `approvals-${instrument.kind}-${instrument.id}`;

export function evolveApprovals(state: ApprovalsState | undefined, event: ApprovalEvent): ApprovalsState {
  const current = state ?? { consultations: [], approvals: [] };
  switch (event.type) {
    case 'ConsultationRecorded':
      return { ...current, consultations: [...current.consultations, event.data] };
    case 'ApprovalRecorded':
      return { ...current, approvals: [...current.approvals, { ...event.data, ratified: null }] };
    case 'ApprovalRatified': {
      const { resolutionId, on } = event.data;
      return {
        ...current,
        approvals: current.approvals.map((approval) =>
          approval.approvalId === event.data.approvalId
            ? { ...approval, ratified: { resolutionId, on } }
            : approval,
        ),
      };
    }
  }
}

/** An approval refused for want of authority: every failed condition, each with its message. */
export class AuthorityRefused extends DomainError {
  constructor(readonly failures: AuthorityFailure[]) {
    super('conflict', 'authority', failures.map((f) => `${f.condition}: ${f.message}`).join('; '));
  }
}

/**
 * The approvals that still apply to an instrument version: an approval of version n does not carry over to a
 * later version (a change after sign-off starts a new one).
 */
export function approvalsApplyingTo<A extends { instrument: InstrumentRef }>(
  approvals: A[],
  version: number,
): A[] {
  return approvals.filter(
    (approval) => approval.instrument.version === null || approval.instrument.version === version,
  );
}
