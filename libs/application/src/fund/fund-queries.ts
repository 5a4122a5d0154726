import { FinancialYear } from '@bcl/kernel';
import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EventStore } from '@bcl/event-store';
import { Viewpoint, agreementAsAt, agreementStream, evolveAgreement } from '@bcl/domain-fund';
import { governanceKey, governanceProjection } from '@bcl/domain-governance';
import {
  foldKnownAt,
  loadPlanFigures,
  loadPoolYear,
  planViewpoint,
  poolYearPosition,
  poolYearReports,
} from '@bcl/fund-reports';
import { Problem } from '../problem';
import { EVENT_STORE } from '../event-log/event-log.tokens';
import { ViewpointViews } from '../event-log/viewpoint-views';
import { StreamFacts } from '../event-log/stream-facts';
import { PoolYearReads, poolYearNotOpened } from './pool-year-reads';

/** A pool-year as known at `knownAt`, or 404. */
export async function requiredPoolYear(
  store: EventStore,
  poolId: string,
  year: FinancialYear,
  knownAt?: string,
) {
  const loaded = await loadPoolYear(store, poolId, year, knownAt);
  if (!loaded) throw poolYearNotOpened(poolId, year, knownAt);
  return loaded;
}

/**
 * A pool-year's fund position from one viewpoint, and the pool-year stream's revision (its ETag): the revision a
 * write's `If-Match` expects, the same the pool-year writes answer as their ETag.
 */
export class PoolYearPositionQuery {
  constructor(
    readonly poolId: string,
    readonly year: FinancialYear,
    readonly viewpoint: Viewpoint,
  ) {}
}
@QueryHandler(PoolYearPositionQuery)
export class PoolYearPositionHandler implements IQueryHandler<PoolYearPositionQuery> {
  constructor(private readonly poolYears: PoolYearReads) {}
  async execute({ poolId, year, viewpoint }: PoolYearPositionQuery) {
    const loaded = await this.poolYears.requiredLedger(poolId, year, viewpoint.knownAt);
    return { position: poolYearPosition(loaded, viewpoint), revision: loaded.revision };
  }
}

/** A pool-year's position and reconciliation (with the area's plan), from one viewpoint. */
export class PoolYearReportsQuery extends PoolYearPositionQuery {}
/** The same, read with the pool-year's transactions, so its certification pack (which lists them) can be made. */
export class PoolYearCertificationQuery extends PoolYearPositionQuery {}

/** The reports of a pool-year, read from its fund totals where they answer, or `withTransactions` from its fold. */
async function reportsOf(
  store: EventStore,
  poolYears: PoolYearReads,
  { poolId, year, viewpoint }: PoolYearPositionQuery,
  withTransactions: boolean,
) {
  const loaded = withTransactions
    ? await poolYears.required(poolId, year, viewpoint.knownAt)
    : await poolYears.requiredLedger(poolId, year, viewpoint.knownAt);
  // the plan as seen from the report's own viewpoint (docs/time-travel.md)
  const plan = await loadPlanFigures(store, loaded.agreement.areaId, year, planViewpoint(viewpoint));
  return poolYearReports(loaded, plan, viewpoint);
}

@QueryHandler(PoolYearReportsQuery)
export class PoolYearReportsHandler implements IQueryHandler<PoolYearReportsQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly poolYears: PoolYearReads,
  ) {}
  execute(query: PoolYearReportsQuery) {
    return reportsOf(this.store, this.poolYears, query, false);
  }
}
@QueryHandler(PoolYearCertificationQuery)
export class PoolYearCertificationHandler implements IQueryHandler<PoolYearCertificationQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly poolYears: PoolYearReads,
  ) {}
  async execute(query: PoolYearCertificationQuery) {
    return (await reportsOf(this.store, this.poolYears, query, true)).certification;
  }
}

/** An agreement as at a date, every version, and the signatures recorded for each (governance approvals). */
export class GetAgreementQuery {
  constructor(
    readonly agreementId: string,
    readonly asAt: string,
    readonly knownAt?: string,
  ) {}
}
@QueryHandler(GetAgreementQuery)
export class GetAgreementHandler implements IQueryHandler<GetAgreementQuery> {
  constructor(
    private readonly facts: StreamFacts,
    private readonly views: ViewpointViews,
  ) {}
  async execute({ agreementId, asAt, knownAt }: GetAgreementQuery) {
    const agreement = (
      await foldKnownAt(this.facts.store, agreementStream(agreementId), evolveAgreement, knownAt)
    ).state;
    if (!agreement)
      throw new Problem(404, 'not-found', 'Not found', `agreement '${agreementId}' is not recorded`);
    const keys = agreement.versions.map((v) =>
      governanceKey.approvals({ kind: 's75-variation', id: v.variationId }),
    );
    const governance = this.views.from(knownAt === undefined ? {} : { knownAt })(governanceProjection);
    const approvals = await governance.getMany(keys);
    return {
      agreementId,
      areaId: agreement.areaId,
      asAt,
      ...(knownAt === undefined ? {} : { knownAt }),
      inEffect: agreementAsAt(agreement, asAt),
      versions: agreement.versions.map((v, i) => ({
        variationId: v.variationId,
        effectiveOn: v.effectiveOn,
        summary: v.summary,
        signatures: (approvals.get(keys[i]!)?.approvals ?? []).length,
      })),
      revision: agreement.versions.length - 1,
    };
  }
}
