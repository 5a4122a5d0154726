import { PlanState, StatedTotal } from '../plan/plan';
import { sum } from './check-result';

/** Computed totals for a stated-total table and year, from the plan's own parts. */
export function computedTotal(state: PlanState, table: StatedTotal['table'], year: string): bigint {
  const { contributions, schemes, metrics } = state.content;
  const bySource = (source?: string) =>
    sum(
      contributions
        .filter((c) => source === undefined || c.source === source)
        .map((c) => c.amountsPence[year] ?? 0),
    );
  switch (table) {
    case 'pooled-budget':
      return bySource();
    case 'expenditure':
      return sum(
        schemes.flatMap((s) => s.spend.filter((line) => line.year === year).map((line) => line.amountPence)),
      );
    case 'nea-annual':
      return sum(
        metrics
          .filter((m) => m.metric === 'non-elective-admissions' && m.period.startsWith(`${year} Q`))
          .map((m) => Number(m.statedValue)),
      );
    default:
      return bySource(table);
  }
}

/** What the plan lacks to compute a stated-total table for a year (its parts), or null when it has them. */
export function missingParts(state: PlanState, table: StatedTotal['table'], year: string): string | null {
  const { contributions, schemes, metrics } = state.content;
  const contributed = (source?: string) =>
    contributions.some(
      (c) => (source === undefined || c.source === source) && c.amountsPence[year] !== undefined,
    );
  switch (table) {
    case 'pooled-budget':
      return contributed() ? null : `contributions[].amountsPence.${year}`;
    case 'expenditure':
      return schemes.some((s) => s.spend.some((line) => line.year === year))
        ? null
        : `schemes[].spend for ${year}`;
    case 'nea-annual':
      return metrics.some((m) => m.metric === 'non-elective-admissions' && m.period.startsWith(`${year} Q`))
        ? null
        : `quarterly non-elective-admissions metrics for ${year}`;
    default:
      return contributed(table) ? null : `${table} contributions for ${year}`;
  }
}
