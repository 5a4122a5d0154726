import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import {
  ActionsView,
  BodyView,
  DelegationView,
  GovernanceLookups,
  InstrumentKind,
  MeetingView,
  decisionsRegister,
  delegationsOn,
  governanceKey as key,
  governanceProjection,
  instrumentProvenance,
} from '@bcl/domain-governance';
import { PostView, registryProjection, viewKey } from '@bcl/domain-registry';
import { ServiceStore } from '@bcl/service-store';
import { Problem } from '../../http/problem';
import { SERVICE_STORE } from '../../ledger/ledger.tokens';
import { GovernanceFacts } from '../governance-facts';

/** Delegations are listed a page at a time from the store; this bounds one query's reading. */
const DELEGATION_PAGE = 500;
const DELEGATIONS_MAX = 50_000;

/** The governance read model (and the registry and vault it points into), as the queries' lookups. */
function lookups(service: ServiceStore, facts: GovernanceFacts): GovernanceLookups {
  const names = new Map<string, Promise<string | null>>();
  return {
    governance: async <V>(k: string) =>
      (await service.loadViews(governanceProjection.name, [k])).get(k) as V | undefined,
    post: async (postId) => {
      const k = viewKey.post(postId);
      return (await service.loadViews(registryProjection.name, [k])).get(k) as unknown as
        PostView | undefined;
    },
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

async function required<V>(service: ServiceStore, k: string, what: string): Promise<V> {
  const view = (await service.loadViews(governanceProjection.name, [k])).get(k);
  if (!view) throw new Problem(404, 'not-found', 'Not found', `${what} is not recorded`);
  return view as unknown as V;
}

export class GetBodyQuery {
  constructor(readonly bodyId: string) {}
}
@QueryHandler(GetBodyQuery)
export class GetBodyHandler implements IQueryHandler<GetBodyQuery> {
  constructor(@Inject(SERVICE_STORE) private readonly service: ServiceStore) {}
  execute({ bodyId }: GetBodyQuery) {
    return required<BodyView>(this.service, key.body(bodyId), `body '${bodyId}'`);
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
    const body = await required<BodyView>(this.service, key.body(bodyId), `body '${bodyId}'`);
    const meetings = await this.service.loadViews(
      governanceProjection.name,
      body.meetings.map((m) => key.meeting(m.meetingId)),
    );
    const decisions = decisionsRegister([...meetings.values()] as unknown as MeetingView[], range);
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
    const meeting = await required<MeetingView>(
      this.service,
      key.meeting(meetingId),
      `meeting '${meetingId}'`,
    );
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
    return required<DelegationView>(
      this.service,
      key.delegation(delegationId),
      `delegation '${delegationId}'`,
    );
  }
}

export class DelegationsOnQuery {
  constructor(readonly on: string) {}
}
@QueryHandler(DelegationsOnQuery)
export class DelegationsOnHandler implements IQueryHandler<DelegationsOnQuery> {
  constructor(@Inject(SERVICE_STORE) private readonly service: ServiceStore) {}
  async execute({ on }: DelegationsOnQuery) {
    const all: DelegationView[] = [];
    for (let after = ''; all.length < DELEGATIONS_MAX;) {
      const page = await this.service.listViews(
        governanceProjection.name,
        'delegation/',
        DELEGATION_PAGE,
        after,
      );
      all.push(...(page as unknown as DelegationView[]));
      if (page.length < DELEGATION_PAGE) break;
      after = key.delegation(all[all.length - 1]!.delegationId);
    }
    return { on, ...delegationsOn(all, on) };
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
    const k = 'personId' in subject ? key.personActions(subject.personId) : key.postActions(subject.postId);
    const view = (await this.service.loadViews(governanceProjection.name, [k])).get(k) as
      ActionsView | undefined;
    const entries = [...(view?.entries ?? [])].sort(
      (a, b) => a.on.localeCompare(b.on) || a.recordedAt.localeCompare(b.recordedAt),
    );
    return { ...subject, entries };
  }
}
