import { PlanState, StatedTotal } from '../../plan/plan';
import { PlanningReference } from '../../reference/planning-reference';
import { RuleResult, classify, pounds, ruleSource } from '../check-result';
import { computedTotal } from '../computed-total';

/** The stated-total tables that are parts of another: the pooled budget is made of its funding sources. */
const SUBTOTALS: Partial<Record<StatedTotal['table'], StatedTotal['table'][]>> = {
  'pooled-budget': ['nhs-minimum', 'nhs-additional', 'dfg', 'council-additional', 'ibcf'],
};

/**
 * S6 against the stated subtotals: where a stated total's parts are themselves stated (the pooled budget's
 * "Total Minimum CCG Contribution", "Total iBCF Contribution", …), the total is checked against them too,
 * each part taken as stated where a subtotal is stated and as the sum of its lines where not. The result
 * shows both: against the stated subtotals and against the lines (the plain S6 result). Where the subtotals
 * give the same figure as the lines, the plain S6 result says it all and nothing is added.
 */
export function checkStatedSubtotals(
  state: PlanState,
  reference: PlanningReference,
  total: StatedTotal,
  tolerance: bigint,
): RuleResult[] {
  const parts = SUBTOTALS[total.table];
  if (!parts) return [];
  const stated = (table: StatedTotal['table']) =>
    state.content.statedTotals.find((t) => t.table === table && t.year === total.year);
  const given = parts.filter((table) => stated(table) !== undefined);
  if (given.length === 0) return [];
  const fromLines = computedTotal(state, total.table, total.year);
  // the lines, with each stated subtotal standing in for its own lines (other lines, e.g. carry-forward, kept)
  const fromSubtotals = given.reduce(
    (sum, table) => sum + BigInt(stated(table)!.value) - computedTotal(state, table, total.year),
    fromLines,
  );
  if (fromSubtotals === fromLines) return []; // the same figure as the plain S6 result: nothing more to show
  const difference = BigInt(total.value) - fromSubtotals;
  const outcome = classify(difference, tolerance);
  const linesOutcome = classify(BigInt(total.value) - fromLines, tolerance);
  const note = (o: string) =>
    o === 'rounding' ? ' (rounding)' : o === 'fail' ? ' (discrepancy)' : ' (agrees)';
  return [
    {
      checkId: `S6:${total.table}:${total.year}:subtotals`,
      rule: 'S6',
      severity: outcome === 'fail' ? 'warning' : 'information',
      outcome,
      message: `${total.year} ${total.table}: stated ${pounds(total.value)}; from the stated subtotals (${given.join(', ')}) ${pounds(fromSubtotals)}${note(outcome)}; from the lines ${pounds(fromLines)}${note(linesOutcome)}`,
      source: ruleSource('S6', { cycle: reference.cycle, keys: ['roundingTolerancePence'] }),
      figures: {
        stated: pounds(total.value),
        computed: pounds(fromSubtotals),
        difference: pounds(difference),
      },
    },
  ];
}
