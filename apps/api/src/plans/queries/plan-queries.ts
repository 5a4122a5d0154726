import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import {
  PlanSummaryView,
  diffVersions,
  planSummaryKey,
  planVersions,
  plansProjection,
} from '@bcl/domain-plans';
import { ServiceStore, serviceViewReader } from '@bcl/service-store';
import { Problem } from '../../http/problem';
import { SERVICE_STORE } from '../../event-log/event-log.tokens';
import { PlanContext } from '../plan-context';
import { PlansOfCycle } from '../plans-of-cycle';

/** Plans by area and cycle, from the plans read model. */
export class ListPlansQuery {
  constructor(readonly filter: { areaId?: string; cycle?: string; limit: number }) {}
}

@QueryHandler(ListPlansQuery)
export class ListPlansHandler implements IQueryHandler<ListPlansQuery> {
  constructor(@Inject(SERVICE_STORE) private readonly service: ServiceStore) {}

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
    return { items };
  }
}

/**
 * A plan as at a version (default: the current one) and as known at an instant (default: now), replayed from
 * its stream so an auditor sees exactly what was recorded then, with its check report.
 */
export class GetPlanQuery {
  constructor(
    readonly planId: string,
    readonly version?: number,
    readonly knownAt?: string,
  ) {}
}

@QueryHandler(GetPlanQuery)
export class GetPlanHandler implements IQueryHandler<GetPlanQuery> {
  constructor(
    private readonly plans: PlanContext,
    private readonly plansOfCycle: PlansOfCycle,
  ) {}

  async execute({ planId, version, knownAt }: GetPlanQuery) {
    const { events, revision } = await this.plans.plan(planId);
    const versions = planVersions(events, knownAt);
    if (versions.length === 0)
      throw new Problem(404, 'not-found', 'Not found', `plan '${planId}' was not recorded by ${knownAt}`);
    const chosen =
      version === undefined ? versions[versions.length - 1]! : versions.find((v) => v.version === version);
    if (!chosen)
      throw new Problem(404, 'not-found', 'Not found', `plan '${planId}' has no version ${version}`, [
        { field: 'version', reason: `must be 1 to ${versions.length}` },
      ]);
    const { state } = chosen;
    return {
      planId,
      areaId: state.areaId,
      cycle: state.cycle,
      version: state.version,
      currentVersion: versions[versions.length - 1]!.version,
      knownAt: knownAt ?? null,
      steps: state.steps,
      acceptedWarnings: state.acceptedWarnings,
      content: state.content,
      checks: await this.plans.checks(state, await this.plansOfCycle.of(state)),
      revision,
    };
  }
}

/** Every version with who changed what, why, and under which justification. */
export class PlanVersionsQuery {
  constructor(readonly planId: string) {}
}

@QueryHandler(PlanVersionsQuery)
export class PlanVersionsHandler implements IQueryHandler<PlanVersionsQuery> {
  constructor(private readonly plans: PlanContext) {}

  async execute({ planId }: PlanVersionsQuery) {
    const { events } = await this.plans.plan(planId);
    return {
      planId,
      versions: planVersions(events).map(({ version, state, changes }) => ({
        version,
        steps: state.steps,
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
