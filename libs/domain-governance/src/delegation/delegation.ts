import { CalendarDate } from '@bcl/kernel';
import { Delegation } from '../authority';

export type GrantedDelegation = Omit<Delegation, 'revokedOn' | 'reportedBackOn'>;

export type DelegationEvent =
  | { type: 'DelegationGranted'; data: GrantedDelegation }
  | {
      type: 'DelegationRevoked';
      data: { delegationId: string; on: CalendarDate; resolutionId: string | null };
    }
  | {
      type: 'DelegatedDecisionReportedBack';
      data: { delegationId: string; on: CalendarDate; meetingId: string; resolutionId: string | null };
    };

export const delegationStream = (delegationId: string): string => `delegation-${delegationId}`;

export function evolveDelegation(state: Delegation | undefined, event: DelegationEvent): Delegation {
  switch (event.type) {
    case 'DelegationGranted':
      return { ...event.data, revokedOn: null, reportedBackOn: null };
    case 'DelegationRevoked':
      return { ...state!, revokedOn: event.data.on };
    case 'DelegatedDecisionReportedBack':
      return { ...state!, reportedBackOn: event.data.on };
  }
}
