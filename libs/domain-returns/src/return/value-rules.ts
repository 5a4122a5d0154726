import { Quarter } from '@bcl/kernel';
import { ReturnTemplate } from '../template/return-template';
import { FieldValue } from './quarterly-return';
import { CellProblem } from './cells-refused';

/**
 * What can never be right in a cell, whatever else the return says: an unknown field or one this quarter's
 * return does not have, a value of the wrong type, an answer not on its list, a number outside the bounds (Q5),
 * a text too long. Every write (fill, import, amendment) refuses these, one problem per cell.
 */
export function valueProblems(
  template: ReturnTemplate,
  quarter: Quarter,
  values: Record<string, FieldValue>,
): CellProblem[] {
  void template;
  void quarter;
  void values;
  throw new Error('not implemented yet (lifecycle helper)');
}
