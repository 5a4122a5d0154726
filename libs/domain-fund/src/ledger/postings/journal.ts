import { refuse } from '@bcl/kernel';
import { FUND_LIMITS } from '../../shared/fund-limits';
import { ACCOUNT_PATTERN, sumPence } from '../accounts';
import { MovementOf, Postings } from './money-movement';

/** Postings stated one by one: 2 to the limit, each to an account in the chart, in whole pence, balancing. */
export function journal(movement: MovementOf<'journal'>): Postings {
  if (movement.postings.length < 2 || movement.postings.length > FUND_LIMITS.postingsPerTransactionMax)
    refuse('invalid', 'movement.postings', `give 2 to ${FUND_LIMITS.postingsPerTransactionMax} postings`);
  movement.postings.forEach((p, i) => {
    if (!ACCOUNT_PATTERN.test(p.account))
      refuse('invalid', `movement.postings[${i}].account`, `'${p.account}' is not in the chart of accounts`);
    if (
      !Number.isSafeInteger(p.amountPence) ||
      p.amountPence === 0 ||
      Math.abs(p.amountPence) > FUND_LIMITS.amountPenceMax
    )
      refuse(
        'invalid',
        `movement.postings[${i}].amountPence`,
        'must be whole pence, not zero, within the template limit',
      );
  });
  const sum = sumPence(movement.postings);
  if (sum !== 0)
    refuse('invalid', 'movement.postings', `the postings must balance: they sum to ${sum} pence, not 0`);
  return {
    postings: movement.postings.map(({ account: name, amountPence }) => ({ account: name, amountPence })),
    detail: {},
  };
}
