import { refusal } from '@bcl/testing';
import { upcastEvent } from '@bcl/kernel';
import { FUND_EVENT_SCHEMAS } from '../events';
import { opened } from '../fund-ledger.fixtures';
import { fundPosition } from '../position/fund-position';
import { PooledFundState, StatedFigure, evolvePooledFund } from './pooled-fund';
import { stateFigure } from './state-figure';

const figure = (over: Partial<StatedFigure> = {}): StatedFigure => ({
  figureId: 'q2-actual',
  basis: 'actual',
  line: 'expenditure',
  subject: 'pool',
  quarter: 2,
  amountPence: 3_282_762_00,
  statedBy: { kind: 'quarterly-return', reference: 'Q2 return' },
  statedOn: '2016-11-25',
  composedOf: null,
  ...over,
});

/** The year with the figures stated, each recorded at the given instant. */
const withFigures = (...figures: [StatedFigure, string][]): PooledFundState =>
  figures.reduce(
    (state, [f, recordedAt]) =>
      stateFigure(state, f)
        .map((event) => ({ ...event, recordedAt }))
        .reduce(evolvePooledFund, state),
    opened(),
  );

const statedActual = (state: PooledFundState, viewpoint: Parameters<typeof fundPosition>[2]) =>
  fundPosition(state, null, viewpoint).byQuarter[1]!.expenditure.statedActualPence;

describe('a stated figure carries the date it was stated', () => {
  it('refuses a figure without a real statement date, and an actual stated before its period begins', () => {
    expect(refusal(() => stateFigure(opened(), figure({ statedOn: null })))).toBe('invalid statedOn');
    expect(refusal(() => stateFigure(opened(), figure({ statedOn: '2016-02-30' })))).toBe('invalid statedOn');
    // Q2 begins on 1 July
    expect(refusal(() => stateFigure(opened(), figure({ statedOn: '2016-06-30' })))).toBe('invalid statedOn');
    expect(refusal(() => stateFigure(opened(), figure({ statedOn: '2016-07-01' })))).toBe('accepted');
    // a whole-year actual cannot be stated before the year begins; a plan or forecast can
    expect(refusal(() => stateFigure(opened(), figure({ quarter: null, statedOn: '2016-03-31' })))).toBe(
      'invalid statedOn',
    );
    expect(refusal(() => stateFigure(opened(), figure({ basis: 'forecast', statedOn: '2016-03-01' })))).toBe(
      'accepted',
    );
  });

  it('is seen in a position as at the date it was stated, not the day before', () => {
    const state = withFigures([figure(), '2026-01-01T00:00:00.000Z']);
    expect(statedActual(state, { asAt: '2016-11-24', axis: 'effective' })).toBeNull();
    expect(statedActual(state, { asAt: '2016-11-25', axis: 'effective' })).toBe(3_282_762_00);
    // a year's reports asked for no date show every figure stated of the year to date
    expect(statedActual(state, { asAt: '2017-03-31', axis: 'effective', figuresAsAt: null })).toBe(
      3_282_762_00,
    );
  });

  it('shows the statement known at an instant: an amended return replaces it only once recorded', () => {
    const state = withFigures(
      [figure(), '2026-01-01T00:00:00.000Z'],
      [
        figure({ figureId: 'q2-amended', amountPence: 1_00, statedOn: '2017-03-03' }),
        '2026-02-01T00:00:00.000Z',
      ],
    );
    const asAt = { asAt: '2017-03-31', axis: 'effective' } as const;
    expect(statedActual(state, asAt)).toBe(1_00);
    expect(statedActual(state, { ...asAt, knownAt: '2026-01-31T23:59:59.999Z' })).toBe(3_282_762_00);
    expect(statedActual(state, { ...asAt, knownAt: '2025-12-31T23:59:59.999Z' })).toBeNull();
    // as at a date before the amendment was stated, the first statement stands
    expect(statedActual(state, { asAt: '2017-03-02', axis: 'effective' })).toBe(3_282_762_00);
  });

  it('reads a figure recorded before version 2 with no statement date, seen from any date', () => {
    const { statedOn: _dropped, ...v1 } = { ...figure(), poolId: 'pool', year: '2016-17' };
    const read = upcastEvent(FUND_EVENT_SCHEMAS, {
      type: 'FundFigureStated',
      schemaVersion: 1,
      data: v1,
      metadata: {},
    });
    expect(read.schemaVersion).toBe(2);
    expect(read.data).toEqual({ ...v1, statedOn: null });
    const state = evolvePooledFund(opened(), {
      type: 'FundFigureStated',
      data: read.data as StatedFigure & { poolId: string; year: string },
      recordedAt: '2026-01-01T00:00:00.000Z',
    });
    expect(statedActual(state, { asAt: '2016-04-01', axis: 'effective' })).toBe(3_282_762_00);
  });
});
