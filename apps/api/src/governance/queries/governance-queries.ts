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
import { ViewKey } from '@bcl/kernel';
import { ServiceStore, serviceViewReader } from '@bcl/service-store';
import { Problem } from '../../http/problem';
import { SERVICE_STORE } from '../../event-log/event-log.tokens';
import { GovernanceFacts } from '../governance-facts';

/** The governance read model (and the registry and vault it points into), as the queries' lookups. */
function lookups(service: ServiceStore, facts: GovernanceFacts): GovernanceLookups {
  const names = new Map<string, Promise<string | null>>();
  const registry = serviceViewReader<RegistryView>(service, registryProjection);
  return {
    governance: serviceViewReader<GovernanceView>(service, governanceProjection),
    post: (postId) => registry.get(viewKey.post(postId)),
    displayName: (personId) => {
      if (!names.has(personId))
        names.set(
          personId,
          service.displayNames([personId]).then((found) => found.get(personId) ?? null),
        );
      return names.get(personId)!;
    },
    currentVersion: (instrument) => facts.currentVersion(instrument),
  };
}

async function required<V extends GovernanceView>(
  service: ServiceStore,
  k: ViewKey<V>,
  what: string,
): Promise<V> {
  const view = await serviceViewReader<GovernanceView>(service, governanceProjection).get(k);
  if (!view) throw new Problem(404, 'not-found', 'Not found', `${what} is not recorded`);
  return view;
}

export class GetBodyQuery {
  constructor(readonly bodyId: string) {}
}
@QueryHandler(GetBodyQuery)
export class GetBodyHandler implements IQueryHandler<GetBodyQuery> {
  constructor(@Inject(SERVICE_STORE) private readonly service: ServiceStore) {}
  execute({ bodyId }: GetBodyQuery) {
    return required(this.service, key.body(bodyId), `body '${bodyId}'`);
  }
}

export class DecisionsRegisterQuery {
  constructor(
    readonly bodyId: string,
    readonly range: { from?: string; to?: string },
  ) {}
}
@QueryHandler(DecisionsRegisterQuery)
export class DecisionsRegisterHandler implements IQueryHandler<DecisionsRegisterQuery> {
  constructor(@Inject(SERVICE_STORE) private readonly service: ServiceStore) {}
  async execute({ bodyId, range }: DecisionsRegisterQuery) {
    const body = await required(this.service, key.body(bodyId), `body '${bodyId}'`);
    const meetings = await serviceViewReader<GovernanceView>(this.service, governanceProjection).getMany(
      body.meetings.map((m) => key.meeting(m.meetingId)),
    );
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
  constructor(readonly meetingId: string) {}
}
@QueryHandler(GetMeetingQuery)
export class GetMeetingHandler implements IQueryHandler<GetMeetingQuery> {
  constructor(@Inject(SERVICE_STORE) private readonly service: ServiceStore) {}
  async execute({ meetingId }: GetMeetingQuery) {
    const meeting = await required(this.service, key.meeting(meetingId), `meeting '${meetingId}'`);
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
  constructor(readonly delegationId: string) {}
}
@QueryHandler(GetDelegationQuery)
export class GetDelegationHandler implements IQueryHandler<GetDelegationQuery> {
  constructor(@Inject(SERVICE_STORE) private readonly service: ServiceStore) {}
  execute({ delegationId }: GetDelegationQuery) {
    return required(this.service, key.delegation(delegationId), `delegation '${delegationId}'`);
  }
}

export class DelegationsOnQuery {
  constructor(readonly on: string) {}
}
@QueryHandler(DelegationsOnQuery)
export class DelegationsOnHandler implements IQueryHandler<DelegationsOnQuery> {
  constructor(@Inject(SERVICE_STORE) private readonly service: ServiceStore) {}
  async execute({ on }: DelegationsOnQuery) {
    const governance = serviceViewReader<GovernanceView>(this.service, governanceProjection);
    const all = await allDelegations(governance);
    const bodyIds = [...new Set(all.flatMap((d) => (d.reportBack ? [d.reportBack.bodyId] : [])))];
    const bodies = await governance.getMany(bodyIds.map((id) => key.body(id)));
    const meetingDates = (bodyId: string) =>
      (bodies.get(key.body(bodyId))?.meetings ?? []).map((meeting) => meeting.date);
    return { on, ...delegationsOn(all, on, meetingDates) };
  }
}

export class ProvenanceQuery {
  constructor(
    readonly kind: InstrumentKind,
    readonly id: string,
  ) {}
}
@QueryHandler(ProvenanceQuery)
export class ProvenanceHandler implements IQueryHandler<ProvenanceQuery> {
  constructor(
    @Inject(SERVICE_STORE) private readonly service: ServiceStore,
    private readonly facts: GovernanceFacts,
  ) {}
  execute({ kind, id }: ProvenanceQuery) {
    return instrumentProvenance({ kind, id }, lookups(this.service, this.facts));
  }
}

export class ActionsQuery {
  constructor(readonly subject: { personId: string } | { postId: string }) {}
}
@QueryHandler(ActionsQuery)
export class ActionsHandler implements IQueryHandler<ActionsQuery> {
  constructor(@Inject(SERVICE_STORE) private readonly service: ServiceStore) {}
  async execute({ subject }: ActionsQuery) {
    const entries = await subjectActions(
      serviceViewReader<GovernanceView>(this.service, governanceProjection),
      subject,
    );
    return { ...subject, entries };
  }
}
