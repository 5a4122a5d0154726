import { PlanContent } from '../../plan/plan';
import { RuleResult, ruleSource } from '../check-result';

/** M1/M2: a stated rate equals numerator / denominator × 100,000 (or × 100), at the stated precision. */
export function checkMetricRate(metric: PlanContent['metrics'][number]): RuleResult[] {
  if (metric.numerator === null || metric.denominator === null || metric.unit === 'count') return [];
  const decimals = (metric.statedValue.split('.')[1] ?? '').length;
  const computed = rateAt(
    metric.numerator,
    metric.denominator,
    metric.unit === 'percent' ? 100n : 100_000n,
    decimals,
  );
  const ok = computed === metric.statedValue;
  return [
    {
      checkId: `M1:${metric.key}`,
      rule: metric.unit === 'percent' ? 'M2' : 'M1',
      severity: ok ? 'information' : 'warning',
      outcome: ok ? 'pass' : 'fail',
      message: `${metric.metric} ${metric.period}: stated ${metric.statedValue}, ${metric.numerator} / ${metric.denominator} gives ${computed}`,
      source: ruleSource(metric.unit === 'percent' ? 'M2' : 'M1'),
      figures: { stated: metric.statedValue, computed },
    },
  ];
}

/** numerator × multiplier / denominator, rounded half up to `decimals` places, as text. */
export function rateAt(numerator: number, denominator: number, multiplier: bigint, decimals: number): string {
  const scale = 10n ** BigInt(decimals);
  const exact = BigInt(numerator) * multiplier * scale;
  const quotient = (exact * 2n + BigInt(denominator)) / (2n * BigInt(denominator));
  const whole = (quotient / scale).toString();
  return decimals === 0 ? whole : `${whole}.${(quotient % scale).toString().padStart(decimals, '0')}`;
}
