import { CalendarDate, refuse } from '@bcl/kernel';
import { Delegation } from '../authority';
import { ApprovalEvent, ApprovalsState, Consultation } from './approval';

/** A consultee records their own consultation: they must hold a consultee post of the delegation that day. */
export function recordConsultation(
  state: ApprovalsState | undefined,
  command: Consultation,
  facts: { delegation: Delegation | undefined; holderOn(postId: string, date: CalendarDate): string | null },
): ApprovalEvent[] {
  if (state?.consultations.some((c) => c.consultationId === command.consultationId))
    refuse('conflict', 'consultationId', `consultation '${command.consultationId}' is already recorded`);
  if (!facts.delegation)
    return refuse('not-found', 'delegationId', `delegation '${command.delegationId}' is not granted`);
  if (!facts.delegation.consultees.includes(command.postId))
    refuse('invalid', 'postId', `post '${command.postId}' is not a consultee of '${command.delegationId}'`);
  const holder = facts.holderOn(command.postId, command.on);
  if (holder !== command.personId)
    refuse(
      'conflict',
      'postId',
      `'${command.personId}' did not hold post '${command.postId}' on ${command.on}${holder ? ` ('${holder}' did)` : ''}`,
    );
  return [{ type: 'ConsultationRecorded', data: { ...command } }];
}
