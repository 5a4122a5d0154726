import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AgreementState, agreementAsAt } from '@bcl/domain-fund';
import { Viewpoint } from '@bcl/kernel';
import { todayInEngland } from '../business-dates';
import { StreamFacts } from '../event-log/stream-facts';
import { FundLogIndex } from './list-fund-index';
import { knownAgreement } from './list-agreements';

/** Pooled funds in id order, a page at a time, each with its pool-years; optionally of one area. */
export class ListPoolsQuery {
  constructor(
    readonly limit: number,
    readonly after?: string,
    readonly areaId?: string,
    readonly viewpoint: Viewpoint = {},
  ) {}
}

export interface PoolSummary {
  poolId: string;
  /** The pool's name in the agreement's terms in effect on the viewpoint's date (else its latest terms). */
  name: string;
  agreementId: string;
  areaId: string;
  years: { year: string; status: 'open' | 'closed'; href: string }[];
}

/**
 * A pool is known by its years: each pool-year names the agreement it is opened under, and the agreement names
 * the area and the pool. A pool whose years name different agreements is listed under its latest year's.
 */
@QueryHandler(ListPoolsQuery)
export class ListPoolsHandler implements IQueryHandler<ListPoolsQuery> {
  constructor(
    private readonly index: FundLogIndex,
    private readonly facts: StreamFacts,
  ) {}

  async execute({ limit, after, areaId, viewpoint }: ListPoolsQuery) {
    const poolYears = await this.index.poolYearsSeenFrom(viewpoint);
    const agreementIds = [...new Set(poolYears.map((poolYear) => poolYear.agreementId))];
    const agreements = new Map<string, AgreementState>();
    for (const agreementId of agreementIds) {
      const state = await knownAgreement(this.facts.store, agreementId, viewpoint);
      if (state) agreements.set(agreementId, state);
    }
    const pools = new Map<string, PoolSummary>();
    for (const poolYear of poolYears) {
      const agreement = agreements.get(poolYear.agreementId);
      if (!agreement) continue;
      const pool = pools.get(poolYear.poolId) ?? {
        poolId: poolYear.poolId,
        name: poolYear.poolId,
        agreementId: agreement.agreementId,
        areaId: agreement.areaId,
        years: [],
      };
      pool.agreementId = agreement.agreementId;
      pool.areaId = agreement.areaId;
      pool.name = poolName(agreement, poolYear.poolId, viewpoint) ?? pool.name;
      pool.years.push({
        year: poolYear.year,
        status: poolYear.closed ? 'closed' : 'open',
        href: `/api/fund/pools/${poolYear.poolId}/years/${poolYear.year}/position`,
      });
      pools.set(poolYear.poolId, pool);
    }
    const listed = [...pools.values()].filter(
      (pool) =>
        (areaId === undefined || pool.areaId === areaId) && (after === undefined || pool.poolId > after),
    );
    const items = listed.slice(0, limit);
    return { items, next: listed.length > limit ? items[items.length - 1]!.poolId : null };
  }
}

function poolName(agreement: AgreementState, poolId: string, viewpoint: Viewpoint): string | undefined {
  const version = agreementAsAt(agreement, viewpoint.asAt ?? todayInEngland()) ?? agreement.versions.at(-1)!;
  return version.terms.pools.find((pool) => pool.poolId === poolId)?.name;
}
