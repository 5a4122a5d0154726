import { CalendarDate, Evidence, viewKeyOf } from '@bcl/kernel';
import { Delegation, InstrumentRef } from '../authority';
import { BodyState } from '../body/body';
import { MeetingState, Resolution } from '../meeting/meeting';
import { Approval, Consultation } from '../approval/approval';

/** When the fact was recorded, and what it rests on (its event's evidence: citations, or assumed with why). */
interface Recorded {
  recordedAt: string;
  evidence: Evidence;
  /** Present when an operator wrote the event raw (`bcl append`), not the governance rules: the reason given. */
  operatorWrite?: { reason: string };
}

/** The body as established (its evidence); its seats, attendance and declarations carry their own. */
export interface BodyView extends BodyState, Recorded {
  meetings: { meetingId: string; date: CalendarDate }[];
  revision: number;
}

export interface MeetingView extends Omit<MeetingState, 'resolutions'>, Recorded {
  resolutions: (Resolution & Recorded)[];
  revision: number;
}

export interface DelegationView extends Delegation, Recorded {
  revokedBy: string | null;
  /** What the revocation rests on (null while in force). */
  revokedEvidence: Evidence | null;
  reportedBack: ({ on: CalendarDate; meetingId: string; resolutionId: string | null } & Recorded) | null;
  revision: number;
}

export interface InstrumentApprovalsView {
  instrument: Pick<InstrumentRef, 'kind' | 'id'>;
  consultations: (Consultation & Recorded)[];
  approvals: (Approval & Recorded & { ratified: { resolutionId: string; on: CalendarDate } | null })[];
  revision: number;
}

/** One thing a person did, or was done in a post: for "a person's or post's actions over time". */
export interface ActionEntry extends Recorded {
  on: CalendarDate;
  action:
    | 'signed'
    | 'consulted'
    | 'present'
    | 'substitute'
    | 'apologies'
    | 'in-attendance'
    | 'declared-interest'
    | 'named-delegate'
    | 'named-consultee'
    | 'seat-assigned';
  personId: string | null;
  postId: string | null;
  subject: { kind: 'instrument' | 'meeting' | 'delegation' | 'body'; id: string };
  detail: string;
}

export interface ActionsView {
  entries: ActionEntry[];
}

/** Which meeting passed a resolution (resolutions live in their meeting's view). */
export interface ResolutionIndexView {
  resolutionId: string;
  meetingId: string;
}

export type GovernanceView =
  BodyView | MeetingView | ResolutionIndexView | DelegationView | InstrumentApprovalsView | ActionsView;

export const governanceKey = {
  body: (id: string) => viewKeyOf<BodyView>(`body/${id}`),
  meeting: (id: string) => viewKeyOf<MeetingView>(`meeting/${id}`),
  resolution: (id: string) => viewKeyOf<ResolutionIndexView>(`resolution/${id}`),
  delegation: (id: string) => viewKeyOf<DelegationView>(`delegation/${id}`),
  approvals: (instrument: Pick<InstrumentRef, 'kind' | 'id'>) =>
    viewKeyOf<InstrumentApprovalsView>(`approvals/${instrument.kind}/${instrument.id}`),
  personActions: (id: string) => viewKeyOf<ActionsView>(`actions/person/${id}`),
  postActions: (id: string) => viewKeyOf<ActionsView>(`actions/post/${id}`),
};
