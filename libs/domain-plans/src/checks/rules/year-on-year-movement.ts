import { PlanState, StatedTotal } from '../../plan/plan';
import { PlanningReference } from '../../reference/planning-reference';
import { RuleResult, classify, ruleSource } from '../check-result';
import { computedTotal, missingParts } from '../computed-total';

const SOURCE = (reference: PlanningReference) =>
  ruleSource('Y1', {
    cycle: reference.cycle,
    keys: ['financialYears', 'roundingTolerancePence', 'countTolerance'],
  });

const signed = (value: bigint, unit: string) => `${value < 0n ? '' : '+'}${value}${unit}`;

/**
 * Y1: for a stated total given for two consecutive years of the cycle, its movement (later year − earlier year)
 * against the movement of its lines. They may differ by each year's rounding, so within twice the rounding
 * tolerance is rounding; beyond it, a warning naming both movements (in pence, or admissions). Without the
 * other year's stated total, or without lines in either year, the rule says what is missing.
 */
export function checkYearOnYearMovement(state: PlanState, reference: PlanningReference): RuleResult[] {
  const years = reference.financialYears;
  const tables = [...new Set(state.content.statedTotals.map((t) => t.table))].sort();
  const statedFor = (table: StatedTotal['table'], year: string) =>
    state.content.statedTotals.find((t) => t.table === table && t.year === year);
  return tables.flatMap((table) =>
    years.slice(1).flatMap((later, index): RuleResult[] => {
      const earlier = years[index]!;
      const pair = [statedFor(table, earlier), statedFor(table, later)] as const;
      if (!pair[0] && !pair[1]) return [];
      const counted = table === 'nea-annual';
      const unit = counted ? ' admissions' : 'p';
      const checkId = `Y1:${table}:${earlier}..${later}`;
      const base = { checkId, rule: 'Y1', source: SOURCE(reference) };
      const missing = [
        ...pair.flatMap((stated, n) =>
          stated ? [] : [`a stated ${table} total for ${[earlier, later][n]}`],
        ),
        ...[earlier, later].flatMap((year) => missingParts(state, table, year) ?? []),
      ];
      if (missing.length > 0)
        return [
          {
            ...base,
            severity: reference.notCheckableSeverity,
            outcome: 'not-checkable',
            message: `${table} ${earlier} to ${later}: the movement cannot be checked (missing: ${missing.join('; ')})`,
          },
        ];
      const statedMovement = BigInt(pair[1]!.value) - BigInt(pair[0]!.value);
      const linesMovement = computedTotal(state, table, later) - computedTotal(state, table, earlier);
      const limit = 2n * BigInt(counted ? reference.countTolerance : reference.roundingTolerancePence);
      const outcome = classify(statedMovement - linesMovement, limit);
      const both = `stated movement ${signed(statedMovement, unit)}, movement of its lines ${signed(linesMovement, unit)}`;
      return [
        {
          ...base,
          severity: outcome === 'fail' ? 'warning' : 'information',
          outcome,
          message: `${table} ${earlier} to ${later}: ${both}${outcome === 'fail' ? ' (they disagree)' : outcome === 'rounding' ? ' (rounding)' : ''}`,
          figures: {
            stated: signed(statedMovement, unit),
            computed: signed(linesMovement, unit),
            difference: signed(statedMovement - linesMovement, unit),
          },
        },
      ];
    }),
  );
}
