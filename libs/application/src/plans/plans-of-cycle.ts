import { Inject, Injectable } from '@nestjs/common';
import { EventStore } from '@bcl/event-store';
import { PlanSummaryView, planSummaryKey, plansProjection } from '@bcl/domain-plans';
import { PlanOfCycle, PlanState } from '@bcl/domain-plans/facts';
import { loadPlan } from '@bcl/plan-import';
import { ServiceStore, serviceViewReader } from '@bcl/service-store';
import { EVENT_STORE, SERVICE_STORE } from '../event-log/event-log.tokens';

/**
 * The plans recorded for a plan's area and cycle (V1, one plan per area and cycle unless a variant is
 * declared): read-side facts from the plans list view, each with the plan it declares itself a variant of
 * (from its own stream). Only queries use this; a write decision reads no views.
 */
@Injectable()
export class PlansOfCycle {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SERVICE_STORE) private readonly service: ServiceStore,
  ) {}

  async of(state: PlanState): Promise<PlanOfCycle[]> {
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
