import { Finding, finding, notCheckable } from '../finding';
import { FindingSources } from '../finding-evidence';
import {
  PlanFigures,
  ReconciliationInput,
  committedInLedger,
  contributionsPosted,
  postedTo,
} from '../reconciliation-input';

const planSource = (plan: PlanFigures) => `plan: ${plan.planId} version ${plan.version}`;
/** The plan's figures are the plans capability's (their evidence is the plan's); the ledger's, the postings. */
const ledgerSources = (plan: PlanFigures, account: string): FindingSources => ({
  figures: [],
  plan: { planId: plan.planId, version: plan.version },
  ledger: { accounts: [account], quarter: null },
});

/**
 * plan-contribution-equals-ledger: each contribution in the plan against the ledger (not checkable where the
 * pool-year holds no contribution from that funding source), then each contribution in the ledger that the plan
 * does not name (stated as 0).
 */
export function planContributionEqualsLedger({ plan, position, year }: ReconciliationInput): Finding[] {
  if (!plan) return [];
  const inPlan = plan.contributions.map((c) => {
    const subject = `${c.partnerId} ${c.source}`;
    const stated = { amountPence: c.amountPence, source: planSource(plan) };
    const from = `ledger: income/${c.partnerId}/${c.source}`;
    const sources = ledgerSources(plan, `income/${c.partnerId}/${c.source}`);
    if (!contributionsPosted(position, c.source))
      return notCheckable(
        'plan-contribution-equals-ledger',
        subject,
        null,
        stated,
        from,
        `no ${c.source} contributions posted for ${year}`,
        sources,
      );
    return finding(
      'plan-contribution-equals-ledger',
      subject,
      null,
      stated,
      { amountPence: committedInLedger(position, c.partnerId, c.source), from },
      sources,
    );
  });
  const notInPlan = position.contributions
    .filter((l) => !plan.contributions.some((p) => p.partnerId === l.partnerId && p.source === l.source))
    .map((c) =>
      finding(
        'plan-contribution-equals-ledger',
        `${c.partnerId} ${c.source}`,
        null,
        { amountPence: 0, source: `${planSource(plan)} (not in the plan)` },
        { amountPence: c.committedPence, from: `ledger: income/${c.partnerId}/${c.source}` },
        ledgerSources(plan, `income/${c.partnerId}/${c.source}`),
      ),
    );
  return [...inPlan, ...notInPlan];
}

/**
 * plan-expenditure-equals-ledger: the plan's spend on schemes against the ledger's expenditure; not checkable
 * while the plan holds no spend line for the year, or the pool-year no expenditure.
 */
export function planExpenditureEqualsLedger({ plan, position, year }: ReconciliationInput): Finding[] {
  if (!plan) return [];
  const check = 'plan-expenditure-equals-ledger';
  const subject = 'expenditure on schemes';
  const from = 'ledger: expenditure accounts';
  const spent = postedTo(position, (name) => name.startsWith('expenditure/'));
  if (plan.schemeSpendPence === null || !spent) {
    const missing = [
      ...(plan.schemeSpendPence === null ? [`the plan holds no scheme-level spend for ${year}`] : []),
      ...(spent ? [] : [`no expenditure posted for ${year}`]),
    ].join('; ');
    return [
      notCheckable(
        check,
        subject,
        null,
        plan.schemeSpendPence === null
          ? { amountPence: 0, source: `${planSource(plan)} (no scheme-level spend)` }
          : { amountPence: plan.schemeSpendPence, source: planSource(plan) },
        from,
        missing,
        ledgerSources(plan, 'expenditure/'),
      ),
    ];
  }
  return [
    finding(
      check,
      subject,
      null,
      { amountPence: plan.schemeSpendPence, source: planSource(plan) },
      { amountPence: position.schemes.reduce((sum, s) => sum + s.actualPence, 0), from },
      ledgerSources(plan, 'expenditure/'),
    ),
  ];
}

/**
 * plan-dfg-pass-down-equals-ledger: each district's pass-down in the plan against the ledger; not checkable
 * while the pool-year holds no DFG pass-down.
 */
export function planDfgPassDownEqualsLedger({ plan, position, year }: ReconciliationInput): Finding[] {
  if (!plan) return [];
  const passedDown = postedTo(position, (name) => name.startsWith('dfg-passed-down/'));
  return plan.dfgPassDown.map((d) => {
    const stated = { amountPence: d.amountPence, source: planSource(plan) };
    const from = `ledger: dfg-passed-down/${d.districtId}`;
    if (!passedDown)
      return notCheckable(
        'plan-dfg-pass-down-equals-ledger',
        d.districtId,
        null,
        stated,
        from,
        `no DFG pass-down posted for ${year}`,
        ledgerSources(plan, `dfg-passed-down/${d.districtId}`),
      );
    return finding(
      'plan-dfg-pass-down-equals-ledger',
      d.districtId,
      null,
      stated,
      {
        amountPence: position.dfgPassedDown.find((l) => l.districtId === d.districtId)?.amountPence ?? 0,
        from,
      },
      ledgerSources(plan, `dfg-passed-down/${d.districtId}`),
    );
  });
}
