import { CalendarDate, FinancialYear, Quarter, isCalendarDate, refuse } from '@bcl/kernel';
import { FUND_LIMITS } from '../shared/fund-limits';
import { FundEvent, PooledFundState, StatedFigure } from './pooled-fund';
import { ACCOUNT_PREFIXES } from './accounts';

/** The first day of the period a figure describes: its quarter of the year, or the whole year. */
function periodStartOf(year: FinancialYear, quarter: Quarter | null): CalendarDate {
  const first = Number(year.slice(0, 4));
  return [`${first}-04-01`, `${first}-07-01`, `${first}-10-01`, `${first + 1}-01-01`][(quarter ?? 1) - 1]!;
}

/**
 * A plan, forecast or actual figure as a return, plan or decision stated it, kept beside the ledger's own
 * postings. A later statement of the same figure (an amended return) is recorded too; neither is overwritten.
 * It carries the date it was stated (`statedOn`, its effective date); an actual cannot be stated before the
 * period it describes begins.
 */
export function stateFigure(state: PooledFundState | undefined, command: StatedFigure): FundEvent[] {
  if (!state) return refuse('not-found', 'year', 'the pool-year is not opened');
  if (state.figures.some((f) => f.figureId === command.figureId))
    refuse('conflict', 'figureId', `figure '${command.figureId}' is already recorded`);
  if (
    !Number.isSafeInteger(command.amountPence) ||
    command.amountPence < 0 ||
    command.amountPence > FUND_LIMITS.amountPenceMax
  )
    refuse('invalid', 'amountPence', `must be whole pence from 0 to ${FUND_LIMITS.amountPenceMax}`);
  if (command.statedOn === null || !isCalendarDate(command.statedOn))
    refuse('invalid', 'statedOn', 'give the date the figure was stated, as YYYY-MM-DD');
  const periodStart = periodStartOf(state.year, command.quarter);
  if (command.basis === 'actual' && command.statedOn < periodStart)
    refuse(
      'invalid',
      'statedOn',
      `an actual figure cannot be stated before the period it describes begins (${periodStart})`,
    );
  if (command.line === 'pooled-fund' && (command.subject !== 'pool' || command.quarter !== null))
    refuse(
      'invalid',
      'line',
      "the pooled fund is stated for the whole pool and year: subject 'pool', no quarter",
    );
  if ((command.line === 'total') !== (command.composedOf !== null))
    refuse('invalid', 'composedOf', "name the accounts a 'total' is made of, and only for a total");
  command.composedOf?.forEach((name, i) => {
    if (!/^[a-z0-9/-]{1,200}$/.test(name) || !ACCOUNT_PREFIXES.some((prefix) => name.startsWith(prefix)))
      refuse('invalid', `composedOf[${i}]`, `'${name}' names no account in the chart`);
  });
  return [{ type: 'FundFigureStated', data: { ...command, poolId: state.poolId, year: state.year } }];
}
