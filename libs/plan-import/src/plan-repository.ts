import { approvalsStream, approvedVersions, evolveApprovals } from '@bcl/domain-governance/facts';
import { EventStore, foldStream, readWholeStream } from '@bcl/event-store';
import {
  OrganisationState,
  evolveHwbArea,
  evolveOrganisation,
  hwbAreaStream,
  organisationStream,
} from '@bcl/domain-registry';
import {
  AreaFacts,
  AreaMembershipPeriod,
  LoggedPlanEvent,
  PlanEvent,
  PlanState,
  evolvePlan,
  planStream,
} from '@bcl/domain-plans';

/** How far a chain of successions is followed (a CCG merged into a CCG merged into an ICB is 2). */
const SUCCESSION_GENERATIONS_MAX = 32;

/**
 * What the registry says about an area, read from the log itself (the write side's source of truth): its
 * structure, its district councils, and every organisation that is or was a member, or succeeded one.
 */
export async function loadAreaFacts(store: EventStore, areaId: string): Promise<AreaFacts | undefined> {
  const { state: area } = await foldStream(store, hwbAreaStream(areaId), evolveHwbArea);
  if (!area) return undefined;
  const organisationIds = new Set<string>();
  const organisations = new Map<string, OrganisationState>();
  let next = area.members.map((member) => member.organisationId);
  for (let generation = 0; next.length > 0 && generation < SUCCESSION_GENERATIONS_MAX; generation += 1) {
    const successors: string[] = [];
    for (const id of next) {
      if (organisationIds.has(id)) continue;
      organisationIds.add(id);
      const { state: organisation } = await foldStream(store, organisationStream(id), evolveOrganisation);
      if (organisation) organisations.set(id, organisation);
      if (organisation?.succession) successors.push(organisation.succession.successorId);
    }
    next = successors;
  }
  return {
    areaId,
    organisationIds: [...organisationIds],
    districtIds: area.members
      .filter((member) => member.role === 'district-council')
      .map((m) => m.organisationId),
    twoTier: area.structure === 'two-tier',
    memberships: membershipPeriods(area.members, organisations),
  };
}

/**
 * When each organisation counted as a member: its own membership, from its establishment and until its
 * succession; then its successor's, from the succession date until the membership ends (chains followed).
 */
function membershipPeriods(
  members: readonly AreaMembershipPeriod[],
  organisations: ReadonlyMap<string, OrganisationState>,
): AreaMembershipPeriod[] {
  const periods: AreaMembershipPeriod[] = [];
  const earlier = (a: string | null, b: string | null) => (a === null ? b : b === null || a < b ? a : b);
  let next = members.map(({ organisationId, from, until }) => ({ organisationId, from, until }));
  for (let generation = 0; next.length > 0 && generation < SUCCESSION_GENERATIONS_MAX; generation += 1) {
    const successors: AreaMembershipPeriod[] = [];
    for (const period of next) {
      const organisation = organisations.get(period.organisationId);
      const succession = organisation?.succession ?? null;
      const from =
        organisation && organisation.establishedOn > period.from ? organisation.establishedOn : period.from;
      const until = earlier(period.until, succession?.effectiveOn ?? null);
      if (until === null || from < until)
        periods.push({ organisationId: period.organisationId, from, until });
      if (succession && (period.until === null || succession.effectiveOn < period.until))
        successors.push({
          organisationId: succession.successorId,
          from: succession.effectiveOn > period.from ? succession.effectiveOn : period.from,
          until: period.until,
        });
    }
    next = successors;
  }
  return periods;
}

/** A plan's events with who recorded each and why, and the state they fold to. */
export async function loadPlan(
  store: EventStore,
  planId: string,
): Promise<{ state: PlanState | undefined; revision: number; events: LoggedPlanEvent[] }> {
  const stored = await readWholeStream(store, planStream(planId));
  const events = stored.map(
    (event) =>
      ({
        type: event.type,
        data: event.data,
        revision: event.revision,
        recordedAt: event.recordedAt,
        actor: event.metadata.actor.id,
        reason: event.metadata.reason ?? '',
        metadata: event.metadata as { readonly [key: string]: unknown },
      }) as unknown as LoggedPlanEvent,
  );
  const state = events.reduce<PlanState | undefined>((s, e) => evolvePlan(s, e as PlanEvent), undefined);
  return { state, revision: stored.length - 1, events };
}

/** The versions of a BCF plan that have an approval recorded against them (brief P2; issue 5). */
export async function approvedPlanVersions(store: EventStore, planId: string): Promise<number[]> {
  const { state } = await foldStream(
    store,
    approvalsStream({ kind: 'bcf-plan', id: planId }),
    evolveApprovals,
  );
  return approvedVersions(state);
}
