import { PlanContent } from '../../plan/plan';
import { RuleResult, ruleSource } from '../check-result';

/** R2: a stated risk score equals likelihood × impact. */
export function checkRiskScore(risk: PlanContent['risks'][number]): RuleResult[] {
  if (risk.statedScore === null) return [];
  const computed = risk.likelihood * risk.impact;
  const ok = computed === risk.statedScore;
  return [
    {
      checkId: `R2:${risk.key}`,
      rule: 'R2',
      severity: ok ? 'information' : 'warning',
      outcome: ok ? 'pass' : 'fail',
      message: `risk ${risk.key}: stated score ${risk.statedScore}, ${risk.likelihood} × ${risk.impact} = ${computed}`,
      source: ruleSource('R2'),
      figures: { stated: String(risk.statedScore), computed: String(computed) },
    },
  ];
}
