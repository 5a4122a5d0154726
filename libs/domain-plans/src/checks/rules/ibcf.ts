import { PlanState } from '../../plan/plan';
import { RuleResult, pounds, sum, ruleSource } from '../check-result';

/** F6/F7: the iBCF is pooled, and iBCF-funded spend never counts toward the NHS minimum to adult social care. */
export function checkIbcf(state: PlanState, year: string): RuleResult[] {
  const pooled = sum(
    state.content.contributions.filter((c) => c.source === 'ibcf').map((c) => c.amountsPence[year] ?? 0),
  );
  const spent = sum(
    state.content.schemes.flatMap((s) =>
      s.spend.filter((l) => l.year === year && l.source === 'ibcf').map((l) => l.amountPence),
    ),
  );
  if (pooled === 0n && spent === 0n) return [];
  const ok = spent <= pooled;
  return [
    {
      checkId: `F7:ibcf:${year}`,
      rule: 'F7',
      severity: ok ? 'information' : 'blocking',
      outcome: ok ? 'pass' : 'fail',
      message: ok
        ? `${year}: iBCF ${pounds(pooled)} is pooled; the ${pounds(spent)} it funds is excluded from the NHS-to-adult-social-care figure`
        : `${year}: schemes spend ${pounds(spent)} of iBCF but only ${pounds(pooled)} is pooled: the difference would offset other money`,
      source: ruleSource('F7', undefined, 'the funding sources of the plan (ibcf)'),
      figures: { stated: pounds(spent), computed: pounds(pooled) },
    },
  ];
}
