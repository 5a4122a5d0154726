import { CheckContext, cellOf, isFilled, labelOf, reportCheck, rowsIn } from '../check-context';
import { bindPattern } from '../field-patterns';
import { ReturnCheck } from '../return-check';
import { RuleOf } from './rule-of';

/** A filled text needs its paired field filled (Q19: each success or challenge has a category). Per pair. */
export function checkPaired(ctx: CheckContext, rule: RuleOf<'paired'>): ReturnCheck[] {
  return rule.pairs.flatMap(([textPattern, pairPattern]) =>
    rowsIn(ctx, textPattern)
      .map(({ field, bound }) => ({ text: field, pair: bindPattern(pairPattern, bound) }))
      .filter(({ pair }) => ctx.fields.has(pair))
      .map(({ text, pair }) => {
        const written = isFilled(ctx.input.cells[text]?.value);
        const paired = isFilled(ctx.input.cells[pair]?.value);
        return reportCheck(ctx, rule, 'rule', {
          checkId: `${rule.rule}:${text}`,
          field: text,
          outcome: written && !paired ? 'fail' : 'pass',
          message: !written
            ? `${labelOf(ctx, text)} is empty: ${pair} is not needed`
            : paired
              ? `${labelOf(ctx, text)} has its ${pair}`
              : `${labelOf(ctx, text)} is filled but ${labelOf(ctx, pair)} is empty`,
          cells: [cellOf(ctx, text), cellOf(ctx, pair)],
        });
      }),
  );
}
