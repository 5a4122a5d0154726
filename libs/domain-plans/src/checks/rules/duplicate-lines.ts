import { PlanState } from '../../plan/plan';
import { PlanningReference } from '../../reference/planning-reference';
import { RuleResult, pounds, ruleSource } from '../check-result';

interface Line {
  section: 'contributions' | 'dfgPassDown' | 'schemes';
  key: string;
  label: string;
  amounts: bigint[];
}

/** Each money line of the plan, with its amount in each of the cycle's years (a scheme: Σ its spend lines). */
function linesOf(state: PlanState, years: string[]): Line[] {
  const { contributions, dfgPassDown, schemes } = state.content;
  const byYear = (amounts: Record<string, number>) => years.map((y) => BigInt(amounts[y] ?? 0));
  return [
    ...contributions.map((c) => ({
      section: 'contributions' as const,
      key: c.key,
      label: `'${c.key}'`,
      amounts: byYear(c.amountsPence),
    })),
    ...dfgPassDown.map((d) => ({
      section: 'dfgPassDown' as const,
      key: d.key,
      label: `'${d.key}'`,
      amounts: byYear(d.amountsPence),
    })),
    ...schemes
      .filter((s) => s.spend.length > 0)
      .map((s) => ({
        section: 'schemes' as const,
        key: s.key,
        label: `'${s.key}' (${s.name})`,
        amounts: years.map((y) =>
          s.spend.filter((l) => l.year === y).reduce((t, l) => t + BigInt(l.amountPence), 0n),
        ),
      })),
  ];
}

/**
 * D1: two lines of the same section with identical amounts in every year of the cycle may be one line entered
 * twice: a warning naming both. Lines that are zero in every year are not compared.
 */
export function checkDuplicateLines(state: PlanState, reference: PlanningReference): RuleResult[] {
  const years = reference.financialYears;
  const lines = linesOf(state, years).filter((line) => line.amounts.some((a) => a !== 0n));
  const results: RuleResult[] = [];
  lines.forEach((a, i) =>
    lines.slice(i + 1).forEach((b) => {
      if (a.section !== b.section || a.amounts.some((amount, y) => amount !== b.amounts[y])) return;
      const figures = years.map((y, n) => `${y} ${pounds(a.amounts[n]!)}`).join(', ');
      results.push({
        checkId: `D1:possible-duplicate:${a.section}:${a.key}+${b.key}`,
        rule: 'D1',
        severity: 'warning',
        outcome: 'fail',
        message: `${a.section} ${a.label} and ${b.label} have identical amounts in every year (${figures}): possible duplicate`,
        source: ruleSource('D1', { cycle: reference.cycle, keys: ['financialYears'] }),
        figures: { stated: figures },
      });
    }),
  );
  return results;
}
