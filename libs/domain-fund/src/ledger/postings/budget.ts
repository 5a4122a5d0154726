import { refuse } from '@bcl/kernel';
import { account } from '../accounts';
import { MovementOf, PostingContext, Postings, balanceOf, positive, scheduled } from './money-movement';

/** Part of the fund earmarked for a scheme in the agreement's schedules (memorandum accounts). */
export function allocation(context: PostingContext, movement: MovementOf<'allocation'>): Postings {
  scheduled(context, movement.schemeId);
  positive(movement.amountPence, 'movement.amountPence');
  return {
    postings: [
      { account: account.unallocated, amountPence: movement.amountPence },
      { account: account.allocated(movement.schemeId), amountPence: -movement.amountPence },
    ],
    detail: { schemeId: movement.schemeId },
  };
}

/** Part of the fund set aside in a reserve, or an underspend ring-fenced in one. */
export function reserveSetAside(
  movement: MovementOf<'reserve-set-aside' | 'underspend-ring-fenced'>,
): Postings {
  positive(movement.amountPence, 'movement.amountPence');
  return {
    postings: [
      { account: account.unallocated, amountPence: movement.amountPence },
      { account: account.reserve(movement.reserve), amountPence: -movement.amountPence },
    ],
    detail: { reserve: movement.reserve },
  };
}

/** A reserve drawn on its trigger; never more than it holds. */
export function reserveDrawn(context: PostingContext, movement: MovementOf<'reserve-drawn'>): Postings {
  positive(movement.amountPence, 'movement.amountPence');
  const held = -balanceOf(context, account.reserve(movement.reserve));
  if (movement.amountPence > held)
    refuse('conflict', 'movement.amountPence', `reserve '${movement.reserve}' holds ${held} pence`);
  return {
    postings: [
      { account: account.reserve(movement.reserve), amountPence: movement.amountPence },
      { account: account.unallocated, amountPence: -movement.amountPence },
    ],
    detail: { reserve: movement.reserve, trigger: movement.trigger },
  };
}
