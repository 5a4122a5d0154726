import { refuse } from '@bcl/kernel';
import { ReturnTemplate } from '../template/return-template';
import { Cell, QuarterlyReturnState } from './quarterly-return';

/** The refusal of every write to a submitted return (409). */
export const SUBMITTED_NEVER_CHANGES =
  "a submitted return never changes: amend its figures from a later quarter's return";

/**
 * The return a write may change: issued (else not-found) and not submitted (else conflict), read with the
 * template it was issued on.
 */
export function writableReturn(
  state: QuarterlyReturnState | undefined,
  template?: ReturnTemplate,
): QuarterlyReturnState {
  if (state === undefined) return refuse('not-found', 'returnId', 'the return is not issued');
  if (state.submitted !== null)
    refuse(
      'conflict',
      'returnId',
      `${SUBMITTED_NEVER_CHANGES} (version ${state.submitted.version} submitted)`,
    );
  if (template !== undefined && template.templateVersion !== state.templateVersion)
    refuse(
      'invalid',
      'templateVersion',
      `return '${state.returnId}' is on template '${state.templateVersion}', not '${template.templateVersion}'`,
    );
  return state;
}

/** Whether a cell holds a figure previously returned (carried from, or since amended in, a return). */
export const previouslyReturned = (cell: Cell | undefined): boolean =>
  cell !== undefined && (cell.from.kind === 'previous-return' || cell.from.kind === 'amended');

/**
 * Whether a cell holds what the ledger itself pre-filled (a figure it holds, or reference data): never retyped in
 * the return; the ledger's record is what changes. A cell the ledger could not fill (nothing recorded) is the
 * council's to enter.
 */
export const filledByTheLedger = (cell: Cell | undefined): boolean =>
  cell !== undefined &&
  ((cell.from.kind === 'ledger' && cell.value !== null) || cell.from.kind === 'reference');
