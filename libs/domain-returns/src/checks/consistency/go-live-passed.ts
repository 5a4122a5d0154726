import { isCalendarDate } from '@bcl/kernel';
import { CheckContext, cellOf, isFilled, labelOf, reportCheck, rowsIn, streamFact } from '../check-context';
import { ReturnCheck } from '../return-check';
import { ConsistencyOf } from '../rules/rule-of';

/**
 * A projected go-live date (live-or-date, Q18) already past on the date the return was completed: the field
 * still gives a date, not `Live`, so the setting is not live although its date has gone. A date on or after
 * `completedOn`, or `Live`: pass. Empty: nothing to check (the required rule says so).
 */
export function checkGoLivePassed(ctx: CheckContext, check: ConsistencyOf<'go-live-passed'>): ReturnCheck[] {
  const { completedOn, returnId, submitted } = ctx.input;
  const completed = streamFact(
    returnId,
    'completedOn',
    completedOn,
    submitted ? `the submission date of ${returnId}` : `the date ${returnId} is read on (not submitted)`,
  );
  const fields = [...new Set(check.fields.flatMap((p) => rowsIn(ctx, p).map((row) => row.field)))];
  return fields
    .filter((field) => isFilled(ctx.input.cells[field]?.value))
    .map((field) => {
      const value = ctx.input.cells[field]?.value;
      const passed = isCalendarDate(value) && value < completedOn;
      return reportCheck(ctx, check, 'consistency', {
        checkId: `${check.rule}:${field}`,
        field,
        outcome: passed ? 'fail' : 'pass',
        message: passed
          ? `${labelOf(ctx, field)} projects go-live on ${String(value)}, before ${completedOn} when the return was completed, and is not 'Live'`
          : `${labelOf(ctx, field)} is '${String(value)}' on ${completedOn}: no projected date has passed`,
        cells: [cellOf(ctx, field), completed],
      });
    });
}
