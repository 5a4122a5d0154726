import { Evidence, evidenceOf, operatorWriteMark } from '@bcl/kernel';
import { StoredEvent } from '@bcl/event-store';
import {
  EVIDENCE_NOT_HELD,
  FactEvidence,
  LedgerTotalsIndex,
  PoolYearRecord,
  PooledFundState,
  Viewpoint,
  indexAnswers,
  currentFigures,
  figureSeen,
  visibleAt,
} from '@bcl/domain-fund';

/**
 * A pool-year's record and the evidence beside its facts (as `loadPoolYear` gives them); through the cache, its
 * totals per day and each transaction's place in the ledger by id (`places`: may hold later places than the read's).
 */
export type PoolYearFacts = {
  state: PooledFundState;
  facts: FactEvidence;
  totals?: LedgerTotalsIndex;
  places?: ReadonlyMap<string, number>;
};

/** The same, or without its transactions: its ledger summed per day (`totals`), as the fund-totals projection keeps it. */
export type PoolYearFactsSummed = Omit<PoolYearFacts, 'state'> & { state: PoolYearRecord };

/**
 * The evidence recorded beside each transaction and stated figure of a pool-year (`metadata.evidence`), by id: a
 * fold over the logged events, apart from the ledger's own fold (which decides without it).
 */
export function factEvidenceOf(
  events: readonly StoredEvent[],
  variations: Record<string, Evidence> = {},
): FactEvidence {
  const facts: FactEvidence = { transactions: {}, figures: {}, variations: { ...variations } };
  for (const event of events) addFactEvidence(facts, event);
  return facts;
}

/**
 * Adds one logged event's evidence to the evidence by id (a step of `factEvidenceOf`), and a transaction's
 * operator-write mark where an operator wrote it raw.
 */
export function addFactEvidence(
  facts: Pick<FactEvidence, 'transactions' | 'figures' | 'transactionOperatorWrites'>,
  event: StoredEvent,
): void {
  if (event.type === 'FundTransactionPosted') {
    const { transactionId } = event.data as { transactionId: string };
    facts.transactions[transactionId] = evidenceOf(event);
    const { operatorWrite } = operatorWriteMark(event.metadata);
    if (operatorWrite) (facts.transactionOperatorWrites ??= {})[transactionId] = operatorWrite;
  } else if (event.type === 'FundFigureStated')
    facts.figures[(event.data as { figureId: string }).figureId] = evidenceOf(event);
}

const documented = (evidence: Evidence) => ({ evidence, documented: evidence.assumed === null });

/** A transaction's operator-write mark, to spread into its listing (nothing when the fund's rules wrote it). */
const operatorWriteOfTransaction = (facts: FactEvidence, transactionId: string) => {
  const mark = facts.transactionOperatorWrites?.[transactionId];
  return mark ? { operatorWrite: mark } : {};
};

/**
 * A transaction as the listings show it: with its evidence (`documented` when it rests on none assumed), its
 * operator-write mark, and the reversal of it (`state.reversedBy`) when the listing counts that reversal too
 * (`seen`), else null.
 */
export function transactionRow(
  t: PooledFundState['transactions'][number],
  { state, facts }: Pick<PoolYearFacts, 'state' | 'facts'>,
  seen: (reversal: string) => boolean,
) {
  const reversal = state.reversedBy[t.transactionId];
  return {
    ...t,
    reversedBy: reversal !== undefined && seen(reversal) ? reversal : null,
    ...documented(facts.transactions[t.transactionId] ?? EVIDENCE_NOT_HELD),
    ...operatorWriteOfTransaction(facts, t.transactionId),
  };
}

/** The routes listing a pool-year's transactions and stated figures with their evidence. */
export const poolYearFactRoutes = (poolId: string, year: string) => ({
  transactions: `/api/fund/pools/${poolId}/years/${year}/transactions`,
  figures: `/api/fund/pools/${poolId}/years/${year}/figures`,
});

/**
 * A pool-year's transactions as the position counts them from the viewpoint, each with its evidence (a
 * citation, or `assumed` with why) and `documented`; the reversal of each reversed one, if seen.
 */
export function poolYearTransactions({ state, facts }: PoolYearFacts, viewpoint: Viewpoint) {
  const seen = visibleAt(state.transactions, viewpoint);
  const ids = new Set(seen.map((t) => t.transactionId));
  const transactions = seen.map((t) => transactionRow(t, { state, facts }, (reversal) => ids.has(reversal)));
  const assumed = transactions.filter((t) => !t.documented).length;
  return {
    poolId: state.poolId,
    year: state.year,
    ...viewpoint,
    count: transactions.length,
    assumed,
    transactions,
  };
}

/**
 * Every statement of a pool-year's figures seen from the viewpoint (restatements too), each with its evidence
 * and whether it is the standing one (the latest statement of that figure), as the reconciliation reads them.
 */
export function poolYearFigures({ state, facts }: PoolYearFactsSummed, viewpoint: Viewpoint) {
  const standing = new Set([...currentFigures(state.figures, viewpoint).values()].map((f) => f.figureId));
  const figures = state.figures
    .filter((f) => figureSeen(f, viewpoint))
    .map((f) => ({
      ...f,
      standing: standing.has(f.figureId),
      ...documented(facts.figures[f.figureId] ?? EVIDENCE_NOT_HELD),
    }));
  const assumed = figures.filter((f) => !f.documented).length;
  return { poolId: state.poolId, year: state.year, ...viewpoint, count: figures.length, assumed, figures };
}

/**
 * The transactions counted as `poolYearTransactions` counts them, and the assumed ones, without listing them (a
 * year may hold half a million): from the cache's totals per day when they answer, else by a pass over them.
 */
export function transactionCounts({ state, facts, totals }: PoolYearFactsSummed, viewpoint: Viewpoint) {
  if (indexAnswers(state, viewpoint, totals)) return totals.countsAsAt(viewpoint.axis, viewpoint.asAt);
  const transactions = visibleAt(state.transactions!, viewpoint);
  let assumed = 0;
  for (const t of transactions)
    if (!documented(facts.transactions[t.transactionId] ?? EVIDENCE_NOT_HELD).documented) assumed += 1;
  return { transactions: transactions.length, assumed };
}

/** The position's summary of what its facts rest on, and where each is listed with its evidence. */
export function factsSummary(loaded: PoolYearFactsSummed, viewpoint: Viewpoint) {
  const counts = transactionCounts(loaded, viewpoint);
  const figures = poolYearFigures(loaded, viewpoint);
  return {
    transactions: counts.transactions,
    assumedTransactions: counts.assumed,
    figures: figures.count,
    assumedFigures: figures.assumed,
    listed: poolYearFactRoutes(loaded.state.poolId, loaded.state.year),
  };
}
