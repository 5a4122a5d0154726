import { Evidence } from '@bcl/kernel';
import { Transaction } from '../ledger/pooled-fund';
import { Viewpoint } from '../position/fund-position';
import { LedgerTotalsIndex } from '../position/ledger-totals';
import {
  ASSUMED_IDS_LISTED,
  AssumptionOf,
  LedgerRead,
  ReadCount,
  countReads,
  countReadsIndexed,
} from './ledger-reads';

export { ASSUMED_IDS_LISTED };

/**
 * The evidence recorded beside each fact of a pool-year (its event's `metadata.evidence`), by id: kept apart from
 * the ledger's fold, which decides without it. Built by a fold over the logged events (`@bcl/fund-reports`).
 */
export interface FactEvidence {
  transactions: Record<string, Evidence>;
  figures: Record<string, Evidence>;
  /** The agreement's versions (its terms), by variation id. */
  variations: Record<string, Evidence>;
  /**
   * The transactions (postings, reversals, corrections) an operator wrote raw (`bcl append`), not the fund's
   * rules, by transaction id, with the operator's reason: only those, so it stays small beside `transactions`.
   */
  transactionOperatorWrites?: Record<string, { reason: string }>;
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
 * version's, and how many of the ledger transactions it counts are assumed (the first `ASSUMED_IDS_LISTED` of
 * their ids, in ledger order; `assumedTransactionIdsCut` when there are more). A finding resting on any assumed
 * fact says so (`restsOnAssumed`, with the assumptions), so an assumed figure never reads as documented.
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
    /** The first `ASSUMED_IDS_LISTED` assumed transactions' ids, in ledger order. */
    assumedTransactionIds: string[];
    /** True when more are assumed than listed (`assumedTransactions` counts them all). */
    assumedTransactionIdsCut: boolean;
  } | null;
  restsOnAssumed: boolean;
  /** Each assumption it rests on, once. */
  assumptions: string[];
  /** The same in one line, for the CSV and the workbook. */
  note: string;
}

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

const listedIds = (ledger: NonNullable<FindingEvidence['ledger']>) =>
  ledger.assumedTransactionIds.join(', ') +
  (ledger.assumedTransactionIdsCut
    ? ` and ${ledger.assumedTransactions - ledger.assumedTransactionIds.length} more`
    : '');

function noteOf(e: Omit<FindingEvidence, 'note'>): string {
  const parts = [
    ...figuresNote(e.figures),
    ...(e.plan ? [`plan ${e.plan.planId} version ${e.plan.version}: its evidence is the plan's`] : []),
    ...(e.terms ? [`agreement ${e.terms.variationId}: ${cited(e.terms.evidence)}`] : []),
    ...(e.ledger
      ? [
          `ledger: ${e.ledger.transactions} transactions, ${e.ledger.assumedTransactions} assumed` +
            (e.ledger.assumedTransactions ? ` (${listedIds(e.ledger)})` : ''),
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

const readKey = (read: LedgerRead) => `${read.quarter ?? 'year'}|${read.accounts.join('\u0000')}`;

/** Each finding's evidence, its ledger side counted by `count` once per distinct read. */
function resolveAll(
  sourcesOfEach: readonly (FindingSources | undefined)[],
  count: (reads: LedgerRead[]) => ReadCount[],
  facts: FactEvidence,
): FindingEvidence[] {
  const reads = new Map<string, number>();
  const distinct: LedgerRead[] = [];
  for (const sources of sourcesOfEach) {
    const read = sources?.ledger;
    if (read && !reads.has(readKey(read))) {
      reads.set(readKey(read), distinct.length);
      distinct.push(read);
    }
  }
  const counted = count(distinct);
  return sourcesOfEach.map((sources) => {
    const read = sources?.ledger ?? null;
    return evidenceOf(sources, read ? counted[reads.get(readKey(read))!]! : null, facts);
  });
}

const assumptionIn =
  (facts: FactEvidence): AssumptionOf =>
  (t) =>
    (facts.transactions[t.transactionId] ?? EVIDENCE_NOT_HELD).assumed;

/**
 * Resolves what each check compared into its evidence, in one pass over the transactions for all of them:
 * `transactions` are those the position counts from the viewpoint (`visibleAt`); a fact with no evidence held is
 * assumed.
 */
export function findingsEvidence(
  sourcesOfEach: readonly (FindingSources | undefined)[],
  transactions: readonly Transaction[],
  facts: FactEvidence,
): FindingEvidence[] {
  return resolveAll(sourcesOfEach, (reads) => countReads(reads, transactions, assumptionIn(facts)), facts);
}

/**
 * The same from the ledger totals per day (`index`, which must answer for the pool-year's `transactions` from
 * the viewpoint, and have been given each transaction's assumption as `facts` hold it): equal to
 * `findingsEvidence` over the transactions seen, without a pass over them all.
 */
export function findingsEvidenceIndexed(
  sourcesOfEach: readonly (FindingSources | undefined)[],
  index: LedgerTotalsIndex,
  viewpoint: Viewpoint,
  facts: FactEvidence,
): FindingEvidence[] {
  return resolveAll(sourcesOfEach, (reads) => countReadsIndexed(reads, index, viewpoint), facts);
}

/** One finding's evidence (`findingsEvidence` resolves many in one pass). */
export function findingEvidence(
  sources: FindingSources | undefined,
  transactions: readonly Transaction[],
  facts: FactEvidence,
): FindingEvidence {
  return findingsEvidence([sources], transactions, facts)[0]!;
}

function evidenceOf(
  sources: FindingSources | undefined,
  counted: ReadCount | null,
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
  const ledger =
    read && counted
      ? {
          ...read,
          transactions: counted.transactions,
          assumedTransactions: counted.assumed,
          assumedTransactionIds: counted.ids.slice(),
          assumedTransactionIdsCut: counted.assumed > counted.ids.length,
        }
      : null;
  const assumptions = [
    ...new Set([
      ...[...figures.map((f) => f.evidence), ...(terms ? [terms.evidence] : [])]
        .map((e) => e.assumed)
        .filter((a): a is string => a !== null),
      ...(counted?.assumptions ?? []),
    ]),
  ];
  const plan = sources?.plan ?? null;
  const evidence = { figures, terms, plan, ledger, restsOnAssumed: assumptions.length > 0, assumptions };
  return { ...evidence, note: noteOf(evidence) };
}
