import { FinancialYear } from '@bcl/kernel';
import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EventStore } from '@bcl/event-store';
import { Viewpoint, agreementAsAt } from '@bcl/domain-fund';
import { GovernanceView, governanceKey, governanceProjection } from '@bcl/domain-governance';
import { loadPlanFigures, loadPoolYear, poolYearPosition, poolYearReports } from '@bcl/fund-reports';
import { ServiceStore, serviceViewReader } from '@bcl/service-store';
import { Problem } from '../../http/problem';
import { EVENT_STORE, SERVICE_STORE } from '../../event-log/event-log.tokens';
import { StreamFacts } from '../../event-log/stream-facts';

async function requiredPoolYear(store: EventStore, poolId: string, year: FinancialYear) {
  const loaded = await loadPoolYear(store, poolId, year);
  if (!loaded)
    throw new Problem(404, 'not-found', 'Not found', `pool '${poolId}' has no year ${year} opened`);
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
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  async execute({ poolId, year, viewpoint }: PoolYearPositionQuery) {
    const loaded = await requiredPoolYear(this.store, poolId, year);
    return { position: poolYearPosition(loaded, viewpoint), revision: loaded.revision };
  }
}

/** A pool-year's position, reconciliation (with the area's plan) and certification pack, from one viewpoint. */
export class PoolYearReportsQuery extends PoolYearPositionQuery {}
@QueryHandler(PoolYearReportsQuery)
export class PoolYearReportsHandler implements IQueryHandler<PoolYearReportsQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  async execute({ poolId, year, viewpoint }: PoolYearReportsQuery) {
    const loaded = await requiredPoolYear(this.store, poolId, year);
    const plan = await loadPlanFigures(this.store, loaded.agreement.areaId, year);
    return poolYearReports(loaded, plan, viewpoint);
  }
}

/** An agreement as at a date, every version, and the signatures recorded for each (governance approvals). */
export class GetAgreementQuery {
  constructor(
    readonly agreementId: string,
    readonly asAt: string,
  ) {}
}
@QueryHandler(GetAgreementQuery)
export class GetAgreementHandler implements IQueryHandler<GetAgreementQuery> {
  constructor(
    private readonly facts: StreamFacts,
    @Inject(SERVICE_STORE) private readonly service: ServiceStore,
  ) {}
  async execute({ agreementId, asAt }: GetAgreementQuery) {
    const agreement = await this.facts.agreement(agreementId);
    if (!agreement)
      throw new Problem(404, 'not-found', 'Not found', `agreement '${agreementId}' is not recorded`);
    const keys = agreement.versions.map((v) =>
      governanceKey.approvals({ kind: 's75-variation', id: v.variationId }),
    );
    const approvals = await serviceViewReader<GovernanceView>(this.service, governanceProjection).getMany(
      keys,
    );
    return {
      agreementId,
      areaId: agreement.areaId,
      asAt,
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
