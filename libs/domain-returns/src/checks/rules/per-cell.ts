import { CheckContext, RuleOrigin, cellOf, reportCheck } from '../check-context';
import { ReturnCheck } from '../return-check';

/**
 * A rule on single cells: a failing check per offending cell (`<rule>:<field>`), and a passing one per section
 * whose cells all pass (`<rule>:<section>`), so every section the rule covers shows it.
 */
export function checkEachCell(
  ctx: CheckContext,
  origin: RuleOrigin,
  fields: string[],
  problem: (field: string) => string | null,
  passed: (count: number) => string,
): ReturnCheck[] {
  const failing: ReturnCheck[] = [];
  const bySection = new Map<string, { first: string; count: number; failed: boolean }>();
  for (const field of fields) {
    const section = ctx.fields.get(field)?.section ?? '';
    const seen = bySection.get(section) ?? { first: field, count: 0, failed: false };
    seen.count += 1;
    const wrong = problem(field);
    if (wrong !== null) {
      seen.failed = true;
      failing.push(
        reportCheck(ctx, origin, 'rule', {
          checkId: `${origin.rule}:${field}`,
          field,
          outcome: 'fail',
          message: wrong,
          cells: [cellOf(ctx, field)],
        }),
      );
    }
    bySection.set(section, seen);
  }
  const passing = [...bySection.entries()]
    .filter(([, seen]) => !seen.failed)
    .map(([section, seen]) =>
      reportCheck(ctx, origin, 'rule', {
        checkId: `${origin.rule}:${section}`,
        field: seen.first,
        outcome: 'pass',
        message: passed(seen.count),
        cells: [],
      }),
    );
  return [...failing, ...passing];
}
