import { CheckContext, cellOf, isFilled, labelOf, pounds, reportCheck, rowsIn } from '../check-context';
import { Rational, addRational, compareRational, formatRational, rationalOf } from '../decimal';
import { ReturnCheck } from '../return-check';
import { RuleOf } from './rule-of';

/**
 * Σ parts = total (Q9: the year's plan, forecast or actual = the pooled fund), exactly (money in pence). When
 * they differ, the commentary must say why: filled, the check passes and says the difference is explained;
 * empty, it fails. A part or the total missing (or not in this quarter's return): not checkable. A rule whose
 * total the quarter's return does not have does not apply.
 */
export function checkSumEquals(ctx: CheckContext, rule: RuleOf<'sum-equals'>): ReturnCheck[] {
  if (!ctx.fields.has(rule.total)) return [];
  const parts = rule.parts.flatMap((p) => (p.includes('*') ? rowsIn(ctx, p).map((row) => row.field) : [p]));
  const money = ctx.fields.get(rule.total)?.field.type === 'money';
  const figure = (r: Rational) => (money && r.d === 1n ? pounds(r.n) : formatRational(r, 2));
  const cells = [...parts, rule.total].map((f) => cellOf(ctx, f));
  const missing = [...parts, rule.total].filter(
    (f) => !ctx.fields.has(f) || rationalOf(ctx.input.cells[f]?.value) === null,
  );
  const base = { checkId: `${rule.rule}:${parts[0] ?? rule.total}`, field: rule.total };
  if (missing.length > 0)
    return [
      reportCheck(ctx, rule, 'rule', {
        ...base,
        outcome: 'not-checkable',
        message: `Σ ${parts.join(' + ')} = ${rule.total} cannot be checked (missing: ${missing.join(', ')})`,
        cells,
      }),
    ];
  const sum = parts.reduce((total, f) => addRational(total, rationalOf(ctx.input.cells[f]?.value)!), {
    n: 0n,
    d: 1n,
  });
  const total = rationalOf(ctx.input.cells[rule.total]?.value)!;
  const difference = addRational(sum, { n: -total.n, d: total.d });
  const commentary = ctx.input.cells[rule.commentary]?.value;
  const said = `Σ ${parts.length} part(s) ${figure(sum)}; ${labelOf(ctx, rule.total)} ${figure(total)}`;
  if (compareRational(sum, total) === 0)
    return [reportCheck(ctx, rule, 'rule', { ...base, outcome: 'pass', message: `${said}: equal`, cells })];
  const explained = isFilled(commentary);
  return [
    reportCheck(ctx, rule, 'rule', {
      ...base,
      outcome: explained ? 'pass' : 'fail',
      message: explained
        ? `${said}: they differ by ${figure(difference)}, and the difference is explained in ${rule.commentary}`
        : `${said}: they differ by ${figure(difference)}, and ${labelOf(ctx, rule.commentary)} is empty`,
      cells: [...cells, cellOf(ctx, rule.commentary)],
    }),
  ];
}
