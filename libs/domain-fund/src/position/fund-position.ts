import { CalendarDate, QUARTERS, Quarter, knownBy } from '@bcl/kernel';
import { AgreementTerms } from '../agreement/s75-agreement';
import { PooledFundState, StatedFigure, Transaction } from '../ledger/pooled-fund';
import { LedgerTotals, LedgerTotalsIndex, ledgerTotalsOf } from './ledger-totals';
import { measureOverspend, poolRiskShare, schemeBearers } from './overspend';

/**
 * The two time axes: `effective` counts what took effect by the date, whenever it was recorded; `recorded`
 * counts what the ledger had recorded by the end of that day (UTC), whatever date it took effect.
 */
export type Axis = 'effective' | 'recorded';
export interface Viewpoint {
  asAt: CalendarDate;
  axis: Axis;
  /** And only what was recorded by this instant (ISO 8601 UTC), on either axis. */
  knownAt?: string;
  /**
   * On the effective axis, the date stated figures must have been stated by: `asAt` when absent; null for every
   * figure stated to date (a year's reports asked for no date: the year's postings, and what was stated of it since).
   */
  figuresAsAt?: CalendarDate | null;
}

type Recorded = { recordedAt: string };

const knownFrom = ({ knownAt }: Viewpoint, fact: Recorded) => knownBy(knownAt, fact);

/** The transactions a position from the viewpoint counts (also what a finding's ledger side rests on). */
export function visibleAt<T extends Transaction & Recorded>(transactions: T[], viewpoint: Viewpoint): T[] {
  return transactions.filter((t) => seenFrom(t, viewpoint));
}

/** Whether a position from the viewpoint counts the transaction (one step of `visibleAt`). */
export const seenFrom = (t: Transaction & Recorded, viewpoint: Viewpoint): boolean =>
  knownFrom(viewpoint, t) && seenOnAxis(t, viewpoint);

/** Whether a transaction is on or before the viewpoint's date on its axis (whenever it was known). */
export const seenOnAxis = (t: Transaction & Recorded, { asAt, axis }: Viewpoint): boolean =>
  axis === 'effective' ? t.effectiveOn <= asAt : t.recordedAt.slice(0, 10) <= asAt;

const byPrefix = (balances: Map<string, number>, prefix: string) =>
  [...balances.entries()]
    .filter(([name]) => name.startsWith(prefix))
    .map(([name, pence]) => ({ key: name.slice(prefix.length), pence }));
const total = (items: { pence: number }[]) => items.reduce((sum, item) => sum + item.pence, 0);

const statedBy = ({ statedOn }: StatedFigure, { asAt, figuresAsAt }: Viewpoint) => {
  const by = figuresAsAt === undefined ? asAt : figuresAsAt;
  return by === null || statedOn === null || statedOn <= by;
};

/**
 * The latest statement of each figure seen from the viewpoint: stated by the date (on the effective axis; a
 * figure whose statement date is not recorded is seen from any date) or recorded by its end (on the recorded
 * axis), and recorded by `knownAt`.
 */
export function currentFigures(figures: (StatedFigure & Recorded)[], viewpoint: Viewpoint) {
  const latest = new Map<string, StatedFigure & Recorded>();
  for (const f of figures) if (figureSeen(f, viewpoint)) latest.set(figureKey(f), f);
  return latest;
}

/** Whether a statement of a figure is seen from the viewpoint (the standing one is the latest seen). */
export const figureSeen = (f: StatedFigure & Recorded, viewpoint: Viewpoint): boolean =>
  knownFrom(viewpoint, f) &&
  (viewpoint.axis === 'effective' ? statedBy(f, viewpoint) : f.recordedAt.slice(0, 10) <= viewpoint.asAt);

/** The figure a statement states (a restatement states the same one): basis, line, subject and period. */
export const figureKey = (f: StatedFigure): string =>
  `${f.basis}|${f.line}|${f.subject}|${f.quarter ?? 'year'}`;

/**
 * A pool-year as a position and a reconciliation read it: its record, and its transactions, or none when its
 * ledger comes summed per day (a `LedgerTotalsIndex` kept by the fund-totals projection).
 */
export type PoolYearRecord = Pick<
  PooledFundState,
  'poolId' | 'year' | 'agreementId' | 'closed' | 'figures'
> & {
  transactions?: PooledFundState['transactions'];
};

/**
 * Whether the index answers for the pool-year's ledger from the viewpoint (else a fold over its transactions
 * does). A pool-year read without its transactions has only the index: it must answer (asserted).
 */
export function indexAnswers(
  state: PoolYearRecord,
  viewpoint: Viewpoint,
  index: LedgerTotalsIndex | undefined,
): index is LedgerTotalsIndex {
  const answers = index?.answers(state.transactions, viewpoint) ?? false;
  if (!answers && state.transactions === undefined)
    throw new Error(
      `pool '${state.poolId}' ${state.year}: read without its transactions, and its totals do not answer`,
    );
  return answers;
}

/**
 * What the position sums of the transactions it counts: from the index when it holds exactly the pool-year's
 * transactions and the viewpoint has no `knownAt` (the present knowledge), else by a fold over those seen.
 */
function ledgerTotals(state: PoolYearRecord, viewpoint: Viewpoint, index?: LedgerTotalsIndex): LedgerTotals {
  if (indexAnswers(state, viewpoint, index)) return index.totalsAsAt(viewpoint.axis, viewpoint.asAt);
  return ledgerTotalsOf(visibleAt(state.transactions!, viewpoint));
}

type FigureOf = (
  basis: StatedFigure['basis'],
  line: StatedFigure['line'],
  subject: string,
  quarter: Quarter | null,
) => (StatedFigure & Recorded) | null;

/** Contributions by partner and source: committed, received and outstanding. */
function contributionLines(balances: Map<string, number>) {
  return byPrefix(balances, 'income/').map(({ key, pence }) => {
    const [partnerId, source] = key.split('/') as [string, string];
    const committedPence = -pence;
    const outstandingPence = balances.get(`receivable/${partnerId}/${source}`) ?? 0;
    return {
      partnerId,
      source,
      committedPence,
      receivedPence: committedPence - outstandingPence,
      outstandingPence,
    };
  });
}

/**
 * Spend by scheme, for every scheme with expenditure or in the pool's schedules: allocated, budget, planned,
 * forecast, actual, variance, cap, the overspend and what it is measured against (position/overspend.ts), who
 * bears it, and what has been charged to partners for it. A charge never reduces the scheme's actual spend:
 * `netOfChargesPence` is the spend less the charge.
 */
function schemeLines(
  state: PoolYearRecord,
  terms: AgreementTerms | null,
  balances: Map<string, number>,
  figure: FigureOf,
) {
  const balance = (name: string) => balances.get(name) ?? 0;
  const spendAccounts = new Set([
    ...byPrefix(balances, 'expenditure/').map((e) => e.key),
    ...byPrefix(balances, 'overspend-charged/').map((e) => e.key),
    ...(terms?.schedules.filter((s) => s.poolId === state.poolId).map((s) => s.schemeId) ?? []),
  ]);
  return [...spendAccounts].sort().map((schemeId) => {
    const schedule =
      terms?.schedules.find((s) => s.schemeId === schemeId && s.poolId === state.poolId) ?? null;
    const actualPence = balance(`expenditure/${schemeId}`);
    const chargedPence = -balance(`overspend-charged/${schemeId}`);
    const plannedPence = figure('plan', 'expenditure', schemeId, null)?.amountPence ?? null;
    const forecastPence = figure('forecast', 'expenditure', schemeId, null)?.amountPence ?? null;
    const measure = measureOverspend(schedule, plannedPence, actualPence);
    return {
      schemeId,
      name: schedule?.name ?? null,
      leadPartnerId: schedule?.leadPartnerId ?? null,
      budgetPence: schedule?.budgetPence ?? null,
      capPence: schedule?.capPence ?? null,
      allocatedPence: -balance(`budget/allocated/${schemeId}`),
      plannedPence,
      forecastPence,
      actualPence,
      variancePence: plannedPence === null ? null : actualPence - plannedPence,
      ...measure,
      borneBy: schemeBearers(terms, schedule, measure.overspendPence),
      chargedPence,
      netOfChargesPence: actualPence - chargedPence,
    };
  });
}

/** Each quarter's stated plan, forecast and actual income and expenditure beside the ledger's. */
function quarterLines(figure: FigureOf, quarterIncome: number[], quarterSpend: number[]) {
  const line = (name: 'income' | 'expenditure', quarter: Quarter, ledgerPence: number) => ({
    planPence: figure('plan', name, 'pool', quarter)?.amountPence ?? null,
    forecastPence: figure('forecast', name, 'pool', quarter)?.amountPence ?? null,
    statedActualPence: figure('actual', name, 'pool', quarter)?.amountPence ?? null,
    ledgerPence,
  });
  return QUARTERS.map((quarter) => ({
    quarter,
    income: line('income', quarter, quarterIncome[quarter - 1]!),
    expenditure: line('expenditure', quarter, quarterSpend[quarter - 1]!),
  }));
}

/**
 * The fund position of a pool-year as at a date on either axis: contributions by partner and source
 * (committed, received, outstanding), spend by scheme (budget, planned, forecast, actual, variance, cap, the
 * overspend with its basis and bearers, and the charges), DFG passed down, reserves, the bank balance, the
 * risk share (who bears what, per the agreement's terms), the pool's own underspend or overspend, and each
 * quarter's plan, forecast and actual income and expenditure. Pure: a fold over the year's transactions, or
 * sums from its `LedgerTotalsIndex` (equal to the fold).
 */
export function fundPosition(
  state: PoolYearRecord,
  terms: AgreementTerms | null,
  viewpoint: Viewpoint,
  /** The pool-year's ledger summed per day (kept beside its fold), so the position need not fold every posting. */
  index?: LedgerTotalsIndex,
) {
  const { transactions, balances, quarterIncome, quarterSpend } = ledgerTotals(state, viewpoint, index);
  const figures = currentFigures(state.figures, viewpoint);
  const figure: FigureOf = (basis, line, subject, quarter) =>
    figures.get(`${basis}|${line}|${subject}|${quarter ?? 'year'}`) ?? null;
  const income = contributionLines(balances);
  const schemes = schemeLines(state, terms, balances, figure);
  const dfg = byPrefix(balances, 'dfg-passed-down/').map(({ key, pence }) => ({
    districtId: key,
    amountPence: pence,
  }));
  const broughtForward = byPrefix(balances, 'brought-forward/').map(({ key, pence }) => ({
    purpose: key,
    amountPence: -pence,
  }));
  const carriedForward = byPrefix(balances, 'carried-forward/').map(({ key, pence }) => ({
    toYear: key,
    amountPence: pence,
  }));
  const incomePence = total(income.map((i) => ({ pence: i.committedPence })));
  const broughtForwardPence = total(broughtForward.map((b) => ({ pence: b.amountPence })));
  const expenditurePence = total(schemes.map((s) => ({ pence: s.actualPence })));
  const dfgPence = total(dfg.map((d) => ({ pence: d.amountPence })));
  const carriedForwardPence = total(carriedForward.map((c) => ({ pence: c.amountPence })));
  const surplusPence = incomePence + broughtForwardPence - expenditurePence - dfgPence - carriedForwardPence;
  const riskShare = poolRiskShare(
    terms,
    schemes,
    surplusPence,
    (partnerId) => balances.get(`recoverable/${partnerId}`) ?? 0,
  );
  return {
    poolId: state.poolId,
    year: state.year,
    ...viewpoint,
    transactions,
    contributions: income,
    contributionTotals: {
      committedPence: incomePence,
      receivedPence: total(income.map((i) => ({ pence: i.receivedPence }))),
      outstandingPence: total(income.map((i) => ({ pence: i.outstandingPence }))),
    },
    broughtForward,
    schemes,
    dfgPassedDown: dfg,
    recoverable: byPrefix(balances, 'recoverable/').map(({ key, pence }) => ({
      partnerId: key,
      amountPence: pence,
    })),
    reserves: byPrefix(balances, 'budget/reserve/').map(({ key, pence }) => ({
      reserve: key,
      amountPence: -pence,
    })),
    carriedForward,
    bankPence: balances.get('bank') ?? 0,
    incomePence,
    /** All spend: every scheme's actual spend and the DFG passed down; charges to partners never reduce it. */
    expenditurePence: expenditurePence + dfgPence,
    /** The overspends charged to partners (the `overspend-charged/` accounts), shown apart from the spend. */
    overspendChargedPence: -total(byPrefix(balances, 'overspend-charged/')),
    /** The spend the pool itself bears: all spend less the overspends carried outside it. */
    poolExpenditurePence: expenditurePence + dfgPence - riskShare.carriedOutsidePoolPence,
    /** The pool's own position: without the overspends its bearers carry outside it (incurring-partner). */
    underspendPence: Math.max(0, riskShare.poolSurplusPence),
    overspendPence: Math.max(0, -riskShare.poolSurplusPence),
    riskShare,
    byQuarter: quarterLines(figure, quarterIncome, quarterSpend),
    /** Every account's balance as at the viewpoint, by name (debits positive, credits negative). */
    balances: Object.fromEntries([...balances.entries()].sort(([a], [b]) => a.localeCompare(b))),
    /** Every posting balances, so this is zero; anything else is a bug the verify command reports. */
    sumOfAllBalancesPence: total([...balances.values()].map((pence) => ({ pence }))),
  };
}

export type FundPosition = ReturnType<typeof fundPosition>;
