import { QUARTERS } from '@bcl/kernel';
import { FUND_LIMITS } from '../shared/fund-limits';
import { PooledFundState, StatedBy, StatedFigure } from '../ledger/pooled-fund';
import { FundPosition, Viewpoint, currentFigures } from '../position/fund-position';
import { isCreditAccount } from '../ledger/accounts';

export type Classification = 'agrees' | 'rounding' | 'discrepancy';

/** One comparison: a stated figure (with where it was stated) against what its parts, or the ledger, give. */
export interface Finding {
  check: string;
  subject: string;
  quarter: number | null;
  stated: { amountPence: number; source: string };
  computed: { amountPence: number; from: string };
  /** stated − computed */
  differencePence: number;
  classification: Classification;
}

export const classify = (differencePence: number): Classification =>
  differencePence === 0
    ? 'agrees'
    : Math.abs(differencePence) <= FUND_LIMITS.roundingTolerancePence
      ? 'rounding'
      : 'discrepancy';

const source = (s: StatedBy) => `${s.kind}: ${s.reference}`;

/** What the BCF plan (the plans capability) says for this year, to compare with the ledger. */
export interface PlanFigures {
  planId: string;
  version: number;
  contributions: { partnerId: string; source: string; amountPence: number }[];
  dfgPassDown: { districtId: string; amountPence: number }[];
  /** The plan's spend over all its schemes for the year. */
  schemeSpendPence: number;
}

/**
 * Compares, for one pool-year, each stated total with the total of its parts, the quarterly income and
 * expenditure with the pooled fund, the schemes' planned spend with the pooled fund, stated actuals with the
 * ledger, contributions with the pooled fund, the DFG passed down, the agreement's contribution rules and the
 * area's BCF plan. It reports; it corrects nothing.
 */
export function reconcile(
  state: PooledFundState,
  position: FundPosition,
  viewpoint: Viewpoint,
  plan: PlanFigures | null = null,
  /** The agreement's contribution rules for this pool and year, in effect at the viewpoint. */
  rules: { partnerId: string; source: string; amountPence: number; variationId: string }[] = [],
) {
  const figures = [...currentFigures(state.figures, viewpoint).values()];
  const findings: Finding[] = [];
  const add = (
    check: string,
    subject: string,
    quarter: number | null,
    stated: Finding['stated'],
    computed: Finding['computed'],
  ) => {
    const differencePence = stated.amountPence - computed.amountPence;
    findings.push({
      check,
      subject,
      quarter,
      stated,
      computed,
      differencePence,
      classification: classify(differencePence),
    });
  };
  const find = (
    basis: StatedFigure['basis'],
    line: StatedFigure['line'],
    subject: string,
    quarter: number | null,
  ) =>
    figures.find(
      (f) => f.basis === basis && f.line === line && f.subject === subject && f.quarter === quarter,
    );
  const pooled = find('plan', 'pooled-fund', 'pool', null) ?? find('actual', 'pooled-fund', 'pool', null);

  for (const basis of ['plan', 'forecast', 'actual'] as const)
    for (const line of ['income', 'expenditure'] as const) {
      const quarters = QUARTERS.map((q) => find(basis, line, 'pool', q));
      if (quarters.some((q) => q === undefined)) continue;
      const sum = quarters.reduce((s, q) => s + q!.amountPence, 0);
      const from = `Q1-Q4 ${basis} ${line}`;
      const annual = find(basis, line, 'pool', null);
      if (annual)
        add(
          'annual-equals-quarters',
          `${basis} ${line}`,
          null,
          { amountPence: annual.amountPence, source: source(annual.statedBy) },
          { amountPence: sum, from },
        );
      if (pooled)
        add(
          'year-equals-pooled-fund',
          `${basis} ${line}`,
          null,
          { amountPence: pooled.amountPence, source: source(pooled.statedBy) },
          { amountPence: sum, from },
        );
    }
  const schemePlans = figures.filter(
    (f) => f.basis === 'plan' && f.line === 'expenditure' && f.subject !== 'pool' && f.quarter === null,
  );
  if (pooled && schemePlans.length > 0)
    add(
      'schemes-equal-pooled-fund',
      'plan expenditure by scheme',
      null,
      { amountPence: pooled.amountPence, source: source(pooled.statedBy) },
      {
        amountPence: schemePlans.reduce((s, f) => s + f.amountPence, 0),
        from: `${schemePlans.length} schemes' planned expenditure`,
      },
    );
  for (const row of position.byQuarter)
    for (const line of ['income', 'expenditure'] as const) {
      const stated = find('actual', line, 'pool', row.quarter);
      if (stated)
        add(
          'stated-actual-equals-ledger',
          `actual ${line}`,
          row.quarter,
          { amountPence: stated.amountPence, source: source(stated.statedBy) },
          {
            amountPence: row[line].ledgerPence,
            from: `ledger postings effective in Q${row.quarter}`,
          },
        );
    }
  if (pooled && position.transactions > 0)
    add(
      'contributions-equal-pooled-fund',
      'contributions committed and brought forward',
      null,
      { amountPence: pooled.amountPence, source: source(pooled.statedBy) },
      {
        amountPence: position.incomePence + position.broughtForward.reduce((s, b) => s + b.amountPence, 0),
        from: 'ledger: income and brought-forward accounts',
      },
    );
  for (const total of figures.filter((f) => f.line === 'total' && f.composedOf)) {
    const matches = (name: string) =>
      total.composedOf!.some((part) => (part.endsWith('/') ? name.startsWith(part) : name === part));
    const accounts = Object.entries(position.balances).filter(([name]) => matches(name));
    add(
      'stated-total-equals-accounts',
      total.subject,
      total.quarter,
      { amountPence: total.amountPence, source: source(total.statedBy) },
      {
        amountPence: accounts.reduce((s, [name, pence]) => s + (isCreditAccount(name) ? -pence : pence), 0),
        from: `ledger: ${total.composedOf!.join(' + ')}`,
      },
    );
  }
  const dfgIncome = position.contributions
    .filter((c) => c.source === 'dfg')
    .reduce((s, c) => s + c.committedPence, 0);
  const dfgOut = position.dfgPassedDown.reduce((s, d) => s + d.amountPence, 0);
  if (dfgOut > 0)
    add(
      'dfg-passed-down-in-full',
      'DFG',
      null,
      { amountPence: dfgIncome, source: 'ledger: DFG contributions committed' },
      {
        amountPence: dfgOut,
        from: `${position.dfgPassedDown.length} districts' pass-down`,
      },
    );
  for (const rule of rules)
    add(
      'agreement-contribution-equals-ledger',
      `${rule.partnerId} ${rule.source}`,
      null,
      { amountPence: rule.amountPence, source: `agreement: variation ${rule.variationId}` },
      {
        amountPence:
          position.contributions.find((c) => c.partnerId === rule.partnerId && c.source === rule.source)
            ?.committedPence ?? 0,
        from: `ledger: income/${rule.partnerId}/${rule.source}`,
      },
    );
  if (plan) {
    const planSource = `plan: ${plan.planId} version ${plan.version}`;
    const committed = (partnerId: string, source: string) =>
      position.contributions.find((c) => c.partnerId === partnerId && c.source === source)?.committedPence ??
      0;
    for (const c of plan.contributions)
      add(
        'plan-contribution-equals-ledger',
        `${c.partnerId} ${c.source}`,
        null,
        { amountPence: c.amountPence, source: planSource },
        {
          amountPence: committed(c.partnerId, c.source),
          from: `ledger: income/${c.partnerId}/${c.source}`,
        },
      );
    for (const c of position.contributions.filter(
      (l) => !plan.contributions.some((p) => p.partnerId === l.partnerId && p.source === l.source),
    ))
      add(
        'plan-contribution-equals-ledger',
        `${c.partnerId} ${c.source}`,
        null,
        { amountPence: 0, source: `${planSource} (not in the plan)` },
        {
          amountPence: c.committedPence,
          from: `ledger: income/${c.partnerId}/${c.source}`,
        },
      );
    add(
      'plan-expenditure-equals-ledger',
      'expenditure on schemes',
      null,
      { amountPence: plan.schemeSpendPence, source: planSource },
      {
        amountPence: position.schemes.reduce((sum, s) => sum + s.actualPence, 0),
        from: 'ledger: expenditure accounts',
      },
    );
    for (const d of plan.dfgPassDown)
      add(
        'plan-dfg-pass-down-equals-ledger',
        d.districtId,
        null,
        { amountPence: d.amountPence, source: planSource },
        {
          amountPence: position.dfgPassedDown.find((l) => l.districtId === d.districtId)?.amountPence ?? 0,
          from: `ledger: dfg-passed-down/${d.districtId}`,
        },
      );
  }
  const count = (c: Classification) => findings.filter((f) => f.classification === c).length;
  return {
    poolId: state.poolId,
    year: state.year,
    ...viewpoint,
    roundingTolerancePence: FUND_LIMITS.roundingTolerancePence,
    plan: plan ? { planId: plan.planId, version: plan.version } : null,
    summary: { agrees: count('agrees'), rounding: count('rounding'), discrepancy: count('discrepancy') },
    findings,
  };
}

const CSV_COLUMNS = [
  'check',
  'subject',
  'quarter',
  'stated_pence',
  'stated_source',
  'computed_pence',
  'computed_from',
  'difference_pence',
  'classification',
];
const csvCell = (value: string | number | null) => {
  const text = value === null ? '' : String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The findings as CSV (RFC 4180), one row each, amounts in pence. */
export function findingsCsv(findings: Finding[]): string {
  const rows = findings.map((f) =>
    [
      f.check,
      f.subject,
      f.quarter,
      f.stated.amountPence,
      f.stated.source,
      f.computed.amountPence,
      f.computed.from,
      f.differencePence,
      f.classification,
    ]
      .map(csvCell)
      .join(','),
  );
  return [CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
