import { ApprovalEvent, evolveApprovals } from '../approval/approval';
import { BodyEvent, evolveBody } from '../body/body';
import { DelegationEvent, evolveDelegation } from '../delegation/delegation';
import { MeetingEvent, MeetingState, evolveMeeting } from '../meeting/meeting';
import {
  ActionEntry,
  ActionsView,
  BodyView,
  DelegationView,
  InstrumentApprovalsView,
  MeetingView,
  governanceKey as key,
} from './governance-views';

export type GovernanceEvent = BodyEvent | MeetingEvent | DelegationEvent | ApprovalEvent;
const GOVERNANCE_EVENT_TYPES: ReadonlySet<string> = new Set<GovernanceEvent['type']>([
  'DecisionBodyEstablished',
  'BodySeatAssigned',
  'MeetingRecorded',
  'MeetingAttendanceRecorded',
  'InterestsDeclared',
  'ResolutionPassed',
  'DelegationGranted',
  'DelegationRevoked',
  'DelegatedDecisionReportedBack',
  'ConsultationRecorded',
  'ApprovalRecorded',
  'ApprovalRatified',
]);

interface LoggedEvent {
  type: string;
  data: object;
  revision: number;
  recordedAt: string;
}

type Action = Omit<ActionEntry, 'recordedAt'>;

/** Who or which post each event concerns, for the actions views. */
function actionsOf(event: GovernanceEvent, load: (k: string) => object | undefined): Action[] {
  switch (event.type) {
    case 'BodySeatAssigned':
      return [
        {
          on: event.data.from,
          action: 'seat-assigned',
          personId: null,
          postId: event.data.postId,
          subject: { kind: 'body', id: event.data.bodyId },
          detail: `${event.data.role} seat on '${event.data.bodyId}'`,
        },
      ];
    case 'MeetingAttendanceRecorded': {
      const meeting = load(key.meeting(event.data.meetingId)) as MeetingView;
      const at = (personId: string, action: Action['action'], detail: string): Action => ({
        on: meeting.date,
        action,
        personId,
        postId: null,
        subject: { kind: 'meeting', id: meeting.meetingId },
        detail,
      });
      return [
        ...event.data.present.map((p) =>
          p.substituteFor
            ? at(p.personId, 'substitute', `substitute for '${p.substituteFor}'`)
            : at(p.personId, 'present', p.capacity),
        ),
        ...event.data.apologies.map((id) => at(id, 'apologies', 'apologies for absence')),
        ...event.data.inAttendance.map((o) => at(o.personId, 'in-attendance', o.capacity)),
      ];
    }
    case 'InterestsDeclared': {
      const meeting = load(key.meeting(event.data.meetingId)) as MeetingView;
      return event.data.declarations.map((d) => ({
        on: meeting.date,
        action: 'declared-interest',
        personId: d.personId,
        postId: null,
        subject: { kind: 'meeting', id: meeting.meetingId },
        detail: `item ${d.itemNo}: ${d.interest}`,
      }));
    }
    case 'DelegationGranted': {
      const named = (postId: string, action: 'named-delegate' | 'named-consultee'): Action => ({
        on: event.data.validFrom,
        action,
        personId: null,
        postId,
        subject: { kind: 'delegation', id: event.data.delegationId },
        detail: event.data.purpose,
      });
      return [
        ...event.data.delegates.posts.map((post) => named(post, 'named-delegate')),
        ...event.data.consultees.map((post) => named(post, 'named-consultee')),
      ];
    }
    case 'ConsultationRecorded':
      return [
        {
          on: event.data.on,
          action: 'consulted',
          personId: event.data.personId,
          postId: event.data.postId,
          subject: { kind: 'instrument', id: `${event.data.instrument.kind}/${event.data.instrument.id}` },
          detail: `${event.data.response} (version ${event.data.instrument.version}, delegation '${event.data.delegationId}')`,
        },
      ];
    case 'ApprovalRecorded':
      return [
        {
          on: event.data.effectiveOn,
          action: 'signed',
          personId: event.data.actorPersonId,
          postId: event.data.actingPostId,
          subject: { kind: 'instrument', id: `${event.data.instrument.kind}/${event.data.instrument.id}` },
          detail: `version ${event.data.instrument.version} under ${event.data.authority.kind} '${
            event.data.authority.kind === 'delegation'
              ? event.data.authority.delegationId
              : event.data.authority.resolutionId
          }'${event.data.provisionalConditions ? ' (provisional)' : ''}`,
        },
      ];
    default:
      return [];
  }
}

function keysOf(event: GovernanceEvent): string[] {
  switch (event.type) {
    case 'DecisionBodyEstablished':
      return [key.body(event.data.bodyId)];
    case 'BodySeatAssigned':
      return [key.body(event.data.bodyId), key.postActions(event.data.postId)];
    case 'MeetingRecorded':
      return [key.body(event.data.bodyId), key.meeting(event.data.meetingId)];
    case 'MeetingAttendanceRecorded':
      return [
        key.meeting(event.data.meetingId),
        ...[...event.data.present, ...event.data.inAttendance].map((p) => key.personActions(p.personId)),
        ...event.data.apologies.map(key.personActions),
      ];
    case 'InterestsDeclared':
      return [
        key.meeting(event.data.meetingId),
        ...event.data.declarations.map((d) => key.personActions(d.personId)),
      ];
    case 'ResolutionPassed':
      return [key.meeting(event.data.meetingId)];
    case 'DelegationGranted':
      return [
        key.delegation(event.data.delegationId),
        ...[...event.data.delegates.posts, ...event.data.consultees].map(key.postActions),
      ];
    case 'DelegationRevoked':
    case 'DelegatedDecisionReportedBack':
      return [key.delegation(event.data.delegationId)];
    case 'ConsultationRecorded':
    case 'ApprovalRecorded': {
      const person = event.type === 'ApprovalRecorded' ? event.data.actorPersonId : event.data.personId;
      const post = event.type === 'ApprovalRecorded' ? event.data.actingPostId : event.data.postId;
      return [key.approvals(event.data.instrument), key.personActions(person), key.postActions(post)];
    }
    case 'ApprovalRatified':
      return [key.approvals(event.data.instrument)];
  }
}

function project(
  event: GovernanceEvent,
  recordedAt: string,
  revision: number,
  load: (k: string) => object | undefined,
) {
  const views: { key: string; view: object }[] = [];
  const put = (k: string, view: object) => views.push({ key: k, view });
  const stamp = { recordedAt };
  switch (event.type) {
    case 'DecisionBodyEstablished':
      put(key.body(event.data.bodyId), { ...evolveBody(undefined, event), meetings: [], revision });
      break;
    case 'BodySeatAssigned': {
      const body = load(key.body(event.data.bodyId)) as BodyView;
      put(key.body(body.bodyId), { ...evolveBody(body, event), revision });
      break;
    }
    case 'MeetingRecorded': {
      const body = load(key.body(event.data.bodyId)) as BodyView;
      const meetings = [...body.meetings, { meetingId: event.data.meetingId, date: event.data.date }].sort(
        (a, b) => a.date.localeCompare(b.date) || a.meetingId.localeCompare(b.meetingId),
      );
      put(key.body(body.bodyId), { ...body, meetings });
      put(key.meeting(event.data.meetingId), { ...evolveMeeting(undefined, event), ...stamp, revision });
      break;
    }
    case 'MeetingAttendanceRecorded':
    case 'InterestsDeclared':
    case 'ResolutionPassed': {
      const meeting = load(key.meeting(event.data.meetingId)) as MeetingView;
      // a resolution keeps when it was recorded; attendance and declarations are as the event states them
      const stamped =
        event.type === 'ResolutionPassed' ? { ...event, data: { ...event.data, ...stamp } } : event;
      put(key.meeting(meeting.meetingId), { ...evolveMeeting(meeting as MeetingState, stamped), revision });
      if (event.type === 'ResolutionPassed')
        put(key.resolution(event.data.resolutionId), {
          resolutionId: event.data.resolutionId,
          meetingId: meeting.meetingId,
        });
      break;
    }
    case 'DelegationGranted':
      put(key.delegation(event.data.delegationId), {
        ...evolveDelegation(undefined, event),
        revokedBy: null,
        reportedBack: null,
        ...stamp,
        revision,
      });
      break;
    case 'DelegationRevoked':
    case 'DelegatedDecisionReportedBack': {
      const delegation = load(key.delegation(event.data.delegationId)) as DelegationView;
      const { delegationId: _, ...detail } = event.data;
      put(key.delegation(delegation.delegationId), {
        ...evolveDelegation(delegation, event),
        ...(event.type === 'DelegationRevoked'
          ? { revokedBy: event.data.resolutionId }
          : { reportedBack: detail as DelegationView['reportedBack'] }),
        revision,
      });
      break;
    }
    case 'ConsultationRecorded':
    case 'ApprovalRecorded':
    case 'ApprovalRatified': {
      const k = key.approvals(event.data.instrument);
      const before = load(k) as InstrumentApprovalsView | undefined;
      const { kind, id } = event.data.instrument;
      const folded = evolveApprovals(before, {
        ...event,
        data: { ...event.data, ...stamp },
      } as ApprovalEvent);
      put(k, { instrument: { kind, id }, ...folded, revision });
      break;
    }
  }
  const actions = new Map<string, ActionEntry[]>();
  for (const action of actionsOf(event, load))
    for (const k of [
      ...(action.personId ? [key.personActions(action.personId)] : []),
      ...(action.postId ? [key.postActions(action.postId)] : []),
    ])
      actions.set(k, [
        ...(actions.get(k) ?? (load(k) as ActionsView | undefined)?.entries ?? []),
        { ...action, recordedAt },
      ]);
  for (const [k, entries] of actions) put(k, { entries });
  return views;
}

/** The governance read model, in the shape the projection runner takes. */
export const governanceProjection = {
  name: 'governance',
  version: 1,
  handles: (event: LoggedEvent): boolean => GOVERNANCE_EVENT_TYPES.has(event.type),
  keysRead: (event: LoggedEvent): string[] => keysOf(event as unknown as GovernanceEvent),
  apply: (event: LoggedEvent, load: (k: string) => object | undefined): { key: string; view: object }[] =>
    project(event as unknown as GovernanceEvent, event.recordedAt, event.revision, load),
};
