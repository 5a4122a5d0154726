import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import {
  PlanSummaryView,
  LoggedPlanEvent,
  PlanVersion,
  WarningAcceptance,
  actsSeenFrom,
  diffVersions,
  planLifecycle,
  planSummaryKey,
  planVersions,
  plansProjection,
  versionEffectiveFrom,
  warningAcceptances,
  withAcceptances,
} from '@bcl/domain-plans';
import { ServiceStore, serviceViewReader } from '@bcl/service-store';
import { Viewpoint, eventSeenFrom, evidenceOf } from '@bcl/kernel';
import { Problem } from '../problem';
import { todayInEngland } from '../business-dates';
import { SERVICE_STORE } from '../event-log/event-log.tokens';
import { PlanContext } from './plan-context';
import { PlanSignOff } from './plan-sign-off';
import { PlansOfCycle } from './plans-of-cycle';

/**
 * Plans by area and cycle, from the plans read model; from a viewpoint (`asAt`, `knownAt`), each plan replayed
 * as seen from it: its current version then and that version's steps, leaving out plans with no version seen.
 */
export class ListPlansQuery {
  constructor(
    readonly filter: { areaId?: string; cycle?: string; limit: number },
    readonly viewpoint: Viewpoint = {},
  ) {}
}

@QueryHandler(ListPlansQuery)
export class ListPlansHandler implements IQueryHandler<ListPlansQuery> {
  constructor(
    @Inject(SERVICE_STORE) private readonly service: ServiceStore,
    private readonly signOff: PlanSignOff,
    private readonly plans: PlanContext,
  ) {}

  async execute({ filter, viewpoint }: ListPlansQuery) {
    const views = await serviceViewReader<PlanSummaryView>(this.service, plansProjection).list(
      planSummaryKey(''),
      10_000,
    );
    const items = views.filter(
      (plan) =>
        (!filter.areaId || plan.areaId === filter.areaId) && (!filter.cycle || plan.cycle === filter.cycle),
    );
    if (viewpoint.asAt !== undefined || viewpoint.knownAt !== undefined)
      return { ...viewpointEcho(viewpoint), items: await this.seenFrom(items, viewpoint, filter.limit) };
    // the read model keeps the plan's own steps; the sign-offs governance recorded join them (docs/sign-off.md)
    return {
      ...viewpointEcho(viewpoint),
      items: await Promise.all(
        items.slice(0, filter.limit).map(async (plan) => ({
          ...plan,
          steps: [
            ...plan.steps,
            ...(await this.signOff.acts(plan.planId))
              .filter((act) => act.instrument.version === plan.version)
              .map(({ step, on, evidence }) => ({ step, on, evidence })),
          ].sort((a, b) => a.on.localeCompare(b.on)),
        })),
      ),
    };
  }

  /** Each plan as seen from the viewpoint: its version then, with that version's steps (docs/sign-off.md). */
  private async seenFrom(views: PlanSummaryView[], viewpoint: Viewpoint, limit: number) {
    const seen = [];
    for (const view of views) {
      if (seen.length === limit) break;
      const { events } = await this.plans.plan(view.planId);
      const current = planVersions(events, viewpoint).at(-1);
      if (!current) continue;
      const last = events
        .filter((e) => versionOf(e) <= current.version && eventSeenFrom(viewpoint, e))
        .at(-1)!;
      const acts = actsSeenFrom(await this.signOff.acts(view.planId), viewpoint);
      seen.push({
        ...view,
        version: current.version,
        steps: planLifecycle(current.version, current.steps, acts, viewpoint).map(
          ({ step, on, evidence }) => ({
            step,
            on,
            evidence,
          }),
        ),
        lastChangedAt: last.recordedAt,
        lastChangeEvidence: evidenceOf(last),
        revision: last.revision,
      });
    }
    return seen;
  }
}

const versionOf = (event: LoggedPlanEvent): number =>
  event.type === 'PlanInitiated' ? 1 : event.data.version;

const viewpointEcho = ({ asAt, knownAt }: Viewpoint) => ({ asAt: asAt ?? null, knownAt: knownAt ?? null });

/**
 * A plan at a version (default: the current one), as at an effective date (`asAt`: versions, entries and steps
 * in effect by then) and as known at an instant (`knownAt`: recorded by then), replayed from its stream, with
 * its lifecycle (plan steps and the governance acts that signed it off: docs/sign-off.md) and its check report.
 */
export class GetPlanQuery {
  constructor(
    readonly planId: string,
    readonly version?: number,
    readonly viewpoint: Viewpoint = {},
  ) {}
}

@QueryHandler(GetPlanQuery)
export class GetPlanHandler implements IQueryHandler<GetPlanQuery> {
  constructor(
    private readonly plans: PlanContext,
    private readonly plansOfCycle: PlansOfCycle,
  ) {}

  async execute({ planId, version, viewpoint }: GetPlanQuery) {
    const { events, revision } = await this.plans.plan(planId);
    const versions = planVersions(events, viewpoint);
    if (versions.length === 0)
      throw new Problem(404, 'not-found', 'Not found', `plan '${planId}' ${notSeen(viewpoint)}`);
    const chosen =
      version === undefined ? versions[versions.length - 1]! : versions.find((v) => v.version === version);
    if (!chosen) throw noSuchVersion(planId, 'version', version!, events, versions.length, viewpoint);
    const { state } = chosen;
    const acts = actsSeenFrom(await this.plans.signOff.acts(planId), viewpoint);
    // who accepted each warning, when, and on what evidence (seen from the acceptance's date only)
    const acceptances = warningAcceptances(events, state.version, viewpoint);
    return {
      planId,
      areaId: state.areaId,
      cycle: state.cycle,
      version: state.version,
      currentVersion: versions[versions.length - 1]!.version,
      asAt: viewpoint.asAt ?? null,
      knownAt: viewpoint.knownAt ?? null,
      steps: planLifecycle(state.version, chosen.steps, acts, viewpoint),
      acceptedWarnings: state.acceptedWarnings,
      acceptances,
      content: state.content,
      // what the version and each entry rest on (issue 12 §3): the import that began the version, and the
      // change that last recorded or amended each entry, by section and key
      evidence: chosen.evidence,
      entryEvidence: chosen.entryEvidence,
      checks: withAcceptances(
        await this.plans.checks(
          state,
          { acts, on: viewpoint.asAt ?? todayInEngland() },
          await this.plansOfCycle.of(state),
        ),
        acceptances,
      ),
      revision,
    };
  }
}

const notSeen = ({ asAt, knownAt }: Viewpoint): string =>
  asAt === undefined
    ? `was not recorded by ${knownAt}`
    : `had no version in effect on ${asAt}${knownAt === undefined ? '' : ` as known at ${knownAt}`}`;

/**
 * The 404 for a version not seen from the viewpoint: one recorded but not yet in effect on `asAt` says when it
 * takes effect; one never recorded (by `knownAt`) says which versions there are.
 */
function noSuchVersion(
  planId: string,
  field: string,
  version: number,
  events: LoggedPlanEvent[],
  seen: number,
  viewpoint: Viewpoint,
): Problem {
  const from = viewpoint.asAt === undefined ? null : versionEffectiveFrom(events, version, viewpoint);
  if (from !== null && from > viewpoint.asAt!)
    return new Problem(
      404,
      'not-found',
      'Not found',
      `plan '${planId}' version ${version} takes effect on ${from}`,
      [{ field, reason: `takes effect on ${from}; as at ${viewpoint.asAt} the plan is at version ${seen}` }],
    );
  return new Problem(404, 'not-found', 'Not found', `plan '${planId}' has no version ${version}`, [
    { field, reason: `must be 1 to ${seen}` },
  ]);
}

/** Every version with who changed what, why, and under which justification. */
export class PlanVersionsQuery {
  constructor(
    readonly planId: string,
    readonly viewpoint: Viewpoint = {},
  ) {}
}

@QueryHandler(PlanVersionsQuery)
export class PlanVersionsHandler implements IQueryHandler<PlanVersionsQuery> {
  constructor(private readonly plans: PlanContext) {}

  async execute({ planId, viewpoint }: PlanVersionsQuery) {
    const { events } = await this.plans.plan(planId);
    const acts = actsSeenFrom(await this.plans.signOff.acts(planId), viewpoint);
    const versions = planVersions(events, viewpoint);
    if (versions.length === 0)
      throw new Problem(404, 'not-found', 'Not found', `plan '${planId}' ${notSeen(viewpoint)}`);
    return {
      planId,
      ...viewpointEcho(viewpoint),
      versions: versions.map(({ version, evidence, steps, changes }) => ({
        version,
        evidence,
        steps: planLifecycle(version, steps, acts, viewpoint),
        changes: withAcceptanceChanges(changes, warningAcceptances(events, version, viewpoint)),
      })),
    };
  }
}

/** Field-by-field differences between two versions. */
export class PlanDiffQuery {
  constructor(
    readonly planId: string,
    readonly from: number,
    readonly to: number,
    readonly viewpoint: Viewpoint = {},
  ) {}
}

@QueryHandler(PlanDiffQuery)
export class PlanDiffHandler implements IQueryHandler<PlanDiffQuery> {
  constructor(private readonly plans: PlanContext) {}

  async execute({ planId, from, to, viewpoint }: PlanDiffQuery) {
    const { events } = await this.plans.plan(planId);
    const versions = planVersions(events, viewpoint);
    if (versions.length === 0)
      throw new Problem(404, 'not-found', 'Not found', `plan '${planId}' ${notSeen(viewpoint)}`);
    const pick = (field: string, version: number) => {
      const found = versions.find((v) => v.version === version);
      if (!found) throw noSuchVersion(planId, field, version, events, versions.length, viewpoint);
      return found;
    };
    pick('from', from);
    pick('to', to);
    return { planId, from, to, ...viewpointEcho(viewpoint), changes: diffVersions(versions, from, to) };
  }
}

/** A version's changes with its warning acceptances among them, in the order they were recorded. */
const withAcceptanceChanges = (
  changes: PlanVersion['changes'],
  acceptances: WarningAcceptance[],
): (PlanVersion['changes'][number] | ({ type: 'PlanWarningAccepted' } & WarningAcceptance))[] =>
  [
    ...changes,
    ...acceptances.map((acceptance) => ({ type: 'PlanWarningAccepted' as const, ...acceptance })),
  ].sort((a, b) => a.recordedAt.localeCompare(b.recordedAt));
