import { PlanState } from '../../plan/plan';
import { PlanningReference } from '../../reference/planning-reference';
import { RuleResult, pounds, ruleSource, sum } from '../check-result';

/**
 * The planned NHS-minimum contribution to adult social care for the year: the plan's own figure
 * (ascNhsMinimum) where given; else, where the plan has adult-social-care spend lines for the year, those funded
 * from the NHS minimum (iBCF and other money never counts, F7); undefined when it has neither.
 */
function plannedAsc(state: PlanState, year: string): { pence: bigint; from: string } | undefined {
  const stated = state.content.ascNhsMinimum[0]?.amountsPence[year];
  if (stated !== undefined)
    return { pence: BigInt(stated), from: 'contribution to adult social care (ascNhsMinimum)' };
  const lines = state.content.schemes.flatMap((s) =>
    s.spend.filter((l) => l.year === year && l.category === 'adult-social-care'),
  );
  if (lines.length === 0) return undefined;
  const fromNhsMinimum = lines.filter((l) => l.source === 'nhs-minimum').map((l) => l.amountPence);
  return { pence: sum(fromNhsMinimum), from: 'spent on adult social care (scheme spend)' };
}

/** C2: NHS minimum contribution to adult social care ≥ assured 2016-17 baseline × the year's uplift(s). */
export function checkAscMinimum(state: PlanState, reference: PlanningReference, year: string): RuleResult[] {
  const years = Object.keys(reference.ascUpliftBasisPoints).sort();
  if (!years.includes(year)) return [];
  const checkId = `C2:asc-minimum:${year}`;
  const source = ruleSource('C2', { cycle: reference.cycle, keys: ['ascUpliftBasisPoints'] });
  const baseline = state.content.ascBaseline[0];
  const planned = plannedAsc(state, year);
  const missing = [
    ...(baseline ? [] : ['ascBaseline (the assured 2016-17 NHS-to-adult-social-care baseline)']),
    ...(planned ? [] : [`ascNhsMinimum.amountsPence.${year}, or adult-social-care spend lines for ${year}`]),
  ];
  if (!baseline || !planned)
    return [
      {
        checkId,
        rule: 'C2',
        severity: reference.notCheckableSeverity,
        outcome: 'not-checkable',
        message: `${year}: Condition 2 cannot be checked (missing: ${missing.join('; ')})`,
        source,
      },
    ];
  // Factors up to this year (compounded); frontloading applies every year's uplift from the first year.
  const upTo = baseline.frontloaded ? years : years.slice(0, years.indexOf(year) + 1);
  const factor = upTo.reduce(
    (product, y) => product * (10_000n + BigInt(reference.ascUpliftBasisPoints[y]!)),
    1n,
  );
  const scale = 10_000n ** BigInt(upTo.length);
  const asc = planned.pence;
  const requiredExact = BigInt(baseline.baselinePence) * factor;
  const requiredPence = (requiredExact + scale - 1n) / scale; // rounded up: "at least"
  const ok = asc * scale >= requiredExact;
  return [
    {
      checkId,
      rule: 'C2',
      severity: ok ? 'information' : 'blocking',
      outcome: ok ? 'pass' : 'fail',
      message: `${year}: NHS minimum ${planned.from} ${pounds(asc)}; required at least ${pounds(requiredPence)} (baseline ${pounds(baseline.baselinePence)}${baseline.frontloaded ? ', frontloaded' : ''})`,
      source,
      figures: {
        stated: pounds(asc),
        computed: pounds(requiredPence),
        difference: pounds(asc - requiredPence),
      },
    },
  ];
}
