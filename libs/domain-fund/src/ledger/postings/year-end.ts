import { refuse } from '@bcl/kernel';
import { account } from '../accounts';
import { MovementOf, Postings, positive } from './money-movement';

/** Money brought forward from the previous year into the bank, credited by purpose. */
export function carriedForwardIn(movement: MovementOf<'carried-forward-in'>): Postings {
  if (movement.parts.length === 0) refuse('invalid', 'movement.parts', 'name at least one part');
  movement.parts.forEach((p, i) => positive(p.amountPence, `movement.parts[${i}].amountPence`));
  const total = movement.parts.reduce((sum, p) => sum + p.amountPence, 0);
  return {
    postings: [
      { account: account.bank, amountPence: total },
      ...movement.parts.map((p) => ({
        account: account.broughtForward(p.purpose),
        amountPence: -p.amountPence,
      })),
    ],
    detail: { fromYear: movement.fromYear },
  };
}

/** An underspend carried out of the bank to the next year. */
export function carriedForwardOut(movement: MovementOf<'carried-forward-out'>): Postings {
  positive(movement.amountPence, 'movement.amountPence');
  return {
    postings: [
      { account: account.carriedForward(movement.toYear), amountPence: movement.amountPence },
      { account: account.bank, amountPence: -movement.amountPence },
    ],
    detail: { toYear: movement.toYear },
  };
}
