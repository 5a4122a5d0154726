import { refuse } from '@bcl/kernel';
import { account } from '../accounts';
import { MovementOf, PostingContext, Postings, balanceOf, party, positive } from './money-movement';

type Contribution = MovementOf<'contribution-committed' | 'contribution-received'>;

function checkContribution(context: PostingContext, movement: Contribution): void {
  party(context, movement.partnerId, 'movement.partnerId');
  positive(movement.amountPence, 'movement.amountPence');
}

/** A partner commits a contribution from a source: receivable from the partner, income credited. */
export function contributionCommitted(context: PostingContext, movement: Contribution): Postings {
  checkContribution(context, movement);
  const { partnerId, source, amountPence } = movement;
  return {
    postings: [
      { account: account.receivable(partnerId, source), amountPence },
      { account: account.income(partnerId, source), amountPence: -amountPence },
    ],
    detail: { partnerId, source },
  };
}

/** A committed contribution arrives in the bank; never more than is committed and not yet received. */
export function contributionReceived(context: PostingContext, movement: Contribution): Postings {
  checkContribution(context, movement);
  const { partnerId, source, amountPence } = movement;
  const receivable = account.receivable(partnerId, source);
  const outstanding = balanceOf(context, receivable);
  if (outstanding < amountPence)
    refuse(
      'conflict',
      'movement.amountPence',
      `${amountPence} pence is more than the ${outstanding} pence committed and not yet received`,
    );
  return {
    postings: [
      { account: account.bank, amountPence },
      { account: receivable, amountPence: -amountPence },
    ],
    detail: { partnerId, source },
  };
}
