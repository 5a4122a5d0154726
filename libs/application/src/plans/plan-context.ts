import { Inject, Injectable } from '@nestjs/common';
import { EventStore } from '@bcl/event-store';
import { PlanningReference, planVersions } from '@bcl/domain-plans';
import {
  AreaFacts,
  CheckResult,
  PlanOfCycle,
  PlanSignOffFacts,
  PlanState,
  planChecks,
  signOffObstacles,
} from '@bcl/domain-plans/facts';
import { CalendarDate, effectiveDateOf } from '@bcl/kernel';
import { loadAreaFacts, loadPlan, planningReference, referenceDirectory } from '@bcl/plan-import';
import { Problem } from '../problem';
import { todayInEngland } from '../business-dates';
import { EVENT_STORE } from '../event-log/event-log.tokens';
import { LEDGER_SETTINGS, LedgerSettings } from '../ledger-settings';
import { PlanSignOff } from './plan-sign-off';
import { PlansOfCycle } from './plans-of-cycle';

/** What plan commands and queries need beside the plan: its cycle's reference data and its area's facts. */
@Injectable()
export class PlanContext {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LEDGER_SETTINGS) private readonly config: LedgerSettings,
    readonly signOff: PlanSignOff,
    private readonly plansOfCycle: PlansOfCycle,
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

  /**
   * The plan's checks; `signOff`, what governance recorded of its sign-off (P2, P12), as the reader sees it;
   * `plansOfCycle`, the plans recorded for its area and cycle (V1), which only a query passes (read-side facts:
   * a write decision reads no views, and V1 then says it did not look).
   */
  async checks(
    state: PlanState,
    signOff?: PlanSignOffFacts,
    plansOfCycle?: PlanOfCycle[],
  ): Promise<CheckResult[]> {
    return planChecks(
      state,
      this.reference(state.cycle),
      await this.area(state.areaId),
      signOff,
      plansOfCycle,
    );
  }

  /**
   * What stops a plan version being signed off on a date (blocking checks, unaccepted warnings), with the
   * sign-offs governance has recorded so far and the other plans of its area and cycle (V1); none for an
   * instrument that is not a plan the ledger holds. V1's facts come from the plans list view: the one read-side
   * fact a write gathers, because the ledger keeps no stream per area and cycle (docs/sign-off.md).
   */
  async signOffObstacles(planId: string, on: CalendarDate): Promise<CheckResult[]> {
    const { state: now, events } = await loadPlan(this.store, planId);
    if (!now) return [];
    // the version as it stood on the sign-off's date: acceptances dated later do not count
    const asAt = planVersions(events, { asAt: on }).find((v) => v.version === now.version)?.state;
    const state = asAt ?? now;
    const acts = await this.signOff.acts(planId);
    return signOffObstacles(await this.checks(state, { acts, on }, await this.plansOfCycle.of(state)));
  }

  /**
   * The date a plan version takes effect (its import's `effectiveOn`, the events' validTime); null when the
   * ledger holds no such version or it was recorded without one (seen from any date).
   */
  async versionEffectiveOn(planId: string, version: number): Promise<CalendarDate | null> {
    const { events } = await loadPlan(this.store, planId);
    const start = events.find(
      (event) =>
        (event.type === 'PlanInitiated' && version === 1) ||
        (event.type === 'PlanVersionStarted' && event.data.version === version),
    );
    return start ? effectiveDateOf(start) : null;
  }

  /** What a warning acceptance gathers: the plan's checks as of its date, default today (404 when there is no plan). */
  async checksOfRecorded(
    planId: string,
    state: PlanState | undefined,
    on?: CalendarDate,
  ): Promise<CheckResult[]> {
    if (!state) throw planNotRecorded(planId);
    return this.checks(state, { acts: await this.signOff.acts(planId), on: on ?? todayInEngland() });
  }
}

const planNotRecorded = (planId: string): Problem =>
  new Problem(404, 'not-found', 'Not found', `plan '${planId}' is not recorded`);
