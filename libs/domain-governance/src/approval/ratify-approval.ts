import { CalendarDate, refuse } from '@bcl/kernel';
import { InstrumentRef } from '../authority';
import { Resolution } from '../meeting/meeting';
import { ApprovalEvent, ApprovalsState } from './approval';

/** A provisional approval ratified by a later resolution of the body that authorised it. */
export function ratifyApproval(
  state: ApprovalsState | undefined,
  command: { instrument: InstrumentRef; approvalId: string; resolutionId: string },
  facts: {
    resolution: (Resolution & { meetingDate: CalendarDate }) | undefined;
    /** The body that gave the authority the approval was made under. */
    authorisingBodyId: string | undefined;
  },
): ApprovalEvent[] {
  const approval = state?.approvals.find((a) => a.approvalId === command.approvalId);
  if (!approval) return refuse('not-found', 'approvalId', `approval '${command.approvalId}' is not recorded`);
  if (approval.provisionalConditions === null)
    refuse('conflict', 'approvalId', 'the approval was not provisional; there is nothing to ratify');
  if (approval.ratified)
    refuse('conflict', 'approvalId', `already ratified by '${approval.ratified.resolutionId}'`);
  if (!facts.resolution)
    return refuse('not-found', 'resolutionId', `resolution '${command.resolutionId}' is not recorded`);
  const bodyId = facts.authorisingBodyId;
  if (facts.resolution.bodyId !== bodyId)
    refuse('invalid', 'resolutionId', `must be a resolution of '${bodyId}', which gave the authority`);
  if (facts.resolution.meetingDate < approval.effectiveOn)
    refuse(
      'invalid',
      'resolutionId',
      `the meeting is before the approval took effect (${approval.effectiveOn})`,
    );
  return [
    {
      type: 'ApprovalRatified',
      data: {
        instrument: approval.instrument,
        approvalId: command.approvalId,
        resolutionId: command.resolutionId,
        on: facts.resolution.meetingDate,
      },
    },
  ];
}
