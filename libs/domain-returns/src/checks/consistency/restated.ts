import { returnStream } from '../../return/quarterly-return';
import { CheckContext, CheckCell, labelOf, reportCheck, shown } from '../check-context';
import { ReturnCheck } from '../return-check';
import { ConsistencyOf } from '../rules/rule-of';

/**
 * Each prior-quarter figure this return restates (Q11, Q12): one finding per amendment, with the value previously
 * returned (from the earlier return where the checks have it) and the amended one, who amended it and why.
 */
export function checkRestated(ctx: CheckContext, check: ConsistencyOf<'restated'>): ReturnCheck[] {
  const { returnId } = ctx.input;
  return ctx.input.amendments.map((amendment) => {
    const earlier = ctx.input.earlier.find((r) => r.returnId === amendment.targetReturnId);
    const earlierCell = earlier?.cells[amendment.field];
    const previous: CheckCell = {
      field: amendment.field,
      returnId: amendment.targetReturnId,
      value: amendment.previousValue,
      from:
        earlierCell && earlierCell.value === amendment.previousValue
          ? earlierCell.from
          : {
              kind: 'ledger',
              description: `${amendment.field} as returned in ${amendment.targetReturnId}`,
              stream: returnStream(amendment.targetReturnId),
              revision: null,
              position: null,
            },
    };
    const revision = (amendment as { revision?: unknown }).revision;
    const amended: CheckCell = {
      field: amendment.field,
      returnId,
      value: amendment.amendedValue,
      from:
        typeof revision === 'number'
          ? { kind: 'amended', stream: returnStream(returnId), revision, position: null }
          : {
              kind: 'ledger',
              description: `PriorQuarterAmended of ${amendment.field} in ${returnId} (version ${amendment.version})`,
              stream: returnStream(returnId),
              revision: null,
              position: null,
            },
    };
    return reportCheck(ctx, check, 'consistency', {
      checkId: `${check.rule}:${amendment.field}@${amendment.targetReturnId}`,
      field: amendment.field,
      outcome: 'fail',
      message: `${labelOf(ctx, amendment.field)} for Q${amendment.targetQuarter} restated from ${shown(ctx, amendment.field, amendment.previousValue)} (${amendment.targetReturnId}) to ${shown(ctx, amendment.field, amendment.amendedValue)} by ${amendment.amendedBy}: ${amendment.reason}`,
      cells: [previous, amended],
    });
  });
}
