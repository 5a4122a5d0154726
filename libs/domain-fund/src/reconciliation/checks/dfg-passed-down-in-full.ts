import { Finding, finding } from '../finding';
import { ReconciliationInput } from '../reconciliation-input';

/** dfg-passed-down-in-full: the DFG contributions committed against what was passed down to districts. */
export function dfgPassedDownInFull({ position }: ReconciliationInput): Finding[] {
  const dfg = position.contributions.filter((c) => c.source === 'dfg');
  const dfgIncome = dfg.reduce((s, c) => s + c.committedPence, 0);
  const dfgOut = position.dfgPassedDown.reduce((s, d) => s + d.amountPence, 0);
  if (dfgOut <= 0) return [];
  return [
    finding(
      'dfg-passed-down-in-full',
      'DFG',
      null,
      { amountPence: dfgIncome, source: 'ledger: DFG contributions committed' },
      { amountPence: dfgOut, from: `${position.dfgPassedDown.length} districts' pass-down` },
      {
        figures: [],
        ledger: {
          accounts: [...dfg.map((c) => `income/${c.partnerId}/dfg`), 'dfg-passed-down/'],
          quarter: null,
        },
      },
    ),
  ];
}
