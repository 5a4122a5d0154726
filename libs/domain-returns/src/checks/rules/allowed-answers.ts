import { isCalendarDate } from '@bcl/kernel';
import { CheckContext, isFilled, isNotAvailable, labelOf } from '../check-context';
import { ReturnCheck } from '../return-check';
import { checkEachCell } from './per-cell';
import { RuleOf } from './rule-of';

/**
 * Every filled choice cell is one of its list's answers (or `NOT_AVAILABLE` where the field allows it), and
 * every filled live-or-date cell is `Live` or a date (Q18).
 */
export function checkAllowedAnswers(ctx: CheckContext, rule: RuleOf<'allowed-answers'>): ReturnCheck[] {
  const { lists } = ctx.input.template;
  const fields = [...ctx.fields.entries()]
    .filter(
      ([id, at]) =>
        ['choice', 'live-or-date'].includes(at.field.type) && isFilled(ctx.input.cells[id]?.value),
    )
    .map(([id]) => id);
  return checkEachCell(
    ctx,
    rule,
    fields,
    (field) => {
      const template = ctx.fields.get(field)!.field;
      const value = ctx.input.cells[field]?.value;
      if (template.notAvailable && isNotAvailable(value)) return null;
      if (template.type === 'live-or-date')
        return value === 'Live' || isCalendarDate(value)
          ? null
          : `${labelOf(ctx, field)} is '${String(value)}': neither 'Live' nor a date`;
      const allowed = lists[template.list ?? ''];
      if (!allowed) return `${labelOf(ctx, field)}: its list '${template.list ?? ''}' is not in the template`;
      return allowed.includes(String(value))
        ? null
        : `${labelOf(ctx, field)} is '${String(value)}': not one of ${allowed.map((a) => `'${a}'`).join(', ')}`;
    },
    (count) => `all ${count} answer(s) of the section are on their lists`,
  );
}
