import { CheckContext, reportCheck, streamFact } from '../check-context';
import { ReturnCheck } from '../return-check';
import { RuleOf } from './rule-of';

/**
 * The return was submitted by its deadline (Q2), as the submission recorded it: late is a failing finding naming
 * both times, never a refusal; not yet submitted, not checkable. Instants are compared as instants (offsets
 * honoured), not as text.
 */
export function checkDeadline(ctx: CheckContext, rule: RuleOf<'deadline'>): ReturnCheck[] {
  const { submitted, returnId } = ctx.input;
  const base = { checkId: `${rule.rule}:deadline`, field: null };
  const deadline = submitted?.deadline ?? ctx.input.template.quarters[`Q${ctx.input.quarter}`]?.deadline;
  const assumed = deadline?.assumed ? ` (assumed: ${deadline.assumed})` : '';
  const deadlineCell = deadline
    ? [streamFact(returnId, 'deadline', deadline.at, `the deadline of ${returnId}${assumed}`)]
    : [];
  if (!submitted)
    return [
      reportCheck(ctx, rule, 'rule', {
        ...base,
        outcome: 'not-checkable',
        message: `${returnId} is not submitted: its submission cannot yet be compared with the deadline ${deadline?.at ?? '(none)'}${assumed}`,
        cells: deadlineCell,
      }),
    ];
  const at = submitted.deadline.at;
  const late = Date.parse(submitted.submittedAt) > Date.parse(at);
  return [
    reportCheck(ctx, rule, 'rule', {
      ...base,
      outcome: late ? 'fail' : 'pass',
      message: `submitted ${submitted.submittedAt}; deadline ${at}${assumed}: ${late ? 'late' : 'in time'}`,
      cells: [
        streamFact(returnId, 'submittedAt', submitted.submittedAt, `ReturnSubmitted of ${returnId}`),
        ...deadlineCell,
      ],
    }),
  ];
}
