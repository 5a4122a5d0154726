import { isVisibleText, refuse } from '@bcl/kernel';
import { ReturnTemplate } from '../template/return-template';
import { CellProblem, CellsRefused } from './cells-refused';
import { FieldValue, QuarterlyReturnState, ReturnEvent } from './quarterly-return';
import { filledByTheLedger, previouslyReturned, writableReturn } from './return-guards';
import { normaliseValues } from './template-fields';
import { valueProblems } from './value-rules';

export interface EnterFields {
  values: Record<string, FieldValue>;
  /** The person id from authentication. */
  enteredBy: string;
}

/**
 * Fills cells of a return (a fill or an import): text is stored trimmed in NFC. Refused once submitted; every
 * bad cell at once (`CellsRefused`): values `valueProblems` refuses, and changes of figures previously returned (a
 * carried field whose value came from an earlier return, or was amended here: change it by `amendPriorQuarter`,
 * with a reason; the same value again, as a whole workbook re-imported gives it, is no change). Only cells
 * whose value changes are recorded; an entry that changes nothing records nothing. An entry makes the next
 * version: a sign-off of the version before no longer applies.
 */
export function enterFields(
  state: QuarterlyReturnState | undefined,
  command: EnterFields,
  template: ReturnTemplate,
): ReturnEvent[] {
  const current = writableReturn(state, template);
  if (Object.keys(command.values).length === 0) refuse('invalid', 'values', 'give at least one field');
  if (!isVisibleText(command.enteredBy)) refuse('invalid', 'enteredBy', 'must name who entered the values');
  const values = normaliseValues(template, command.values);
  const problems = valueProblems(template, current.quarter, values);
  const refused = new Set(problems.map((p) => p.field));
  const carried: CellProblem[] = Object.keys(values)
    .filter(
      (field) =>
        !refused.has(field) &&
        previouslyReturned(current.cells[field]) &&
        current.cells[field]!.value !== values[field],
    )
    .map((field) => ({
      field,
      reason: `previously returned (${describe(current.cells[field]!.from)}): amend it, with a reason`,
    }));
  const prefilled: CellProblem[] = Object.keys(values)
    .filter(
      (field) =>
        !refused.has(field) &&
        filledByTheLedger(current.cells[field]) &&
        current.cells[field]!.value !== values[field],
    )
    .map((field) => ({
      field,
      reason: `pre-populated from the ledger (${describe(current.cells[field]!.from)}): never retyped; correct the ledger's record instead`,
    }));
  if (problems.length + carried.length + prefilled.length > 0)
    throw new CellsRefused([...problems, ...carried, ...prefilled]);
  const changed = Object.fromEntries(
    Object.entries(values).filter(([field, value]) => (current.cells[field]?.value ?? null) !== value),
  );
  if (Object.keys(changed).length === 0) return [];
  return [
    {
      type: 'ReturnFieldsEntered',
      data: {
        returnId: current.returnId,
        version: current.version + 1,
        enteredBy: command.enteredBy,
        values: changed,
      },
    },
  ];
}

const describe = (from: QuarterlyReturnState['cells'][string]['from']): string =>
  from.kind === 'previous-return'
    ? `in return '${from.returnId}'`
    : from.kind === 'ledger'
      ? from.description
      : from.kind === 'reference'
        ? `${from.key} of ${from.file}`
        : `amended at revision ${'revision' in from ? from.revision : '?'}`;
