/**
 * The quarterly-returns domain as the API uses it: the one place it is imported from.
 * STAND-IN: replaced at merge. Until the lifecycle, checks and template helpers' code is merged, these are the
 * stand-ins of `@bcl/quarterly-returns` (`return-repository.stand-in.ts`); at merge this file becomes
 * `export { evolveReturn, issueReturn, enterFields, amendPriorQuarter, validateReturn, submitReturn, returnView,
 * returnHistory, checkReturn, sectionValidations } from '@bcl/domain-returns'` and
 * `export { readReturnTemplate } from '@bcl/quarterly-returns'`, with their signatures reconciled.
 */
import { standIn } from '@bcl/quarterly-returns';

export const {
  evolveReturn,
  issueReturn,
  enterFields,
  amendPriorQuarter,
  validateReturn,
  submitReturn,
  returnView,
  returnHistory,
  checkReturn,
  sectionValidations,
  readReturnTemplate,
} = standIn;
