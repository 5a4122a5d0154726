import { CalendarDate, refuse } from '@bcl/kernel';
import { Delegation } from '../authority';
import { DelegationEvent } from './delegation';

/** Revocation takes effect on a date; approvals on or after it are refused. It is never undone. */
export function revokeDelegation(
  state: Delegation | undefined,
  command: { delegationId: string; on: CalendarDate; resolutionId: string | null },
): DelegationEvent[] {
  if (!state)
    return refuse('not-found', 'delegationId', `delegation '${command.delegationId}' is not granted`);
  if (state.revokedOn !== null) refuse('conflict', 'delegationId', `already revoked on ${state.revokedOn}`);
  if (command.on < state.validFrom)
    refuse('invalid', 'on', `must not be before the grant took effect (${state.validFrom})`);
  return [{ type: 'DelegationRevoked', data: command }];
}
