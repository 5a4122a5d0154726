import { Finding, finding } from '../finding';
import { PlanFigures, ReconciliationInput, committedInLedger } from '../reconciliation-input';

const planSource = (plan: PlanFigures) => `plan: ${plan.planId} version ${plan.version}`;

/**
 * plan-contribution-equals-ledger: each contribution in the plan against the ledger, then each contribution in
 * the ledger that the plan does not name (stated as 0).
 */
export function planContributionEqualsLedger({ plan, position }: ReconciliationInput): Finding[] {
  if (!plan) return [];
  const inPlan = plan.contributions.map((c) =>
    finding(
      'plan-contribution-equals-ledger',
      `${c.partnerId} ${c.source}`,
      null,
      { amountPence: c.amountPence, source: planSource(plan) },
      {
        amountPence: committedInLedger(position, c.partnerId, c.source),
        from: `ledger: income/${c.partnerId}/${c.source}`,
      },
    ),
  );
  const notInPlan = position.contributions
    .filter((l) => !plan.contributions.some((p) => p.partnerId === l.partnerId && p.source === l.source))
    .map((c) =>
      finding(
        'plan-contribution-equals-ledger',
        `${c.partnerId} ${c.source}`,
        null,
        { amountPence: 0, source: `${planSource(plan)} (not in the plan)` },
        { amountPence: c.committedPence, from: `ledger: income/${c.partnerId}/${c.source}` },
      ),
    );
  return [...inPlan, ...notInPlan];
}

/** plan-expenditure-equals-ledger: the plan's spend on schemes against the ledger's expenditure. */
export function planExpenditureEqualsLedger({ plan, position }: ReconciliationInput): Finding[] {
  if (!plan) return [];
  return [
    finding(
      'plan-expenditure-equals-ledger',
      'expenditure on schemes',
      null,
      { amountPence: plan.schemeSpendPence, source: planSource(plan) },
      {
        amountPence: position.schemes.reduce((sum, s) => sum + s.actualPence, 0),
        from: 'ledger: expenditure accounts',
      },
    ),
  ];
}

/** plan-dfg-pass-down-equals-ledger: each district's pass-down in the plan against the ledger. */
export function planDfgPassDownEqualsLedger({ plan, position }: ReconciliationInput): Finding[] {
  if (!plan) return [];
  return plan.dfgPassDown.map((d) =>
    finding(
      'plan-dfg-pass-down-equals-ledger',
      d.districtId,
      null,
      { amountPence: d.amountPence, source: planSource(plan) },
      {
        amountPence: position.dfgPassedDown.find((l) => l.districtId === d.districtId)?.amountPence ?? 0,
        from: `ledger: dfg-passed-down/${d.districtId}`,
      },
    ),
  );
}
