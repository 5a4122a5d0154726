import { PlanningReference } from '../reference/planning-reference';
import { PlanState, StatedTotal } from '../plan/plan';

export type Severity = 'blocking' | 'warning' | 'information';
export type Outcome = 'pass' | 'rounding' | 'fail' | 'not-checkable';

export interface CheckResult {
  /** Stable id of this check on this subject, e.g. `S6:pooled-budget:2017-18`: what a warning acceptance names. */
  checkId: string;
  rule: string;
  /** Blocking stops sign-off; a warning needs a finance officer's acceptance; information is for the record. */
  severity: Severity;
  outcome: Outcome;
  message: string;
  /** Where the rule comes from (the brief and its seed citation). */
  source: string;
  figures?: { stated?: string; computed?: string; difference?: string };
  accepted: boolean;
}

const pounds = (pence: bigint | number): string => {
  const value = BigInt(pence);
  const sign = value < 0n ? '-' : '';
  const abs = value < 0n ? -value : value;
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = (abs % 100n).toString().padStart(2, '0');
  return `${sign}£${whole}${fraction === '00' ? '' : `.${fraction}`}`;
};
const sum = (values: number[]): bigint => values.reduce((total, value) => total + BigInt(value), 0n);
const abs = (value: bigint): bigint => (value < 0n ? -value : value);

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

/**
 * Runs every rule on the plan's current version, with the reference data of its cycle. `area` says whether the
 * HWB area is two-tier (from the registry). Pure: the same plan gives the same report.
 */
export function checkPlan(
  state: PlanState,
  reference: PlanningReference,
  area: { twoTier: boolean },
): CheckResult[] {
  const results: CheckResult[] = [];
  const add = (result: Omit<CheckResult, 'accepted'>) =>
    results.push({ ...result, accepted: state.acceptedWarnings.includes(result.checkId) });
  const tolerance = BigInt(reference.roundingTolerancePence);
  const classify = (difference: bigint, limit: bigint): Outcome =>
    difference === 0n ? 'pass' : abs(difference) <= limit ? 'rounding' : 'fail';

  for (const year of reference.financialYears) {
    // F2: planned expenditure equals the pooled budget (the sum of contributions).
    const pooled = computedTotal(state, 'pooled-budget', year);
    const spend = computedTotal(state, 'expenditure', year);
    const outcome = classify(spend - pooled, tolerance);
    add({
      checkId: `F2:expenditure-equals-pooled:${year}`,
      rule: 'F2',
      severity: outcome === 'fail' ? 'blocking' : 'information',
      outcome,
      message:
        outcome === 'fail'
          ? `${year}: planned expenditure ${pounds(spend)} does not equal the pooled budget ${pounds(pooled)}`
          : `${year}: planned expenditure equals the pooled budget ${pounds(pooled)}`,
      source: 'brief §4.1 F2; 000:303-359',
      figures: { stated: pounds(spend), computed: pounds(pooled), difference: pounds(spend - pooled) },
    });
    checkAscMinimum(state, reference, year, add);
    checkIbcf(state, year, add);
    if (area.twoTier) checkDfgPassDown(state, year, tolerance, classify, add);
  }

  // §6: each stated total against the sum of its parts.
  for (const total of state.content.statedTotals) {
    const computed = computedTotal(state, total.table, total.year);
    const limit = total.table === 'nea-annual' ? BigInt(reference.countTolerance) : tolerance;
    const difference = BigInt(total.value) - computed;
    const outcome = classify(difference, limit);
    const show = (value: bigint) => (total.table === 'nea-annual' ? value.toString() : pounds(value));
    add({
      checkId: `S6:${total.table}:${total.year}`,
      rule: total.table === 'nea-annual' ? 'M3' : 'S6',
      severity: outcome === 'fail' ? 'warning' : 'information',
      outcome,
      message: `${total.year} ${total.table}: stated ${show(BigInt(total.value))}, computed from parts ${show(computed)}${outcome === 'rounding' ? ' (rounding)' : outcome === 'fail' ? ' (discrepancy)' : ''}`,
      source: total.table === 'nea-annual' ? 'brief §4.6 M3; 000:377' : 'brief §6',
      figures: { stated: show(BigInt(total.value)), computed: show(computed), difference: show(difference) },
    });
  }

  // M1/M2: stated rates equal numerator / denominator × 100,000 (or × 100), at the stated precision.
  for (const metric of state.content.metrics) {
    if (metric.numerator === null || metric.denominator === null || metric.unit === 'count') continue;
    const decimals = (metric.statedValue.split('.')[1] ?? '').length;
    const computed = rateAt(
      metric.numerator,
      metric.denominator,
      metric.unit === 'percent' ? 100n : 100_000n,
      decimals,
    );
    const ok = computed === metric.statedValue;
    add({
      checkId: `M1:${metric.key}`,
      rule: metric.unit === 'percent' ? 'M2' : 'M1',
      severity: ok ? 'information' : 'warning',
      outcome: ok ? 'pass' : 'fail',
      message: `${metric.metric} ${metric.period}: stated ${metric.statedValue}, ${metric.numerator} / ${metric.denominator} gives ${computed}`,
      source: metric.unit === 'percent' ? 'brief §4.6 M2; 000:397-399' : 'brief §4.6 M1; 000:386-388',
      figures: { stated: metric.statedValue, computed },
    });
  }

  // R2: risk score = likelihood × impact.
  for (const risk of state.content.risks) {
    if (risk.statedScore === null) continue;
    const computed = risk.likelihood * risk.impact;
    const ok = computed === risk.statedScore;
    add({
      checkId: `R2:${risk.key}`,
      rule: 'R2',
      severity: ok ? 'information' : 'warning',
      outcome: ok ? 'pass' : 'fail',
      message: `risk ${risk.key}: stated score ${risk.statedScore}, ${risk.likelihood} × ${risk.impact} = ${computed}`,
      source: 'brief §4.7 R2; 001:300',
      figures: { stated: String(risk.statedScore), computed: String(computed) },
    });
  }

  // Submitted with no sign-off in this version (brief §3.1, hard guards): a warning.
  const steps = state.steps.map((s) => s.step);
  if (steps.includes('submitted') && !steps.includes('signed-off'))
    add({
      checkId: 'P2:submitted-without-sign-off',
      rule: 'P2',
      severity: 'warning',
      outcome: 'fail',
      message: 'the plan was submitted with no sign-off recorded in this version',
      source: 'brief §3.1; §4.3 P2; 004:671',
    });
  if (
    steps.includes('signed-off') &&
    state.steps.some((s) => s.step === 'signed-off' && s.delegated) &&
    !steps.includes('reported-back')
  )
    add({
      checkId: 'P12:delegated-sign-off-not-reported',
      rule: 'P12',
      severity: 'warning',
      outcome: 'fail',
      message: 'signed off by a delegate, and not yet reported back to the Board',
      source: 'brief §4.3 P12; 000:442, 004:2696',
    });

  // P10: every scheme should support at least one national condition.
  for (const scheme of state.content.schemes.filter((s) => s.nationalConditions.length === 0))
    add({
      checkId: `P10:${scheme.key}`,
      rule: 'P10',
      severity: 'warning',
      outcome: 'fail',
      message: `scheme '${scheme.name}' supports no national condition`,
      source: 'brief §4.3 P10; 000:182',
    });
  return results;
}

/** numerator × multiplier / denominator, rounded half up to `decimals` places, as text. */
export function rateAt(numerator: number, denominator: number, multiplier: bigint, decimals: number): string {
  const scale = 10n ** BigInt(decimals);
  const exact = BigInt(numerator) * multiplier * scale;
  const quotient = (exact * 2n + BigInt(denominator)) / (2n * BigInt(denominator));
  const whole = (quotient / scale).toString();
  return decimals === 0 ? whole : `${whole}.${(quotient % scale).toString().padStart(decimals, '0')}`;
}

type Add = (result: Omit<CheckResult, 'accepted'>) => void;

/** C2: NHS minimum contribution to adult social care ≥ assured 2016-17 baseline × the year's uplift(s). */
function checkAscMinimum(state: PlanState, reference: PlanningReference, year: string, add: Add): void {
  const years = Object.keys(reference.ascUpliftBasisPoints).sort();
  if (!years.includes(year)) return;
  const checkId = `C2:asc-minimum:${year}`;
  const source = `brief §4.2 C2-1..C2-3; ${reference.ascUpliftSource}`;
  const baseline = state.content.ascBaseline[0];
  if (!baseline) {
    add({
      checkId,
      rule: 'C2',
      severity: reference.notCheckableSeverity,
      outcome: 'not-checkable',
      message: `${year}: no assured 2016-17 NHS-to-adult-social-care baseline is recorded, so Condition 2 cannot be checked`,
      source,
    });
    return;
  }
  // Factors up to this year (compounded); frontloading applies every year's uplift from the first year.
  const upTo = baseline.frontloaded ? years : years.slice(0, years.indexOf(year) + 1);
  const factor = upTo.reduce(
    (product, y) => product * (10_000n + BigInt(reference.ascUpliftBasisPoints[y]!)),
    1n,
  );
  const scale = 10_000n ** BigInt(upTo.length);
  const asc = sum(
    state.content.schemes.flatMap((s) =>
      s.spend
        .filter((l) => l.year === year && l.category === 'adult-social-care' && l.source === 'nhs-minimum')
        .map((l) => l.amountPence),
    ),
  );
  const requiredExact = BigInt(baseline.baselinePence) * factor;
  const requiredPence = (requiredExact + scale - 1n) / scale; // rounded up: "at least"
  const ok = asc * scale >= requiredExact;
  add({
    checkId,
    rule: 'C2',
    severity: ok ? 'information' : 'blocking',
    outcome: ok ? 'pass' : 'fail',
    message: `${year}: NHS minimum spent on adult social care ${pounds(asc)}; required at least ${pounds(requiredPence)} (baseline ${pounds(baseline.baselinePence)}${baseline.frontloaded ? ', frontloaded' : ''})`,
    source,
    figures: {
      stated: pounds(asc),
      computed: pounds(requiredPence),
      difference: pounds(asc - requiredPence),
    },
  });
}

/** F6/F7: the iBCF is pooled, and iBCF-funded spend never counts toward the NHS minimum to adult social care. */
function checkIbcf(state: PlanState, year: string, add: Add): void {
  const pooled = sum(
    state.content.contributions.filter((c) => c.source === 'ibcf').map((c) => c.amountsPence[year] ?? 0),
  );
  const spent = sum(
    state.content.schemes.flatMap((s) =>
      s.spend.filter((l) => l.year === year && l.source === 'ibcf').map((l) => l.amountPence),
    ),
  );
  if (pooled === 0n && spent === 0n) return;
  const ok = spent <= pooled;
  add({
    checkId: `F7:ibcf:${year}`,
    rule: 'F7',
    severity: ok ? 'information' : 'blocking',
    outcome: ok ? 'pass' : 'fail',
    message: ok
      ? `${year}: iBCF ${pounds(pooled)} is pooled; the ${pounds(spent)} it funds is excluded from the NHS-to-adult-social-care figure`
      : `${year}: schemes spend ${pounds(spent)} of iBCF but only ${pounds(pooled)} is pooled: the difference would offset other money`,
    source: 'brief §4.1 F6, F7; 004:471, 004:477',
    figures: { stated: pounds(spent), computed: pounds(pooled) },
  });
}

/** F13: in two-tier areas the DFG passes to the districts in full, unless a joint agreement says otherwise. */
function checkDfgPassDown(
  state: PlanState,
  year: string,
  tolerance: bigint,
  classify: (difference: bigint, limit: bigint) => Outcome,
  add: Add,
): void {
  const county = computedTotal(state, 'dfg', year);
  if (county === 0n) return;
  const districts = sum(state.content.dfgPassDown.map((d) => d.amountsPence[year] ?? 0));
  const outcome = classify(districts - county, tolerance);
  const agreed = state.content.dfgJointAgreements.find((agreement) => agreement.year === year);
  add({
    checkId: `F13:dfg-pass-down:${year}`,
    rule: 'F13',
    severity: outcome === 'fail' && !agreed ? 'blocking' : 'information',
    outcome,
    message: `${year}: DFG ${pounds(county)}; passed down to districts ${pounds(districts)}${outcome === 'rounding' ? ' (rounding)' : ''}${outcome === 'fail' && agreed ? `; retained by joint agreement (${agreed.source})` : ''}`,
    source: 'brief §4.1 F13; 004:467',
    figures: { stated: pounds(districts), computed: pounds(county), difference: pounds(districts - county) },
  });
}

/** What stops sign-off: blocking failures, and warnings no finance officer has accepted. */
export function signOffObstacles(results: CheckResult[]): CheckResult[] {
  return results.filter(
    (result) =>
      (result.severity === 'blocking' && result.outcome !== 'pass') ||
      (result.severity === 'warning' && !result.accepted),
  );
}
