import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import {
  GovernanceLookups,
  GovernanceView,
  InstrumentKind,
  subjectActions,
  allDelegations,
  decisionsRegister,
  delegationsOn,
  governanceKey as key,
  governanceProjection,
  instrumentProvenance,
} from '@bcl/domain-governance';
import { RegistryView, registryProjection, viewKey } from '@bcl/domain-registry';
import { ViewKey, ViewReader, Viewpoint } from '@bcl/kernel';
import { ServiceStore } from '@bcl/service-store';
import { Problem } from '../problem';
import { SERVICE_STORE } from '../event-log/event-log.tokens';
import { GovernanceFacts } from './governance-facts';
import { ViewpointViews } from '../event-log/viewpoint-views';

/** The governance views from the query's viewpoint (now: the stored views; else the log replayed to it). */
type Views = ReturnType<ViewpointViews['from']>;
const governance = (views: Views): ViewReader<GovernanceView> => views(governanceProjection);

/** The governance read model (and the registry and vault it points into), as the queries' lookups. */
function lookups(
  service: ServiceStore,
  facts: GovernanceFacts,
  views: Views,
  viewpoint: Viewpoint,
): GovernanceLookups {
  const names = new Map<string, Promise<string | null>>();
  const registry = views<RegistryView>(registryProjection);
  return {
    governance: governance(views),
    post: (postId) => registry.get(viewKey.post(postId)),
    displayName: (personId) => {
      if (!names.has(personId))
        names.set(
          personId,
          service.displayNames([personId]).then((found) => found.get(personId) ?? null),
        );
      return names.get(personId)!;
    },
    // the plan's version from the same viewpoint as the governance views (docs/time-travel.md)
    currentVersion: (instrument) => facts.currentVersion(instrument, viewpoint),
  };
}

async function required<V extends GovernanceView>(views: Views, k: ViewKey<V>, what: string): Promise<V> {
  const view = await governance(views).get(k);
  if (!view) throw new Problem(404, 'not-found', 'Not found', `${what} is not recorded`);
  return view;
}

export class GetBodyQuery {
  constructor(
    readonly bodyId: string,
    readonly viewpoint: Viewpoint = {},
  ) {}
}
@QueryHandler(GetBodyQuery)
export class GetBodyHandler implements IQueryHandler<GetBodyQuery> {
  constructor(private readonly views: ViewpointViews) {}
  execute({ bodyId, viewpoint }: GetBodyQuery) {
    return required(this.views.from(viewpoint), key.body(bodyId), `body '${bodyId}'`);
  }
}

export class DecisionsRegisterQuery {
  constructor(
    readonly bodyId: string,
    readonly range: { from?: string; to?: string },
    readonly viewpoint: Viewpoint = {},
  ) {}
}
@QueryHandler(DecisionsRegisterQuery)
export class DecisionsRegisterHandler implements IQueryHandler<DecisionsRegisterQuery> {
  constructor(private readonly views: ViewpointViews) {}
  async execute({ bodyId, range, viewpoint }: DecisionsRegisterQuery) {
    const views = this.views.from(viewpoint);
    const body = await required(views, key.body(bodyId), `body '${bodyId}'`);
    const meetings = await governance(views).getMany(body.meetings.map((m) => key.meeting(m.meetingId)));
    const decisions = decisionsRegister([...meetings.values()], range);
    return {
      bodyId,
      name: body.name,
      ...range,
      decisions: decisions.map((d) => ({
        ...d,
        links: { meeting: `/api/governance/meetings/${d.meetingId}` },
      })),
    };
  }
}

export class GetMeetingQuery {
  constructor(
    readonly meetingId: string,
    readonly viewpoint: Viewpoint = {},
  ) {}
}
@QueryHandler(GetMeetingQuery)
export class GetMeetingHandler implements IQueryHandler<GetMeetingQuery> {
  constructor(
    @Inject(SERVICE_STORE) private readonly service: ServiceStore,
    private readonly views: ViewpointViews,
  ) {}
  async execute({ meetingId, viewpoint }: GetMeetingQuery) {
    const views = this.views.from(viewpoint);
    const meeting = await required(views, key.meeting(meetingId), `meeting '${meetingId}'`);
    const people = [
      ...(meeting.attendance?.present.map((p) => p.personId) ?? []),
      ...(meeting.attendance?.apologies ?? []),
      ...(meeting.attendance?.inAttendance.map((o) => o.personId) ?? []),
    ];
    const names = await this.service.displayNames(people);
    return { ...meeting, names: Object.fromEntries(names) };
  }
}

export class GetDelegationQuery {
  constructor(
    readonly delegationId: string,
    readonly viewpoint: Viewpoint = {},
  ) {}
}
@QueryHandler(GetDelegationQuery)
export class GetDelegationHandler implements IQueryHandler<GetDelegationQuery> {
  constructor(private readonly views: ViewpointViews) {}
  execute({ delegationId, viewpoint }: GetDelegationQuery) {
    const views = this.views.from(viewpoint);
    return required(views, key.delegation(delegationId), `delegation '${delegationId}'`);
  }
}

export class DelegationsOnQuery {
  constructor(
    readonly on: string,
    readonly viewpoint: Viewpoint = {},
  ) {}
}
@QueryHandler(DelegationsOnQuery)
export class DelegationsOnHandler implements IQueryHandler<DelegationsOnQuery> {
  constructor(private readonly views: ViewpointViews) {}
  async execute({ on, viewpoint }: DelegationsOnQuery) {
    const reader = governance(this.views.from(viewpoint));
    const all = await allDelegations(reader);
    const bodyIds = [...new Set(all.flatMap((d) => (d.reportBack ? [d.reportBack.bodyId] : [])))];
    const bodies = await reader.getMany(bodyIds.map((id) => key.body(id)));
    const meetingDates = (bodyId: string) =>
      (bodies.get(key.body(bodyId))?.meetings ?? []).map((meeting) => meeting.date);
    return { on, ...delegationsOn(all, on, meetingDates) };
  }
}

export class ProvenanceQuery {
  constructor(
    readonly kind: InstrumentKind,
    readonly id: string,
    readonly viewpoint: Viewpoint = {},
  ) {}
}
@QueryHandler(ProvenanceQuery)
export class ProvenanceHandler implements IQueryHandler<ProvenanceQuery> {
  constructor(
    @Inject(SERVICE_STORE) private readonly service: ServiceStore,
    private readonly facts: GovernanceFacts,
    private readonly views: ViewpointViews,
  ) {}
  execute({ kind, id, viewpoint }: ProvenanceQuery) {
    return instrumentProvenance(
      { kind, id },
      lookups(this.service, this.facts, this.views.from(viewpoint), viewpoint),
    );
  }
}

export class ActionsQuery {
  constructor(
    readonly subject: { personId: string } | { postId: string },
    readonly viewpoint: Viewpoint = {},
  ) {}
}
@QueryHandler(ActionsQuery)
export class ActionsHandler implements IQueryHandler<ActionsQuery> {
  constructor(private readonly views: ViewpointViews) {}
  async execute({ subject, viewpoint }: ActionsQuery) {
    const entries = await subjectActions(governance(this.views.from(viewpoint)), subject);
    return { ...subject, entries };
  }
}
