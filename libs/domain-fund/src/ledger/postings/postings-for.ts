import { refuse } from '@bcl/kernel';
import { PooledFundState } from '../pooled-fund';
import { MoneyMovement, PostingFacts, Postings } from './money-movement';
import { contributionCommitted, contributionReceived } from './contributions';
import { dfgPassDown, expenditure, overspendCharged } from './spending';
import { allocation, reserveDrawn, reserveSetAside } from './budget';
import { carriedForwardIn, carriedForwardOut } from './year-end';
import { journal } from './journal';

/**
 * The balanced postings a movement makes in the pool-year, one function per kind of movement, or a refusal
 * (no agreement in effect, a partner not a party, an unscheduled scheme, a bad amount, an unbalanced journal).
 */
export function postingsFor(state: PooledFundState, movement: MoneyMovement, facts: PostingFacts): Postings {
  const terms = facts.terms;
  if (!terms)
    return refuse(
      'conflict',
      'effectiveOn',
      `no S75 agreement '${state.agreementId}' is in effect on that date`,
    );
  const context = { state, terms, facts };
  switch (movement.kind) {
    case 'contribution-committed':
      return contributionCommitted(context, movement);
    case 'contribution-received':
      return contributionReceived(context, movement);
    case 'allocation':
      return allocation(context, movement);
    case 'expenditure':
      return expenditure(context, movement);
    case 'dfg-pass-down':
      return dfgPassDown(context, movement);
    case 'overspend-charged':
      return overspendCharged(context, movement);
    case 'reserve-set-aside':
    case 'underspend-ring-fenced':
      return reserveSetAside(movement);
    case 'reserve-drawn':
      return reserveDrawn(context, movement);
    case 'carried-forward-in':
      return carriedForwardIn(movement);
    case 'carried-forward-out':
      return carriedForwardOut(movement);
    case 'journal':
      return journal(movement);
  }
}
