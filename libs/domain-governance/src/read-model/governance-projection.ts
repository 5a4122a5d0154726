import {
  EventHandler,
  EventOfType,
  LoadView,
  Recorded,
  ViewChange,
  change,
  defineProjection,
  evidenceOf,
  operatorWriteMark,
} from '@bcl/kernel';
import { ApprovalEvent, evolveApprovals } from '../approval/approval';
import { authorityId } from '../authority';
import { evolveBody } from '../body/body';
import { evolveDelegation } from '../delegation/delegation';
import { evolveMeeting } from '../meeting/meeting';
import {
  ActionEntry,
  DelegationView,
  GovernanceView,
  InstrumentApprovalsView,
  MeetingView,
  governanceKey as key,
} from './governance-views';

import type { GovernanceEvent } from '../events';
export type { GovernanceEvent } from '../events';

type Action = Omit<ActionEntry, 'recordedAt' | 'evidence'>;

/** Who or which post each event concerns, for the actions views. */
function actionsOf(event: GovernanceEvent, load: LoadView<GovernanceView>): Action[] {
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
      const meeting = load(key.meeting(event.data.meetingId))!;
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
      const meeting = load(key.meeting(event.data.meetingId))!;
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
          detail: `version ${event.data.instrument.version} under ${
            event.data.authority.kind === 'chair'
              ? `the chair of '${event.data.authority.bodyId}'`
              : `${event.data.authority.kind} '${authorityId(event.data.authority)}'`
          }${event.data.provisionalConditions ? ' (provisional)' : ''}`,
        },
      ];
    default:
      return [];
  }
}

/** The actions views an event adds to: each person's and post's entries, appended in log order. */
function actionViews(event: Recorded<GovernanceEvent>, load: LoadView<GovernanceView>) {
  const actions = new Map<string, ActionEntry[]>();
  const keys = new Map<string, ReturnType<typeof key.personActions>>();
  for (const action of actionsOf(event, load))
    for (const k of [
      ...(action.personId ? [key.personActions(action.personId)] : []),
      ...(action.postId ? [key.postActions(action.postId)] : []),
    ]) {
      keys.set(k, k);
      actions.set(k, [...(actions.get(k) ?? load(k)?.entries ?? []), { ...action, ...recorded(event) }]);
    }
  return [...actions].map(([k, entries]) => change(keys.get(k)!, { entries }));
}

type On<T extends GovernanceEvent['type']> = EventHandler<
  Recorded<EventOfType<GovernanceEvent, T>>,
  GovernanceView
>;

/** A handler whose event may also be someone's action: its own views, then the actions views. */
function withActions<T extends GovernanceEvent['type']>(handler: On<T>): On<T> {
  return {
    reads: handler.reads,
    apply: (event, load): ViewChange<GovernanceView>[] => [
      ...handler.apply(event, load),
      ...actionViews(event, load),
    ],
  };
}

const personActionsOf = (ids: string[]) => ids.map(key.personActions);

const delegationChanged: On<'DelegationRevoked' | 'DelegatedDecisionReportedBack'> = {
  reads: (event) => [key.delegation(event.data.delegationId)],
  apply(event, load) {
    const delegation = load(key.delegation(event.data.delegationId))!;
    const { delegationId: _, ...detail } = event.data;
    const view = {
      ...evolveDelegation(delegation, event),
      ...(event.type === 'DelegationRevoked'
        ? { revokedBy: event.data.resolutionId, revokedEvidence: evidenceOf(event) }
        : { reportedBack: { ...detail, ...recorded(event) } as DelegationView['reportedBack'] }),
      revision: event.revision,
    };
    // the fold keeps the view's own fields (it spreads the state it is given); its type names only its own
    return [change(key.delegation(delegation.delegationId), view as DelegationView)];
  },
};

/** When an event was recorded (the views' "as known at") and what it rests on (its evidence). */
const recorded = (event: Parameters<typeof evidenceOf>[0] & { recordedAt: string }) => ({
  recordedAt: event.recordedAt,
  evidence: evidenceOf(event),
  ...operatorWriteMark(event.metadata),
});

/** The event with `recordedAt` and its evidence added to its data, for folds that keep them. */
const stampData = <E extends { data: object; recordedAt: string }>(event: E): E => ({
  ...event,
  data: { ...event.data, ...recorded(event) },
});

/** Meeting minutes: a resolution, the attendance and the declarations keep when recorded and their evidence. */
const meetingMinuted: On<'MeetingAttendanceRecorded' | 'InterestsDeclared' | 'ResolutionPassed'> = {
  apply(event, load) {
    const meeting = load(key.meeting(event.data.meetingId))!;
    // as above: the fold keeps the view's stamps and recordedAt
    const view = { ...evolveMeeting(meeting, stampData(event)), revision: event.revision } as MeetingView;
    const changes: ViewChange<GovernanceView>[] = [change(key.meeting(meeting.meetingId), view)];
    if (event.type === 'ResolutionPassed')
      changes.push(
        change(key.resolution(event.data.resolutionId), {
          resolutionId: event.data.resolutionId,
          meetingId: meeting.meetingId,
        }),
      );
    return changes;
  },
};

const approvalsChanged: On<'ConsultationRecorded' | 'ApprovalRecorded' | 'ApprovalRatified'> = {
  apply(event, load) {
    const k = key.approvals(event.data.instrument);
    const { kind, id } = event.data.instrument;
    const folded = evolveApprovals(load(k), stampData<ApprovalEvent & { recordedAt: string }>(event));
    // as above: the fold keeps each consultation's and approval's recordedAt
    return [
      change(k, { instrument: { kind, id }, ...folded, revision: event.revision } as InstrumentApprovalsView),
    ];
  },
};

/** Who signed or was consulted, and in which post: the approvals view and both actions views. */
const signedOrConsulted = (
  event: Recorded<EventOfType<GovernanceEvent, 'ConsultationRecorded' | 'ApprovalRecorded'>>,
) => {
  const person = event.type === 'ApprovalRecorded' ? event.data.actorPersonId : event.data.personId;
  const post = event.type === 'ApprovalRecorded' ? event.data.actingPostId : event.data.postId;
  return [key.approvals(event.data.instrument), key.personActions(person), key.postActions(post)];
};

/**
 * The governance read model: bodies (seats and meetings), meetings (attendance, declarations, resolutions),
 * which meeting passed each resolution, delegations, each instrument's consultations and approvals, and
 * every person's and post's actions over time.
 */
export const governanceProjection = defineProjection<GovernanceEvent, GovernanceView>({
  name: 'governance',
  version: 2,
  handlers: {
    DecisionBodyEstablished: {
      apply: (event) => [
        change(key.body(event.data.bodyId), {
          ...evolveBody(undefined, event),
          ...recorded(event),
          meetings: [],
          revision: event.revision,
        }),
      ],
    },
    BodySeatAssigned: withActions({
      reads: (event) => [key.body(event.data.bodyId), key.postActions(event.data.postId)],
      apply(event, load) {
        const body = load(key.body(event.data.bodyId))!;
        return [
          change(key.body(body.bodyId), {
            ...body,
            ...evolveBody(body, stampData(event)),
            revision: event.revision,
          }),
        ];
      },
    }),
    MeetingRecorded: {
      reads: (event) => [key.body(event.data.bodyId)],
      apply(event, load) {
        const body = load(key.body(event.data.bodyId))!;
        const meetings = [...body.meetings, { meetingId: event.data.meetingId, date: event.data.date }].sort(
          (a, b) => a.date.localeCompare(b.date) || a.meetingId.localeCompare(b.meetingId),
        );
        return [
          change(key.body(body.bodyId), { ...body, meetings }),
          change(key.meeting(event.data.meetingId), {
            ...evolveMeeting(undefined, event),
            resolutions: [],
            ...recorded(event),
            revision: event.revision,
          }),
        ];
      },
    },
    MeetingAttendanceRecorded: withActions<'MeetingAttendanceRecorded'>({
      reads: (event) => [
        key.meeting(event.data.meetingId),
        ...personActionsOf([...event.data.present, ...event.data.inAttendance].map((p) => p.personId)),
        ...personActionsOf(event.data.apologies),
      ],
      apply: meetingMinuted.apply,
    }),
    InterestsDeclared: withActions<'InterestsDeclared'>({
      reads: (event) => [
        key.meeting(event.data.meetingId),
        ...personActionsOf(event.data.declarations.map((d) => d.personId)),
      ],
      apply: meetingMinuted.apply,
    }),
    ResolutionPassed: {
      reads: (event) => [key.meeting(event.data.meetingId)],
      apply: meetingMinuted.apply,
    },
    // The claim only makes a resolution's id unique and findable from the log; the meeting's view shows it.
    ResolutionIdClaimed: 'ignored',
    DelegationGranted: withActions({
      reads: (event) => [
        key.delegation(event.data.delegationId),
        ...[...event.data.delegates.posts, ...event.data.consultees].map(key.postActions),
      ],
      apply: (event) => [
        change(key.delegation(event.data.delegationId), {
          ...evolveDelegation(undefined, event),
          revokedBy: null,
          revokedEvidence: null,
          reportedBack: null,
          ...recorded(event),
          revision: event.revision,
        }),
      ],
    }),
    DelegationRevoked: delegationChanged,
    DelegatedDecisionReportedBack: delegationChanged,
    ConsultationRecorded: withActions<'ConsultationRecorded'>({
      reads: signedOrConsulted,
      apply: approvalsChanged.apply,
    }),
    ApprovalRecorded: withActions<'ApprovalRecorded'>({
      reads: signedOrConsulted,
      apply: approvalsChanged.apply,
    }),
    ApprovalRatified: {
      reads: (event) => [key.approvals(event.data.instrument)],
      apply: approvalsChanged.apply,
    },
  },
});
