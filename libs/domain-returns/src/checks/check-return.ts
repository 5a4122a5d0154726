import { Quarter } from '@bcl/kernel';
import { ReturnTemplate } from '../template/return-template';
import { SectionValidation } from '../return/quarterly-return';
import { ReturnCheck, ReturnUnderCheck } from './return-check';

/** Every template rule and consistency check of the return's template, applied to the return. Pure. */
export function checkReturn(input: ReturnUnderCheck): ReturnCheck[] {
  void input;
  throw new Error('not implemented yet (checks helper)');
}

/** Each section of the quarter's return: green when none of its blocking rule checks fails (Q3, Q4). */
export function sectionValidations(
  template: ReturnTemplate,
  quarter: Quarter,
  checks: ReturnCheck[],
): SectionValidation[] {
  void template;
  void quarter;
  void checks;
  throw new Error('not implemented yet (checks helper)');
}
