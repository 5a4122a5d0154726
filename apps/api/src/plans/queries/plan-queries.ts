import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import {
  PlanSummaryView,
  actsSeenFrom,
  diffVersions,
  planLifecycle,
  planSummaryKey,
  planVersions,
  plansProjection,
} from '@bcl/domain-plans';
import { ServiceStore, serviceViewReader } from '@bcl/service-store';
import { Viewpoint } from '@bcl/kernel';
import { Problem } from '../../http/problem';
import { todayInEngland } from '../../http/business-dates';
import { SERVICE_STORE } from '../../event-log/event-log.tokens';
import { PlanContext } from '../plan-context';
import { PlanSignOff } from '../plan-sign-off';
import { PlansOfCycle } from '../plans-of-cycle';

/** Plans by area and cycle, from the plans read model. */
export class ListPlansQuery {
  constructor(readonly filter: { areaId?: string; cycle?: string; limit: number }) {}
}

@QueryHandler(ListPlansQuery)
export class ListPlansHandler implements IQueryHandler<ListPlansQuery> {
  constructor(
    @Inject(SERVICE_STORE) private readonly service: ServiceStore,
    private readonly signOff: PlanSignOff,
  ) {}

  async execute({ filter }: ListPlansQuery) {
    const views = await serviceViewReader<PlanSummaryView>(this.service, plansProjection).list(
      planSummaryKey(''),
      10_000,
    );
    const items = views
      .filter(
        (plan) =>
          (!filter.areaId || plan.areaId === filter.areaId) && (!filter.cycle || plan.cycle === filter.cycle),
      )
      .slice(0, filter.limit);
    // the read model keeps the plan's own steps; the sign-offs governance recorded join them (docs/sign-off.md)
    return {
      items: await Promise.all(
        items.map(async (plan) => ({
          ...plan,
          steps: [
            ...plan.steps,
            ...(await this.signOff.acts(plan.planId))
              .filter((act) => act.instrument.version === plan.version)
              .map(({ step, on }) => ({ step, on })),
          ].sort((a, b) => a.on.localeCompare(b.on)),
        })),
      ),
    };
  }
}

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
    if (!chosen)
      throw new Problem(404, 'not-found', 'Not found', `plan '${planId}' has no version ${version}`, [
        { field: 'version', reason: `must be 1 to ${versions.length}` },
      ]);
    const { state } = chosen;
    const acts = actsSeenFrom(await this.plans.signOff.acts(planId), viewpoint);
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
      content: state.content,
      // what the version and each entry rest on (issue 12 §3): the import that began the version, and the
      // change that last recorded or amended each entry, by section and key
      evidence: chosen.evidence,
      entryEvidence: chosen.entryEvidence,
      checks: await this.plans.checks(
        state,
        { acts, on: viewpoint.asAt ?? todayInEngland() },
        await this.plansOfCycle.of(state),
      ),
      revision,
    };
  }
}

const notSeen = ({ asAt, knownAt }: Viewpoint): string =>
  asAt === undefined
    ? `was not recorded by ${knownAt}`
    : `had no version in effect on ${asAt}${knownAt === undefined ? '' : ` as known at ${knownAt}`}`;

/** Every version with who changed what, why, and under which justification. */
export class PlanVersionsQuery {
  constructor(readonly planId: string) {}
}

@QueryHandler(PlanVersionsQuery)
export class PlanVersionsHandler implements IQueryHandler<PlanVersionsQuery> {
  constructor(private readonly plans: PlanContext) {}

  async execute({ planId }: PlanVersionsQuery) {
    const { events } = await this.plans.plan(planId);
    const acts = await this.plans.signOff.acts(planId);
    return {
      planId,
      versions: planVersions(events).map(({ version, evidence, steps, changes }) => ({
        version,
        evidence,
        steps: planLifecycle(version, steps, acts, {}),
        changes,
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
  ) {}
}

@QueryHandler(PlanDiffQuery)
export class PlanDiffHandler implements IQueryHandler<PlanDiffQuery> {
  constructor(private readonly plans: PlanContext) {}

  async execute({ planId, from, to }: PlanDiffQuery) {
    const versions = planVersions((await this.plans.plan(planId)).events);
    const pick = (field: string, version: number) => {
      const found = versions.find((v) => v.version === version);
      if (!found)
        throw new Problem(404, 'not-found', 'Not found', `plan '${planId}' has no version ${version}`, [
          { field, reason: `must be 1 to ${versions.length}` },
        ]);
      return found;
    };
    pick('from', from);
    pick('to', to);
    return { planId, from, to, changes: diffVersions(versions, from, to) };
  }
}
