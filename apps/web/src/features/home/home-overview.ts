import { QueryBus } from '@nestjs/cqrs';
import {
  AreaReturnsQuery,
  DelegationsOnQuery,
  ListAreasQuery,
  ListBodiesQuery,
  ListPlansQuery,
  ListPoolsQuery,
  PoolSummary,
  todayInEngland,
} from '@bcl/application';
import { Viewpoint } from '@bcl/kernel';

/** More than the ledger holds of each (a few dozen areas); a page of the home page, not a cap on the record. */
const LIST_MAX = 500;

export interface AreaOverview {
  areaId: string;
  name: string;
  plans: { planId: string; cycle: string; version: number; status: string; statusOn: string | null }[];
  poolYears: { poolId: string; poolName: string; year: string; status: string }[];
  returns: {
    returnId: string;
    financialYear: string;
    quarter: number;
    status: string;
    deadline: string | null;
  }[];
  reportBacks: { delegationId: string; purpose: string; bodyName: string; by: string | null }[];
}

/**
 * Everything the home page shows of each area, read through the query bus: its plans with their latest step,
 * its pools' years with their status, its quarterly returns that are issued, and the report-backs its bodies'
 * delegations still owe, all from the one viewpoint.
 */
export async function homeOverview(queries: QueryBus, viewpoint: Viewpoint): Promise<AreaOverview[]> {
  const on = viewpoint.asAt ?? todayInEngland();
  const [areas, pools, bodies, delegations] = await Promise.all([
    queries.execute(new ListAreasQuery(LIST_MAX, undefined, viewpoint)) as Promise<{
      items: { areaId: string; name: string }[];
    }>,
    queries.execute(new ListPoolsQuery(LIST_MAX, undefined, undefined, viewpoint)) as Promise<{
      items: PoolSummary[];
    }>,
    queries.execute(new ListBodiesQuery(LIST_MAX, undefined, undefined, viewpoint)) as Promise<{
      items: { bodyId: string; name: string; areaId: string | null }[];
    }>,
    queries.execute(new DelegationsOnQuery(on, viewpoint)) as Promise<{
      outstandingReportBack: {
        delegationId: string;
        purpose: string;
        grantingBodyId: string;
        reportBack: { bodyId: string; by: string | null } | null;
      }[];
    }>,
  ]);
  const bodyById = new Map(bodies.items.map((body) => [body.bodyId, body]));
  return Promise.all(
    areas.items.map(async (area) => {
      const plans = await plansOf(queries, area.areaId, viewpoint);
      const areaPools = pools.items.filter((pool) => pool.areaId === area.areaId);
      const poolYears = areaPools.flatMap((pool) =>
        pool.years.map(({ year, status }) => ({ poolId: pool.poolId, poolName: pool.name, year, status })),
      );
      const years = [
        ...new Set([...poolYears.map((p) => p.year), ...plans.flatMap((p) => yearsOfCycle(p.cycle))]),
      ].sort();
      const returns = await returnsOf(queries, area.areaId, years, viewpoint);
      const reportBacks = delegations.outstandingReportBack.flatMap((delegation) => {
        const bodyId = delegation.reportBack?.bodyId ?? delegation.grantingBodyId;
        const body = bodyById.get(bodyId);
        if (body?.areaId !== area.areaId) return [];
        return [
          {
            delegationId: delegation.delegationId,
            purpose: delegation.purpose,
            bodyName: body.name,
            by: delegation.reportBack?.by ?? null,
          },
        ];
      });
      return { areaId: area.areaId, name: area.name, plans, poolYears, returns, reportBacks };
    }),
  );
}

async function plansOf(queries: QueryBus, areaId: string, viewpoint: Viewpoint) {
  const plans = (await queries.execute(new ListPlansQuery({ areaId, limit: LIST_MAX }, viewpoint))) as {
    items: { planId: string; cycle: string; version: number; steps: { step: string; on: string }[] }[];
  };
  return plans.items.map((plan) => {
    const latest = plan.steps.at(-1);
    return {
      planId: plan.planId,
      cycle: plan.cycle,
      version: plan.version,
      status: latest?.step ?? 'draft',
      statusOn: latest?.on ?? null,
    };
  });
}

async function returnsOf(queries: QueryBus, areaId: string, years: string[], viewpoint: Viewpoint) {
  const byYear = await Promise.all(
    years.map(
      (year) =>
        queries.execute(new AreaReturnsQuery(areaId, year, viewpoint)) as Promise<{
          financialYear: string;
          returns: {
            returnId: string;
            quarter: number;
            issued: boolean;
            status: string | null;
            deadline: { at: string; assumed: string | null } | null;
          }[];
        }>,
    ),
  );
  return byYear.flatMap(({ financialYear, returns }) =>
    returns
      .filter((r) => r.issued)
      .map((r) => ({
        returnId: r.returnId,
        financialYear,
        quarter: r.quarter,
        status: r.status ?? 'issued',
        deadline: r.deadline?.at ?? null,
        deadlineAssumed: r.deadline?.assumed ?? null,
      })),
  );
}

/** The financial years a plan's cycle covers: `2017-19` is 2017-18 and 2018-19; `2016-17` is itself. */
export function yearsOfCycle(cycle: string): string[] {
  const match = /^(\d{4})-(\d{2})$/.exec(cycle);
  if (!match) return [];
  const start = Number(match[1]);
  const end = Math.floor(start / 100) * 100 + Number(match[2]) + (Number(match[2]) < start % 100 ? 100 : 0);
  const years: string[] = [];
  for (let year = start; year < end && years.length < 10; year += 1)
    years.push(`${year}-${String((year + 1) % 100).padStart(2, '0')}`);
  return years;
}
