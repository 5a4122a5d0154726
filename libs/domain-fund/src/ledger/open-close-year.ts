import { CalendarDate, refuse, FinancialYear, isFinancialYear, yearBounds } from '@bcl/kernel';
import { FundEvent, PooledFundState, StatedBy } from './pooled-fund';

/** Opens a pool's financial year under an agreement that establishes the pool. */
export function openYear(
  state: PooledFundState | undefined,
  command: { poolId: string; year: FinancialYear; agreementId: string },
  facts: { poolEstablished: boolean },
): FundEvent[] {
  if (state) refuse('conflict', 'year', `${command.year} is already opened for pool '${command.poolId}'`);
  if (!isFinancialYear(command.year)) refuse('invalid', 'year', 'must be a financial year such as 2016-17');
  if (!facts.poolEstablished)
    refuse(
      'invalid',
      'agreementId',
      `agreement '${command.agreementId}' establishes no pool '${command.poolId}' in ${command.year}`,
    );
  return [{ type: 'PooledFundYearOpened', data: { ...command } }];
}

/** Closing stops postings; only a recorded reopening decision lets them resume. Both are dated events. */
export function closeOrReopenYear(
  state: PooledFundState | undefined,
  command: { action: 'close' | 'reopen'; on: CalendarDate; decision: StatedBy },
): FundEvent[] {
  if (!state) return refuse('not-found', 'year', 'the pool-year is not opened');
  if (command.action === 'close' && state.closed)
    refuse('conflict', 'year', `${state.year} is already closed`);
  if (command.action === 'reopen' && !state.closed) refuse('conflict', 'year', `${state.year} is not closed`);
  if (command.on < yearBounds(state.year).start)
    refuse('invalid', 'on', `must not be before ${state.year} begins`);
  const type = command.action === 'close' ? 'PooledFundYearClosed' : 'PooledFundYearReopened';
  return [
    { type, data: { poolId: state.poolId, year: state.year, on: command.on, decision: command.decision } },
  ];
}
