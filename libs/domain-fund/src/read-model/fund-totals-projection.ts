import { Evidence, ViewKey, change, defineProjection, evidenceOf, viewKeyOf } from '@bcl/kernel';
import { StatedFigure, Transaction } from '../ledger/pooled-fund';
import { LedgerTotalsIndex, addTransactionToDay, emptyDay, groupOf } from '../position/ledger-totals';
import { StoredDayTotals, dayTotalsOf, storedDayTotals } from '../position/stored-day-totals';
import { PoolYearRecord } from '../position/fund-position';
import { FundContextEvent } from './fund-projection';

type Axis = 'effective' | 'recorded';

/**
 * A pool-year as its position and reconciliation read it, without its transactions (a year may hold half a
 * million): its record and stated figures, how many transactions its ledger holds, and the stream revision it
 * is folded to, so a reader folds only the events after it. Its ledger is summed per day in `FundDayTotalsView`s.
 */
export interface FundYearTotalsView {
  poolId: string;
  year: string;
  agreementId: string;
  closed: boolean;
  /** The pool-year stream's revision last folded in. */
  revision: number;
  /** How many transactions the ledger holds. */
  transactions: number;
  /** The latest instant a transaction was recorded at ('' before the first). */
  latestRecordedAt: string;
  figures: (StatedFigure & { recordedAt: string })[];
  /** Each stated figure's evidence, by figure id. */
  figureEvidence: Record<string, Evidence>;
}

/** One day's ledger totals of a pool-year, on one axis (the effective date; the day, UTC, it was recorded). */
export interface FundDayTotalsView {
  /** The pool-year stream's revision that last changed the day (a reader checks it is not past the year's). */
  revision: number;
  axis: Axis;
  on: string;
  totals: StoredDayTotals;
}

export type FundTotalsView = FundYearTotalsView | FundDayTotalsView;

/** The keys of the fund-totals views: a pool-year's record, and its days (all under `fundDayTotalsPrefix`). */
export const fundTotalsKey = {
  year: (poolId: string, year: string): ViewKey<FundYearTotalsView> => viewKeyOf(`year/${poolId}/${year}`),
  day: (poolId: string, year: string, axis: Axis, on: string): ViewKey<FundDayTotalsView> =>
    viewKeyOf(`day/${poolId}/${year}/${axis}/${on}`),
};
export const fundDayTotalsPrefix = (poolId: string, year: string): string => `day/${poolId}/${year}/`;

const yearOf = (event: { data: { poolId: string; year: string } }) =>
  fundTotalsKey.year(event.data.poolId, event.data.year);

type Posted = { data: Transaction & { poolId: string; year: string }; recordedAt: string };
const daysOf = ({ data, recordedAt }: Posted): [Axis, string][] => [
  ['effective', data.effectiveOn],
  ['recorded', recordedAt.slice(0, 10)],
];

/**
 * Each pool-year's ledger summed per day, and its record without the transactions: what a position and a
 * reconciliation read, so a process that starts reads them rather than folding the year's stream (issue 16).
 * Equal to the `LedgerTotalsIndex` the fold keeps (the same `addTransactionToDay`); `bcl verify --views`
 * rebuilds it from the log and compares.
 */
export const fundTotalsProjection = defineProjection<FundContextEvent, FundTotalsView>({
  name: 'fund-totals',
  version: 1,
  handlers: {
    PooledFundYearOpened: {
      apply: (event) => [
        change(yearOf(event), {
          poolId: event.data.poolId,
          year: event.data.year,
          agreementId: event.data.agreementId,
          closed: false,
          revision: event.revision,
          transactions: 0,
          latestRecordedAt: '',
          figures: [],
          figureEvidence: {},
        }),
      ],
    },
    FundTransactionPosted: {
      reads: (event) => [
        yearOf(event),
        ...daysOf(event).map(([axis, on]) => fundTotalsKey.day(event.data.poolId, event.data.year, axis, on)),
      ],
      apply(event, load) {
        const record = load(yearOf(event));
        if (!record) return []; // a replay from a viewpoint that does not see the year opened
        const place = record.transactions;
        const group = groupOf(event.data, evidenceOf(event).assumed);
        const days = daysOf(event).map(([axis, on]) => {
          const key = fundTotalsKey.day(event.data.poolId, event.data.year, axis, on);
          const stored = load(key);
          const day = stored ? dayTotalsOf(stored.totals) : emptyDay();
          addTransactionToDay(day, event.data, place, group);
          return change(key, { revision: event.revision, axis, on, totals: storedDayTotals(day) });
        });
        const latest =
          event.recordedAt > record.latestRecordedAt ? event.recordedAt : record.latestRecordedAt;
        return [
          ...days,
          change(yearOf(event), {
            ...record,
            revision: event.revision,
            transactions: place + 1,
            latestRecordedAt: latest,
          }),
        ];
      },
    },
    FundFigureStated: {
      reads: (event) => [yearOf(event)],
      apply(event, load) {
        const record = load(yearOf(event));
        if (!record) return [];
        const { poolId: _p, year: _y, ...figure } = event.data;
        return [
          change(yearOf(event), {
            ...record,
            revision: event.revision,
            figures: [...record.figures, { ...figure, recordedAt: event.recordedAt }],
            figureEvidence: { ...record.figureEvidence, [figure.figureId]: evidenceOf(event) },
          }),
        ];
      },
    },
    PooledFundYearClosed: {
      reads: (event) => [yearOf(event)],
      apply: (event, load) => closedOrReopened(event, load(yearOf(event)), true),
    },
    PooledFundYearReopened: {
      reads: (event) => [yearOf(event)],
      apply: (event, load) => closedOrReopened(event, load(yearOf(event)), false),
    },
    S75AgreementEstablished: 'ignored',
    S75AgreementVaried: 'ignored',
  },
});

function closedOrReopened(
  event: { data: { poolId: string; year: string }; revision: number },
  record: FundYearTotalsView | undefined,
  closed: boolean,
) {
  return record ? [change(yearOf(event), { ...record, closed, revision: event.revision })] : [];
}

/** A pool-year read from its fund-totals views: its record (without transactions) and its ledger's totals index. */
export function poolYearOfTotals(
  record: FundYearTotalsView,
  days: readonly FundDayTotalsView[],
): {
  state: PoolYearRecord;
  totals: LedgerTotalsIndex;
  figureEvidence: Record<string, Evidence>;
  revision: number;
} {
  const { poolId, year, agreementId, closed, figures } = record;
  return {
    state: { poolId, year: year as PoolYearRecord['year'], agreementId, closed, figures },
    totals: LedgerTotalsIndex.ofDays(
      record.transactions,
      record.latestRecordedAt,
      days.map((d) => ({ axis: d.axis, on: d.on, totals: dayTotalsOf(d.totals) })),
    ),
    figureEvidence: record.figureEvidence,
    revision: record.revision,
  };
}
