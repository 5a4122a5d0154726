import { PoolYearPosition, totalPence } from './chart-data';

/** One line of a pool-year's position as the page lists it: a label and an amount in pence. */
export interface PositionLine {
  label: string;
  pence: number;
}

/**
 * The position's lines in the order a finance officer reads them: the money in, the money out, what is held
 * back, and the result. Lines for what the year does not have (nothing brought forward, no DFG) are left out.
 */
export function positionLines(position: PoolYearPosition): PositionLine[] {
  const optional = (label: string, amounts: { amountPence: number }[]): PositionLine[] =>
    amounts.length === 0 ? [] : [{ label, pence: totalPence(amounts.map((a) => a.amountPence)) }];
  return [
    { label: 'Contributions committed', pence: position.contributionTotals.committedPence },
    { label: 'Contributions received', pence: position.contributionTotals.receivedPence },
    { label: 'Contributions outstanding', pence: position.contributionTotals.outstandingPence },
    ...optional('Brought forward from the previous year', position.broughtForward),
    { label: 'Spend on schemes', pence: position.expenditurePence },
    ...optional('DFG passed down to district councils', position.dfgPassedDown),
    // `0 +` turns the position's -0 (no charge, negated) into 0, shown as £0.00 rather than -£0.00
    { label: 'Overspend charged to partners', pence: 0 + position.overspendChargedPence },
    ...position.reserves.map((r) => ({ label: `Reserve: ${r.reserve}`, pence: r.amountPence })),
    ...optional('Carried forward to the next year', position.carriedForward),
    { label: 'Bank balance', pence: position.bankPence },
    { label: 'Underspend', pence: position.underspendPence },
    { label: 'Overspend', pence: position.overspendPence },
  ];
}
