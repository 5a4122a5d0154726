import { CalendarDate, isCalendarDate, refuse, quarterOf, yearBounds } from '@bcl/kernel';
import { Posting, balances, sumPence } from './accounts';
import { FundEvent, PooledFundState, assertPostable, StatedBy, Transaction } from './pooled-fund';
import { MoneyMovement, PostingFacts } from './postings/money-movement';
import { postingsFor } from './postings/postings-for';

export type { MoneyMovement, PostingFacts } from './postings/money-movement';
export { splitByShares } from '../shared/split-pence';

export interface PostTransaction {
  transactionId: string;
  effectiveOn: CalendarDate;
  statedBy: StatedBy;
  correctionOf: string | null;
  movement: MoneyMovement;
}

/**
 * Records a money movement as one balanced transaction in the pool-year, or refuses it (recording nothing):
 * a closed year, a date outside the year, an unscheduled scheme, a negative or oversized amount, an
 * unbalanced journal, a correction of something not reversed or already replaced.
 */
export function postTransaction(
  state: PooledFundState | undefined,
  command: PostTransaction,
  facts: PostingFacts,
): FundEvent[] {
  assertPostable(state, command.transactionId);
  if (!isCalendarDate(command.effectiveOn))
    refuse('invalid', 'effectiveOn', 'must be a real date written YYYY-MM-DD');
  const { start, end } = yearBounds(state.year);
  if (command.effectiveOn < start || command.effectiveOn >= end)
    refuse('invalid', 'effectiveOn', `must fall in ${state.year} (${start} to ${end}, exclusive)`);
  if (command.correctionOf !== null && !state.reversedBy[command.correctionOf])
    refuse('conflict', 'correctionOf', `'${command.correctionOf}' must be reversed before it is replaced`);
  if (command.correctionOf !== null && state.replacedBy[command.correctionOf])
    refuse(
      'conflict',
      'correctionOf',
      `'${command.correctionOf}' was already replaced by '${state.replacedBy[command.correctionOf]}'`,
    );
  const { postings, detail } = postingsFor(state, command.movement, facts);
  const transaction: Transaction = {
    transactionId: command.transactionId,
    kind: command.movement.kind,
    effectiveOn: command.effectiveOn,
    quarter: quarterOf(command.effectiveOn),
    postings,
    statedBy: command.statedBy,
    reverses: null,
    correctionOf: command.correctionOf,
    detail,
  };
  assertBalanced(transaction.postings);
  return [
    { type: 'FundTransactionPosted', data: { ...transaction, poolId: state.poolId, year: state.year } },
  ];
}

/** Every transaction the ledger writes balances; a failure here is a bug, never bad input. */
export function assertBalanced(postings: readonly Posting[]): void {
  if (sumPence(postings) !== 0 || [...balances(postings).values()].some((v) => !Number.isSafeInteger(v)))
    throw new Error('invariant violated: a transaction does not balance to zero');
}
