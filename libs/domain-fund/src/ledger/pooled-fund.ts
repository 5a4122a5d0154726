import { CalendarDate, refuse, FinancialYear, Quarter } from '@bcl/kernel';
import { Posting } from './accounts';

export const TRANSACTION_KINDS = [
  'contribution-committed',
  'contribution-received',
  'allocation',
  'expenditure',
  'dfg-pass-down',
  'overspend-charged',
  'reserve-set-aside',
  'reserve-drawn',
  'underspend-ring-fenced',
  'carried-forward-in',
  'carried-forward-out',
  'journal',
  'reversal',
] as const;
export type TransactionKind = (typeof TRANSACTION_KINDS)[number];

/** Which return, plan, decision or document stated a figure or moved the money. */
export const SOURCE_KINDS = [
  'quarterly-return',
  'plan',
  'decision',
  'agreement',
  'invoice',
  'remittance',
] as const;
export interface StatedBy {
  kind: (typeof SOURCE_KINDS)[number];
  reference: string;
}

export interface Transaction {
  transactionId: string;
  kind: TransactionKind;
  effectiveOn: CalendarDate;
  quarter: Quarter;
  postings: Posting[];
  statedBy: StatedBy;
  /** The transaction this one reverses (kind `reversal`), or that a replacement corrects. */
  reverses: string | null;
  correctionOf: string | null;
  /** What the command said, beside the postings it made: partner, source, scheme, district, trigger… */
  detail: Record<string, string>;
}

/** Plan, forecast and actual are kept apart, per quarter (null: the annual figure), each with its source. */
export const FIGURE_BASES = ['plan', 'forecast', 'actual'] as const;
export const FIGURE_LINES = ['income', 'expenditure', 'pooled-fund', 'total'] as const;
export interface StatedFigure {
  figureId: string;
  basis: (typeof FIGURE_BASES)[number];
  line: (typeof FIGURE_LINES)[number];
  /** `pool` for the whole pool, else a scheme id. */
  subject: string;
  quarter: Quarter | null;
  amountPence: number;
  statedBy: StatedBy;
  /**
   * The date the figure was stated (the return's submission, the plan's or decision's date): its effective date,
   * so a position as at an earlier date does not show it. The period it describes is the pool-year and
   * `quarter` (null: the whole year). Null only for a figure recorded before schema version 2, whose statement
   * date the log does not hold: such a figure is seen from any date.
   */
  statedOn: CalendarDate | null;
  /**
   * For a `total` (subject: its name): the accounts it is made of, as names or prefixes ending in `/`. The
   * reconciliation compares it with their balances (e.g. Rutland's "programme value excluding contingency").
   */
  composedOf: string[] | null;
}

type Recorded = { recordedAt: string };

export interface PooledFundState {
  poolId: string;
  year: FinancialYear;
  agreementId: string;
  closed: boolean;
  transactions: (Transaction & Recorded)[];
  /** Reversed transaction id → the reversal's id. */
  reversedBy: Record<string, string>;
  /** Replaced (corrected) transaction id → its replacement's id: a transaction is replaced at most once. */
  replacedBy: Record<string, string>;
  /** Transaction ids recorded, and every account's balance over all of them: kept by the fold. */
  transactionIds: Record<string, true>;
  balances: Record<string, number>;
  figures: (StatedFigure & Recorded)[];
}

export type FundEvent =
  | { type: 'PooledFundYearOpened'; data: { poolId: string; year: FinancialYear; agreementId: string } }
  | { type: 'FundTransactionPosted'; data: Transaction & { poolId: string; year: FinancialYear } }
  | { type: 'FundFigureStated'; data: StatedFigure & { poolId: string; year: FinancialYear } }
  | {
      type: 'PooledFundYearClosed' | 'PooledFundYearReopened';
      data: { poolId: string; year: FinancialYear; on: CalendarDate; decision: StatedBy };
    };

export const pooledFundStream = (poolId: string, year: FinancialYear): string =>
  `pooled-fund-${poolId}-${year}`;

/**
 * Folds a pool-year's events; a logged event's recordedAt is kept for "as recorded" positions. A year can hold
 * many thousands of transactions, so the fold changes the state it built itself (from `PooledFundYearOpened`)
 * in place rather than copying it at every event: a state given to this function must not be used again.
 */
export function evolvePooledFund(
  state: PooledFundState | undefined,
  event: FundEvent & { recordedAt?: string },
): PooledFundState {
  const recordedAt = event.recordedAt ?? '';
  switch (event.type) {
    case 'PooledFundYearOpened':
      return {
        ...event.data,
        closed: false,
        transactions: [],
        reversedBy: {},
        replacedBy: {},
        transactionIds: {},
        balances: {},
        figures: [],
      };
    case 'FundTransactionPosted': {
      const { poolId: _p, year: _y, ...transaction } = event.data;
      if (transaction.kind === 'reversal' && transaction.reverses)
        state!.reversedBy[transaction.reverses] = transaction.transactionId;
      if (transaction.correctionOf) state!.replacedBy[transaction.correctionOf] = transaction.transactionId;
      state!.transactions.push({ ...transaction, recordedAt });
      state!.transactionIds[transaction.transactionId] = true;
      for (const p of transaction.postings)
        state!.balances[p.account] = (state!.balances[p.account] ?? 0) + p.amountPence;
      return state!;
    }
    case 'FundFigureStated': {
      const { poolId: _p, year: _y, ...figure } = event.data;
      state!.figures.push({ ...figure, recordedAt });
      return state!;
    }
    case 'PooledFundYearClosed':
    case 'PooledFundYearReopened':
      state!.closed = event.type === 'PooledFundYearClosed';
      return state!;
  }
}

/** A new transaction needs an opened year, not closed, and an id not used before in it. */
export function assertPostable(
  state: PooledFundState | undefined,
  transactionId: string,
): asserts state is PooledFundState {
  if (!state) return refuse('not-found', 'year', 'the pool-year is not opened');
  if (state.closed)
    refuse('conflict', 'year', `${state.year} is closed: a reopening decision must be recorded first`);
  if (state.transactionIds[transactionId])
    refuse('conflict', 'transactionId', `transaction '${transactionId}' is already recorded`);
}
