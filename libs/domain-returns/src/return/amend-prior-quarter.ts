import { isVisibleText, refuse } from '@bcl/kernel';
import { ReturnTemplate } from '../template/return-template';
import { CellsRefused } from './cells-refused';
import { FieldValue, QuarterlyReturnState, ReturnEvent } from './quarterly-return';
import { previouslyReturned, writableReturn } from './return-guards';
import { fieldsOfQuarter, normaliseValues } from './template-fields';
import { valueProblems } from './value-rules';

export interface AmendPriorQuarter {
  field: string;
  value: FieldValue;
  reason: string;
  /** The person id from authentication. */
  amendedBy: string;
}

/**
 * Changes a figure previously returned (Q11, Q12), in this (later) return: only a carried field whose value
 * came from an earlier return (or was already amended here), to a valid value that differs, with a reason.
 * Records both values, the quarter the figure is for and the return it was returned in; the next version.
 * Refused once this return is submitted.
 */
export function amendPriorQuarter(
  state: QuarterlyReturnState | undefined,
  command: AmendPriorQuarter,
  template: ReturnTemplate,
): ReturnEvent[] {
  const current = writableReturn(state, template);
  const { field } = command;
  const value = normaliseValues(template, { [field]: command.value })[field] ?? null;
  const problems = valueProblems(template, current.quarter, { [field]: value });
  if (problems.length > 0) throw new CellsRefused(problems);
  const placed = fieldsOfQuarter(template, current.quarter).get(field)!;
  if (!placed.field.carried)
    refuse(
      'invalid',
      'field',
      `'${field}' is not a figure carried from quarter to quarter: enter it instead`,
    );
  const cell = current.cells[field];
  if (!previouslyReturned(cell))
    refuse('conflict', 'field', `'${field}' was not previously returned: enter it instead`);
  const targetQuarter = placed.field.quarter;
  if (targetQuarter === undefined)
    refuse('invalid', 'field', `the template gives no quarter for '${field}' (its 'quarter')`);
  if (cell!.value === value) refuse('invalid', 'value', `'${field}' is already ${String(value)}`);
  if (!isVisibleText(command.reason)) refuse('invalid', 'reason', 'say why the figure is amended');
  if (!isVisibleText(command.amendedBy)) refuse('invalid', 'amendedBy', 'must name who amended the figure');
  const from = cell!.from;
  const targetReturnId =
    from.kind === 'previous-return'
      ? from.returnId
      : current.amendments.filter((a) => a.field === field).at(-1)!.targetReturnId;
  return [
    {
      type: 'PriorQuarterAmended',
      data: {
        returnId: current.returnId,
        version: current.version + 1,
        field,
        targetQuarter,
        targetReturnId,
        previousValue: cell!.value,
        amendedValue: value,
        amendedBy: command.amendedBy,
        reason: command.reason.trim(),
      },
    },
  ];
}
