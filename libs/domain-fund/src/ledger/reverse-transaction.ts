import { CalendarDate, refuse, quarterOf, yearBounds } from '@bcl/kernel';
import { FundEvent, PooledFundState, assertPostable, StatedBy } from './pooled-fund';
import { assertBalanced } from './post-transaction';

/** Reverses a transaction with its exact opposite, once; the original stays in the record. */
export function reverseTransaction(
  state: PooledFundState | undefined,
  command: { transactionId: string; reverses: string; effectiveOn: CalendarDate; statedBy: StatedBy },
): FundEvent[] {
  assertPostable(state, command.transactionId);
  const original = state.transactions.find((t) => t.transactionId === command.reverses);
  if (!original) return refuse('not-found', 'reverses', `transaction '${command.reverses}' is not recorded`);
  if (original.kind === 'reversal')
    refuse('conflict', 'reverses', 'a reversal is not reversed; post the transaction again');
  if (state.reversedBy[command.reverses])
    refuse(
      'conflict',
      'reverses',
      `'${command.reverses}' was already reversed by '${state.reversedBy[command.reverses]}'`,
    );
  const { end } = yearBounds(state.year);
  if (command.effectiveOn < original.effectiveOn || command.effectiveOn >= end)
    refuse(
      'invalid',
      'effectiveOn',
      `must be on or after the original (${original.effectiveOn}) and within ${state.year}`,
    );
  const postings = original.postings.map((p) => ({ account: p.account, amountPence: -p.amountPence }));
  assertBalanced(postings);
  return [
    {
      type: 'FundTransactionPosted',
      data: {
        poolId: state.poolId,
        year: state.year,
        transactionId: command.transactionId,
        kind: 'reversal',
        effectiveOn: command.effectiveOn,
        quarter: quarterOf(command.effectiveOn),
        postings,
        statedBy: command.statedBy,
        reverses: command.reverses,
        correctionOf: null,
        detail: { reversedKind: original.kind },
      },
    },
  ];
}
