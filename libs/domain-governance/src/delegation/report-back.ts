import { CalendarDate, refuse } from '@bcl/kernel';
import { Delegation } from '../authority';
import { DelegationEvent } from './delegation';

/** The delegated decision was reported back at a meeting of the body it was due to (brief P12). */
export function reportBack(
  state: Delegation | undefined,
  command: { delegationId: string; meetingId: string; resolutionId: string | null },
  facts: { meeting: { bodyId: string; date: CalendarDate } | undefined },
): DelegationEvent[] {
  if (!state)
    return refuse('not-found', 'delegationId', `delegation '${command.delegationId}' is not granted`);
  if (!facts.meeting)
    return refuse('not-found', 'meetingId', `meeting '${command.meetingId}' is not recorded`);
  if (state.reportedBackOn !== null)
    refuse('conflict', 'delegationId', `already reported back on ${state.reportedBackOn}`);
  const dueTo = state.reportBack?.bodyId ?? state.grantingBodyId;
  if (facts.meeting.bodyId !== dueTo)
    refuse('invalid', 'meetingId', `the report-back is due to '${dueTo}', not '${facts.meeting.bodyId}'`);
  if (facts.meeting.date < state.validFrom)
    refuse('invalid', 'meetingId', `the meeting is before the delegation took effect (${state.validFrom})`);
  return [{ type: 'DelegatedDecisionReportedBack', data: { ...command, on: facts.meeting.date } }];
}
