/**
 * The pooled fund: S75 agreements (agreement/), each pool-year's double-entry books (ledger/: the chart of
 * accounts, postings per kind of money movement under ledger/postings/, reversals, stated figures, opening and
 * closing), the fund position as at a date (position/) and the reconciliation of stated figures with the books
 * (reconciliation/, one check per file under checks/). In this library "the ledger" means those books, never
 * the event log they are recorded in.
 */
export * from './shared/fund-limits';
export * from './agreement/s75-agreement';
export * from './agreement/record-agreement';
export * from './ledger/accounts';
export * from './ledger/pooled-fund';
export * from './ledger/post-transaction';
export * from './ledger/reverse-transaction';
export * from './ledger/state-figure';
export * from './ledger/open-close-year';
export * from './position/fund-position';
export * from './position/balance-index';
export * from './position/ledger-totals';
export * from './position/stored-day-totals';
export * from './reconciliation/finding';
export * from './reconciliation/finding-evidence';
export * from './reconciliation/reconciliation-input';
export * from './reconciliation/reconcile';
export * from './reconciliation/findings-csv';
export * from './position/partner-view';
export * from './read-model/fund-projection';
export * from './read-model/fund-totals-projection';
export * from './shared/split-pence';
export * from './events';
