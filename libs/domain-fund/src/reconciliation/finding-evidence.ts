import { Evidence } from '@bcl/kernel';
import { Transaction } from '../ledger/pooled-fund';

/**
 * The evidence recorded beside each fact of a pool-year (its event's `metadata.evidence`), by id: kept apart from
 * the ledger's fold, which decides without it. Built by a fold over the logged events (`@bcl/fund-reports`).
 */
export interface FactEvidence {
  transactions: Record<string, Evidence>;
  figures: Record<string, Evidence>;
  /** The agreement's versions (its terms), by variation id. */
  variations: Record<string, Evidence>;
}

export const NO_FACT_EVIDENCE: FactEvidence = { transactions: {}, figures: {}, variations: {} };

/** A fact the index holds no evidence for is assumed, and says so (as `evidenceOf` says of an event without any). */
export const EVIDENCE_NOT_HELD: Evidence = {
  citations: [],
  assumed: 'recorded before the ledger kept evidence, or with none',
};

/** What a check compared: the stated figures (either side), the agreement version, and the ledger accounts. */
export interface FindingSources {
  figures: { figureId: string; side: 'stated' | 'computed' }[];
  /** The agreement version whose contribution rule is the stated side. */
  variationId?: string;
  /** The BCF plan whose figure is the stated side: its evidence is the plan's (plans capability), not here. */
  plan?: { planId: string; version: number };
  /** The ledger accounts read (names, or prefixes ending in `/`), in one quarter (by the postings') or the year. */
  ledger: { accounts: string[]; quarter: number | null } | null;
}

/**
 * What a finding rests on, beside where each figure came from: each stated figure's evidence, the agreement
 * version's, and how many of the ledger transactions it counts are assumed (with their ids). A finding resting
 * on any assumed fact says so (`restsOnAssumed`, with the assumptions), so an assumed figure never reads as
 * documented.
 */
export interface FindingEvidence {
  figures: { figureId: string; side: 'stated' | 'computed'; evidence: Evidence }[];
  terms: { variationId: string; evidence: Evidence } | null;
  /** The plan stating the figure; its own evidence is kept with the plan (`GET /api/plans/{planId}`). */
  plan: { planId: string; version: number } | null;
  ledger: {
    accounts: string[];
    quarter: number | null;
    transactions: number;
    assumedTransactions: number;
    assumedTransactionIds: string[];
  } | null;
  restsOnAssumed: boolean;
  /** Each assumption it rests on, once. */
  assumptions: string[];
  /** The same in one line, for the CSV and the workbook. */
  note: string;
}

const matchesAccount = (name: string, accounts: string[]) =>
  accounts.some((a) => (a.endsWith('/') ? name.startsWith(a) : name === a));

const cited = (e: Evidence) => (e.citations.length ? e.citations.join(', ') : 'no citation');

/** Figures with the same evidence named together: `figures a, b: 001:402-419`. */
function figuresNote(figures: FindingEvidence['figures']): string[] {
  const groups = new Map<string, string[]>();
  for (const f of figures) {
    const key = `${cited(f.evidence)}${f.evidence.assumed ? ' (assumed)' : ''}`;
    groups.set(key, [...(groups.get(key) ?? []), f.figureId]);
  }
  return [...groups].map(
    ([key, ids]) => `${ids.length > 1 ? 'figures' : 'figure'} ${ids.join(', ')}: ${key}`,
  );
}

function noteOf(e: Omit<FindingEvidence, 'note'>): string {
  const parts = [
    ...figuresNote(e.figures),
    ...(e.plan ? [`plan ${e.plan.planId} version ${e.plan.version}: its evidence is the plan's`] : []),
    ...(e.terms ? [`agreement ${e.terms.variationId}: ${cited(e.terms.evidence)}`] : []),
    ...(e.ledger
      ? [
          `ledger: ${e.ledger.transactions} transactions, ${e.ledger.assumedTransactions} assumed` +
            (e.ledger.assumedTransactions ? ` (${e.ledger.assumedTransactionIds.join(', ')})` : ''),
        ]
      : []),
  ];
  const head = e.restsOnAssumed
    ? `rests on assumed facts: ${e.assumptions.join(' | ')}`
    : e.plan
      ? 'no assumed fact in the fund ledger'
      : 'documented';
  return [head, ...parts].join('; ');
}

/**
 * Resolves what a check compared into its evidence: `transactions` are those the position counts from the
 * viewpoint (`visibleAt`); a fact with no evidence held is assumed.
 */
export function findingEvidence(
  sources: FindingSources | undefined,
  transactions: Transaction[],
  facts: FactEvidence,
): FindingEvidence {
  const figures = (sources?.figures ?? []).map((f) => ({
    ...f,
    evidence: facts.figures[f.figureId] ?? EVIDENCE_NOT_HELD,
  }));
  const variationId = sources?.variationId;
  const terms = variationId
    ? { variationId, evidence: facts.variations[variationId] ?? EVIDENCE_NOT_HELD }
    : null;
  const read = sources?.ledger ?? null;
  const counted = read
    ? transactions.filter(
        (t) =>
          (read.quarter === null || t.quarter === read.quarter) &&
          t.postings.some((p) => matchesAccount(p.account, read.accounts)),
      )
    : [];
  const assumedTransactions = counted.filter(
    (t) => (facts.transactions[t.transactionId] ?? EVIDENCE_NOT_HELD).assumed !== null,
  );
  const ledger = read
    ? {
        ...read,
        transactions: counted.length,
        assumedTransactions: assumedTransactions.length,
        assumedTransactionIds: assumedTransactions.map((t) => t.transactionId),
      }
    : null;
  const assumptions = [
    ...new Set(
      [
        ...figures.map((f) => f.evidence),
        ...(terms ? [terms.evidence] : []),
        ...assumedTransactions.map((t) => facts.transactions[t.transactionId] ?? EVIDENCE_NOT_HELD),
      ]
        .map((e) => e.assumed)
        .filter((a): a is string => a !== null),
    ),
  ];
  const plan = sources?.plan ?? null;
  const evidence = { figures, terms, plan, ledger, restsOnAssumed: assumptions.length > 0, assumptions };
  return { ...evidence, note: noteOf(evidence) };
}
