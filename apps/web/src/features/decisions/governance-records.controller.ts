import { Get, Inject, Param, Query, Render } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { READERS } from '@bcl/identity';
import { EventStore } from '@bcl/event-store';
import {
  BodyView,
  bodyStream,
  DelegationView,
  MeetingView,
  delegationStream,
  meetingStream,
} from '@bcl/domain-governance';
import {
  AllowRoles,
  DecisionsRegisterQuery,
  EVENT_STORE,
  GetBodyQuery,
  GetDelegationQuery,
  GetMeetingQuery,
  GovernanceAct,
  ListGovernanceActsQuery,
  ListMeetingsQuery,
  MeetingSummary,
  todayInEngland,
} from '@bcl/application';
import { PagesController, viewpointOf } from '../../page-route';
import { holdersOn, hrefOf, hrefWith, placeInLog } from './decisions-support';
import { reportBackDueOnFor } from './report-backs';

const MEETINGS_MAX = 200;

/** Pages of the governance record itself: a body, a meeting, a delegation, each with the log's own record of it. */
@PagesController('decisions')
export class GovernanceRecordsController {
  constructor(
    private readonly queries: QueryBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** The body: its seats and their holders on the viewpoint's date, its meetings, and its register of resolutions. */
  @Get('bodies/:bodyId')
  @AllowRoles(...READERS)
  @Render('features/decisions/body.njk')
  async body(@Param('bodyId') bodyId: string, @Query() query: Record<string, unknown>) {
    const viewpoint = viewpointOf(query);
    const body = (await this.queries.execute(new GetBodyQuery(bodyId, viewpoint))) as BodyView;
    const on = viewpoint.asAt ?? todayInEngland();
    const holders = await holdersOn(
      this.queries,
      body.seats.map((s) => s.postId),
      on,
    );
    const register = (await this.queries.execute(new DecisionsRegisterQuery(bodyId, {}, viewpoint))) as {
      decisions: {
        date: string;
        meetingId: string;
        resolutionId: string;
        minuteNo: string | null;
        outcome: string;
        parts: { letter: string | null; text: string }[];
      }[];
    };
    return {
      section: 'decisions',
      viewpoint,
      body,
      on,
      seats: body.seats.map((seat, i) => ({ ...seat, holder: holders[i]! })),
      meetings: [...body.meetings].sort((a, b) => a.date.localeCompare(b.date)),
      decisions: register.decisions,
      place: await placeInLog(this.store, bodyStream(bodyId), (e) => e.type === 'DecisionBodyEstablished'),
      dataLinks: [
        { href: hrefWith(`/api/governance/bodies/${bodyId}`, { ...viewpoint }), text: 'the body (JSON)' },
        {
          href: hrefWith(`/api/governance/bodies/${bodyId}/decisions`, { ...viewpoint }),
          text: 'its decisions register (JSON)',
        },
        { href: hrefWith('/api/governance/meetings', { bodyId, ...viewpoint }), text: 'its meetings (JSON)' },
      ],
    };
  }

  /** The meeting: agenda, attendance, declarations and resolutions verbatim, each resolution with its log entry. */
  @Get('meetings/:meetingId')
  @AllowRoles(...READERS)
  @Render('features/decisions/meeting.njk')
  async meeting(@Param('meetingId') meetingId: string, @Query() query: Record<string, unknown>) {
    const viewpoint = viewpointOf(query);
    const meeting = (await this.queries.execute(new GetMeetingQuery(meetingId, viewpoint))) as MeetingView & {
      names: Record<string, string | null>;
    };
    const stream = meetingStream(meetingId);
    const resolutions = await Promise.all(
      meeting.resolutions.map(async (r) => ({
        ...r,
        place: await placeInLog(
          this.store,
          stream,
          (e) => e.type === 'ResolutionPassed' && e.data.resolutionId === r.resolutionId,
        ),
      })),
    );
    const body = (await this.queries.execute(new GetBodyQuery(meeting.bodyId, viewpoint))) as BodyView;
    return {
      section: 'decisions',
      viewpoint,
      meeting,
      bodyName: body.name,
      name: (personId: string) => meeting.names[personId] ?? personId,
      resolutions,
      place: await placeInLog(this.store, stream, (e) => e.type === 'MeetingRecorded'),
      dataLinks: [
        {
          href: hrefWith(`/api/governance/meetings/${meetingId}`, { ...viewpoint }),
          text: 'the meeting (JSON)',
        },
      ],
    };
  }

  /** The delegation: what it delegates to whom, its term, consultees, report-back, and the resolution that granted it. */
  @Get('delegations/:delegationId')
  @AllowRoles(...READERS)
  @Render('features/decisions/delegation.njk')
  async delegation(@Param('delegationId') delegationId: string, @Query() query: Record<string, unknown>) {
    const viewpoint = viewpointOf(query);
    const delegation = (await this.queries.execute(
      new GetDelegationQuery(delegationId, viewpoint),
    )) as DelegationView;
    const meetings = (await this.queries.execute(
      new ListMeetingsQuery(MEETINGS_MAX, undefined, { bodyId: delegation.grantingBodyId }, viewpoint),
    )) as { items: MeetingSummary[] };
    const granting =
      meetings.items.find((m) => m.resolutions.some((r) => r.resolutionId === delegation.resolutionId)) ??
      null;
    const { acts } = (await this.queries.execute(
      new ListGovernanceActsQuery({ bodyId: delegation.grantingBodyId }, viewpoint),
    )) as { acts: GovernanceAct[] };
    const underIt = acts
      .filter(
        (act) =>
          (act.kind === 'approval' || act.kind === 'consultation') &&
          act.authority?.kind === 'delegation' &&
          act.authority.id === delegationId,
      )
      .map((act) => ({ ...act, href: hrefOf(act) }));
    return {
      section: 'decisions',
      viewpoint,
      delegation,
      granting,
      underIt,
      reportBackDueOn: await reportBackDueOnFor(this.queries, delegation, viewpoint),
      delegates: await holdersOn(this.queries, delegation.delegates.posts, delegation.validFrom),
      consultees: await holdersOn(this.queries, delegation.consultees, delegation.validFrom),
      place: await placeInLog(
        this.store,
        delegationStream(delegationId),
        (e) => e.type === 'DelegationGranted',
      ),
      dataLinks: [
        {
          href: hrefWith(`/api/governance/delegations/${delegationId}`, { ...viewpoint }),
          text: 'the delegation (JSON)',
        },
      ],
    };
  }
}
