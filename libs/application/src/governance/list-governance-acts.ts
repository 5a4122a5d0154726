import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import {
  BodyView,
  DelegationView,
  InstrumentApprovalsView,
  MeetingView,
  allDelegations,
  authorityId,
  governanceKey as key,
  governanceProjection,
} from '@bcl/domain-governance';
import { Viewpoint, viewKeyOf } from '@bcl/kernel';
import { ViewpointViews } from '../event-log/viewpoint-views';

/**
 * Every governance act in effective-date order, for the decisions timeline: meetings, resolutions, delegations
 * granted and revoked, consultations, approvals and report-backs, of one body or the bodies of one area, or all.
 */
export class ListGovernanceActsQuery {
  constructor(
    readonly filter: { areaId?: string; bodyId?: string } = {},
    readonly viewpoint: Viewpoint = {},
  ) {}
}

export type GovernanceActKind =
  'meeting' | 'resolution' | 'delegation' | 'revocation' | 'consultation' | 'approval' | 'report-back';

/** One act: its date, kind, the body it belongs to, what it is about, and the page and data that show it. */
export interface GovernanceAct {
  on: string;
  kind: GovernanceActKind;
  bodyId: string;
  id: string;
  summary: string;
  recordedAt: string;
  /** The instrument signed or consulted on, for consultations and approvals. */
  instrument: { kind: string; id: string; version: number | null } | null;
  /** What an approval was made under (delegation, resolution or chair, and its id); a consultation's delegation. */
  authority: { kind: 'delegation' | 'resolution' | 'chair'; id: string } | null;
  /** The meeting of a meeting, a resolution or a report-back. */
  meetingId: string | null;
  /** The post acted in (approvals, consultations), or the delegate posts (delegations). */
  posts: string[];
  /** Present when an operator wrote the act's event raw (`bcl append`): the pages mark it, with this reason. */
  operatorWrite?: { reason: string };
}

/** A view's operator-write mark, to spread into an act (nothing when the governance rules wrote it). */
const markOf = (view: { operatorWrite?: { reason: string } } | null | undefined) =>
  view?.operatorWrite ? { operatorWrite: view.operatorWrite } : {};

/** Views are listed a page at a time; these bound one query's reading. */
const PAGE = 500;
const VIEWS_MAX = 50_000;

@QueryHandler(ListGovernanceActsQuery)
export class ListGovernanceActsHandler implements IQueryHandler<ListGovernanceActsQuery> {
  constructor(private readonly views: ViewpointViews) {}

  async execute({ filter, viewpoint }: ListGovernanceActsQuery): Promise<{ acts: GovernanceAct[] }> {
    const reader = this.views.from(viewpoint)(governanceProjection);
    const listAll = async <V>(prefix: string, idOf: (view: V) => string) => {
      const all: V[] = [];
      for (let after = ''; all.length < VIEWS_MAX;) {
        const page = (await reader.list(viewKeyOf(prefix), PAGE, after)) as V[];
        all.push(...page);
        if (page.length < PAGE) break;
        after = `${prefix}${idOf(page[page.length - 1]!)}`;
      }
      return all;
    };
    const bodies = (await listAll<BodyView>(key.body(''), (b) => b.bodyId)).filter(
      (b) =>
        (filter.bodyId === undefined || b.bodyId === filter.bodyId) &&
        (filter.areaId === undefined || b.areaId === filter.areaId),
    );
    const bodyIds = new Set(bodies.map((b) => b.bodyId));
    const meetings = [
      ...(
        await reader.getMany<MeetingView>(
          bodies.flatMap((b) => b.meetings.map((m) => key.meeting(m.meetingId))),
        )
      ).values(),
    ];
    const delegations = (await allDelegations(reader)).filter((d) => bodyIds.has(d.grantingBodyId));
    const delegationBody = new Map(delegations.map((d) => [d.delegationId, d.grantingBodyId]));
    const resolutionBody = new Map(
      meetings.flatMap((m) => m.resolutions.map((r) => [r.resolutionId, m.bodyId] as const)),
    );
    const approvals = await listAll<InstrumentApprovalsView>(
      'approvals/',
      (v) => `${v.instrument.kind}/${v.instrument.id}`,
    );
    const acts: GovernanceAct[] = [
      ...meetings.flatMap((m) => meetingActs(m)),
      ...delegations.flatMap((d) => delegationActs(d)),
      ...approvals.flatMap((view) => {
        const consultations = view.consultations.flatMap((c): GovernanceAct[] => {
          const bodyId = delegationBody.get(c.delegationId);
          if (bodyId === undefined) return [];
          return [
            {
              on: c.on,
              kind: 'consultation',
              bodyId,
              id: c.consultationId,
              summary: `${c.postId} ${c.response} (${c.instrument.kind} ${c.instrument.id} version ${c.instrument.version ?? 'unstated'})`,
              recordedAt: c.recordedAt,
              instrument: c.instrument,
              authority: { kind: 'delegation', id: c.delegationId },
              meetingId: null,
              posts: [c.postId],
              ...markOf(c),
            },
          ];
        });
        const signed = view.approvals.flatMap((a): GovernanceAct[] => {
          const authority = a.authority;
          const bodyId =
            authority.kind === 'delegation'
              ? delegationBody.get(authority.delegationId)
              : authority.kind === 'resolution'
                ? resolutionBody.get(authority.resolutionId)
                : bodyIds.has(authority.bodyId)
                  ? authority.bodyId
                  : undefined;
          if (bodyId === undefined) return [];
          return [
            {
              on: a.effectiveOn,
              kind: 'approval',
              bodyId,
              id: a.approvalId,
              summary: `${a.actingPostId} signed ${a.instrument.kind} ${a.instrument.id} version ${a.instrument.version ?? 'unstated'}${a.complete ? '' : ' (awaiting co-signatures)'}`,
              recordedAt: a.recordedAt,
              instrument: a.instrument,
              authority: { kind: authority.kind, id: authorityId(authority) },
              meetingId: null,
              posts: [a.actingPostId],
              ...markOf(a),
            },
          ];
        });
        return [...consultations, ...signed];
      }),
    ];
    acts.sort((a, b) => a.on.localeCompare(b.on) || a.recordedAt.localeCompare(b.recordedAt));
    return { acts };
  }
}

function meetingActs(meeting: MeetingView): GovernanceAct[] {
  const base = {
    on: meeting.date,
    bodyId: meeting.bodyId,
    meetingId: meeting.meetingId,
    instrument: null,
    authority: null,
    posts: [],
  };
  return [
    {
      ...base,
      kind: 'meeting',
      id: meeting.meetingId,
      summary: `Meeting${meeting.venue ? ` at ${meeting.venue}` : ''}: ${meeting.agenda.length} agenda items, ${meeting.resolutions.length} resolutions`,
      recordedAt: meeting.recordedAt,
      ...markOf(meeting),
    },
    ...meeting.resolutions.map((r) => ({
      ...base,
      kind: 'resolution' as const,
      id: r.resolutionId,
      summary: `${r.minuteNo ? `Minute ${r.minuteNo}: ` : ''}${r.outcome}: ${firstPart(r.parts)}`,
      recordedAt: r.recordedAt,
      ...markOf(r),
    })),
  ];
}

function delegationActs(delegation: DelegationView): GovernanceAct[] {
  const base = {
    bodyId: delegation.grantingBodyId,
    id: delegation.delegationId,
    meetingId: null,
    instrument: null,
    authority: null,
    posts: delegation.delegates.posts,
  };
  const acts: GovernanceAct[] = [
    {
      ...base,
      on: delegation.validFrom,
      kind: 'delegation',
      summary: `Delegation to ${delegation.delegates.posts.join(', ')}: ${delegation.purpose}`,
      recordedAt: delegation.recordedAt,
      ...markOf(delegation),
    },
  ];
  if (delegation.revokedOn !== null)
    acts.push({
      ...base,
      on: delegation.revokedOn,
      kind: 'revocation',
      summary: `Delegation revoked${delegation.revokedBy ? ` by ${delegation.revokedBy}` : ''}`,
      recordedAt: delegation.recordedAt,
    });
  if (delegation.reportedBack)
    acts.push({
      ...base,
      on: delegation.reportedBack.on,
      kind: 'report-back',
      meetingId: delegation.reportedBack.meetingId,
      summary: `Reported back at meeting ${delegation.reportedBack.meetingId}`,
      recordedAt: delegation.reportedBack.recordedAt,
      ...markOf(delegation.reportedBack),
    });
  return acts;
}

/** A resolution's first part, shortened for a timeline line (the meeting page shows it whole). */
function firstPart(parts: { letter: string | null; text: string }[]): string {
  const text = parts[0]?.text ?? '';
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}
