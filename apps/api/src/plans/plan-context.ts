import { Inject, Injectable } from '@nestjs/common';
import { EventStore } from '@bcl/event-store';
import { PlanningReference } from '@bcl/domain-plans';
import { PlanSummaryView, planSummaryKey, plansProjection } from '@bcl/domain-plans';
import { AreaFacts, CheckResult, PlanOfCycle, PlanState, planChecks } from '@bcl/domain-plans/facts';
import { loadAreaFacts, loadPlan, planningReference, referenceDirectory } from '@bcl/plan-import';
import { ServiceStore, serviceViewReader } from '@bcl/service-store';
import { Problem } from '../http/problem';
import { EVENT_STORE, SERVICE_STORE } from '../event-log/event-log.tokens';
import { API_CONFIG, ApiConfig } from '../config/api-config';

/** What plan commands and queries need beside the plan: its cycle's reference data and its area's facts. */
@Injectable()
export class PlanContext {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(SERVICE_STORE) private readonly service: ServiceStore,
  ) {}

  reference(cycle: string): PlanningReference {
    const reference = planningReference(cycle, referenceDirectory(this.config.referenceDir));
    if (!reference)
      throw new Problem(
        422,
        'domain-invalid',
        'No reference data',
        `no reference data for cycle '${cycle}'`,
        [{ field: 'cycle', reason: `no reference data is held for '${cycle}'` }],
      );
    return reference;
  }

  async area(areaId: string): Promise<AreaFacts> {
    const area = await loadAreaFacts(this.store, areaId);
    if (!area)
      throw new Problem(422, 'domain-invalid', 'Unknown area', `area '${areaId}' is not in the registry`, [
        { field: 'areaId', reason: `area '${areaId}' is not in the registry` },
      ]);
    return area;
  }

  /** The plan's events and state; 404 when it has none. */
  async plan(planId: string) {
    const plan = await loadPlan(this.store, planId);
    if (!plan.state) throw planNotRecorded(planId);
    return { ...plan, state: plan.state };
  }

  /** The check report a query answers: with the other plans of the area and cycle (read-side facts, V1). */
  async checks(state: PlanState): Promise<CheckResult[]> {
    const plansOfCycle = await this.plansOfCycle(state);
    return planChecks(state, this.reference(state.cycle), await this.area(state.areaId), plansOfCycle);
  }

  /**
   * What a plan step or warning acceptance gathers: the plan's checks (404 when there is no plan). A write
   * decision reads no views, so the plans list is not consulted (V1 says so).
   */
  async checksOfRecorded(planId: string, state: PlanState | undefined): Promise<CheckResult[]> {
    if (!state) throw planNotRecorded(planId);
    return planChecks(state, this.reference(state.cycle), await this.area(state.areaId));
  }

  /**
   * The plans recorded for the plan's area and cycle, from the plans list view, each with the plan it declares
   * itself a variant of (from its own stream).
   */
  private async plansOfCycle(state: PlanState): Promise<PlanOfCycle[]> {
    const views = await serviceViewReader<PlanSummaryView>(this.service, plansProjection).list(
      planSummaryKey(''),
      10_000,
    );
    const ids = new Set([
      state.planId,
      ...views.filter((v) => v.areaId === state.areaId && v.cycle === state.cycle).map((v) => v.planId),
    ]);
    return Promise.all(
      [...ids].map(async (planId) => {
        const plan = planId === state.planId ? state : (await loadPlan(this.store, planId)).state;
        return { planId, variantOf: plan?.content.variant[0]?.of ?? null };
      }),
    );
  }
}

const planNotRecorded = (planId: string): Problem =>
  new Problem(404, 'not-found', 'Not found', `plan '${planId}' is not recorded`);
