import { command, opened, post, stamp, TERMS } from '../fund-ledger.fixtures';
import { evolvePooledFund, PooledFundState, StatedFigure } from '../ledger/pooled-fund';
import { stateFigure } from '../ledger/state-figure';
import { Viewpoint, fundPosition } from '../position/fund-position';
import { LedgerTotalsIndex } from '../position/ledger-totals';
import {
  ASSUMED_IDS_LISTED,
  EVIDENCE_NOT_HELD,
  FactEvidence,
  findingEvidence,
  findingsEvidence,
} from './finding-evidence';
import { findingsCsv } from './findings-csv';
import { reconcile } from './reconcile';

/** Issue 12 §3: a finding says what each side rests on, and never reads an assumed fact as documented. */
describe('the evidence beside each reconciliation finding', () => {
  const actual = (figureId: string, line: 'income' | 'expenditure', quarter: 1 | 2, pence: number) =>
    ({
      figureId,
      basis: 'actual',
      line,
      subject: 'pool',
      quarter,
      amountPence: pence,
      statedBy: { kind: 'quarterly-return', reference: `Q${quarter} return` },
      statedOn: '2016-10-31',
      composedOf: null,
    }) satisfies StatedFigure;
  const total: StatedFigure = {
    ...actual('spend-total', 'expenditure', 1, 200_00),
    line: 'total',
    subject: 'spend so far',
    quarter: null,
    composedOf: ['expenditure/'],
  };
  const committed = (id: string, partnerId: string, pence: number) =>
    command(id, { kind: 'contribution-committed', partnerId, source: 'ccg-minimum', amountPence: pence });
  let state = post(opened(), committed('c1', 'ccg', 500_00));
  state = post(
    state,
    command('e1', { kind: 'expenditure', schemeId: 'carers', amountPence: 200_00 }, '2016-09-30'),
  );
  state = [actual('fa', 'income', 1, 800_00), actual('fb', 'expenditure', 2, 200_00), total].reduce(
    (s, f) => stateFigure(s, f).map(stamp('2016-11-01T00:00:00Z')).reduce(evolvePooledFund, s),
    state as PooledFundState | undefined,
  )!;
  // recorded after the figures: a view known at an earlier instant does not count it
  state = post(state, committed('c2', 'council', 300_00), '2017-01-15T00:00:00Z');
  const cited = (...citations: string[]) => ({ citations, assumed: null });
  const facts: FactEvidence = {
    transactions: {
      c1: cited('004:1011'),
      c2: { citations: [], assumed: 'the partners’ split is a stand-in' },
      e1: cited('004:1605'),
    },
    figures: {
      fa: cited('004:1047'),
      fb: cited('004:1660'),
      'spend-total': { citations: ['004:2424'], assumed: 'the seeds do not date the return' },
    },
    variations: { v1: cited('003:62') },
  };
  const viewpoint: Viewpoint = { asAt: '2017-03-31', axis: 'effective' };
  const run = (vp: Viewpoint, given?: FactEvidence, rules = [] as Parameters<typeof reconcile>[4]) =>
    reconcile(state, fundPosition(state, TERMS, vp), vp, null, rules, given);
  const find = (findings: ReturnType<typeof run>['findings'], check: string, quarter: number | null) =>
    findings.find((f) => f.check === check && f.quarter === quarter)!;

  it("gives the stated figure's evidence, and the assumed transactions its ledger side counts, by id", () => {
    const income = find(run(viewpoint, facts).findings, 'stated-actual-equals-ledger', 1);
    expect(income.classification).toBe('agrees');
    expect(income.evidence).toMatchObject({
      figures: [{ figureId: 'fa', side: 'stated', evidence: cited('004:1047') }],
      ledger: { accounts: ['income/'], quarter: 1, transactions: 2, assumedTransactions: 1 },
      restsOnAssumed: true,
      assumptions: ['the partners’ split is a stand-in'],
    });
    expect(income.evidence!.ledger!.assumedTransactionIds).toEqual(['c2']);
    expect(income.evidence!.note).toMatch(/^rests on assumed facts: the partners’ split is a stand-in;/);
  });

  it('says documented only where every figure and transaction it rests on is cited', () => {
    const { findings, findingsRestingOnAssumed } = run(viewpoint, facts);
    const spend = find(findings, 'stated-actual-equals-ledger', 2);
    expect(spend.evidence).toMatchObject({
      ledger: { transactions: 1, assumedTransactions: 0, assumedTransactionIds: [] },
      restsOnAssumed: false,
      assumptions: [],
    });
    expect(spend.evidence!.note).toBe('documented; figure fb: 004:1660; ledger: 1 transactions, 0 assumed');
    // the total's figure is assumed although its ledger side (e1) is cited
    const totalFinding = find(findings, 'stated-total-equals-accounts', null);
    expect(totalFinding.evidence).toMatchObject({
      restsOnAssumed: true,
      assumptions: ['the seeds do not date the return'],
      ledger: { accounts: ['expenditure/'], transactions: 1, assumedTransactions: 0 },
    });
    expect(findingsRestingOnAssumed).toBe(findings.filter((f) => f.evidence!.restsOnAssumed).length);
    expect(findingsRestingOnAssumed).toBe(2);
  });

  it('counts only the transactions the viewpoint sees: known before c2 was recorded, Q1 income rests on none assumed', () => {
    const before = find(
      run({ ...viewpoint, knownAt: '2016-12-01T00:00:00Z' }, facts).findings,
      'stated-actual-equals-ledger',
      1,
    );
    expect(before.evidence).toMatchObject({
      ledger: { transactions: 1, assumedTransactions: 0, assumedTransactionIds: [] },
      restsOnAssumed: false,
    });
    expect(before.classification).toBe('discrepancy'); // £800 stated, £500 known then
  });

  it("gives an agreement rule's variation evidence on the stated side", () => {
    const rules = [{ partnerId: 'ccg', source: 'ccg-minimum', amountPence: 500_00, variationId: 'v1' }];
    const rule = find(run(viewpoint, facts, rules).findings, 'agreement-contribution-equals-ledger', null);
    expect(rule.evidence).toMatchObject({
      terms: { variationId: 'v1', evidence: cited('003:62') },
      ledger: { accounts: ['income/ccg/ccg-minimum'], transactions: 1, assumedTransactions: 0 },
      restsOnAssumed: false,
    });
  });

  it('reads a fact whose evidence is not held as assumed, never as documented', () => {
    const { findings } = run(viewpoint);
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      expect(f.evidence!.restsOnAssumed).toBe(true);
      expect(f.evidence!.assumptions).toEqual([EVIDENCE_NOT_HELD.assumed]);
    }
  });

  it('puts whether it rests on an assumed fact, and its evidence, in the last two CSV columns', () => {
    const { findings } = run(viewpoint, facts);
    const [header, ...rows] = findingsCsv(findings).trimEnd().split('\r\n');
    expect(header!.split(',').slice(-3)).toEqual(['missing', 'rests_on_assumed', 'evidence']);
    const q2 = rows.find((row) => row.startsWith('stated-actual-equals-ledger,actual expenditure,2,'))!;
    expect(q2.endsWith(',false,"documented; figure fb: 004:1660; ledger: 1 transactions, 0 assumed"')).toBe(
      true,
    );
    const q1 = rows.find((row) => row.startsWith('stated-actual-equals-ledger,actual income,1,'))!;
    expect(q1).toContain(',true,"rests on assumed facts: the partners’ split is a stand-in;');
  });

  it('counts every assumed transaction but lists only the first ones, saying how many more there are', () => {
    let many = structuredClone(state); // the fold changes the state it is given
    for (let i = 0; i < ASSUMED_IDS_LISTED + 5; i += 1)
      many = post(many, committed(`m${i}`, 'ccg', 1_00), '2016-08-01T00:00:00Z');
    const { findings } = reconcile(many, fundPosition(many, TERMS, viewpoint), viewpoint, null, [], facts);
    const income = find(findings, 'stated-actual-equals-ledger', 1);
    // c2 and the 105 added rest on no evidence; c1 is cited
    expect(income.evidence!.ledger).toMatchObject({ transactions: 107, assumedTransactions: 106 });
    const ids = income.evidence!.ledger!.assumedTransactionIds;
    expect(ids).toHaveLength(ASSUMED_IDS_LISTED);
    expect(ids.slice(0, 3)).toEqual(['c2', 'm0', 'm1']); // in ledger order
    expect(income.evidence!.ledger!.assumedTransactionIdsCut).toBe(true);
    expect(income.evidence!.note).toContain(`, m${ASSUMED_IDS_LISTED - 2} and 6 more)`);
    // counted from the ledger totals per day (as the pool-year cache keeps them), the same
    const index = new LedgerTotalsIndex();
    for (const t of many.transactions)
      index.add(t, (facts.transactions[t.transactionId] ?? EVIDENCE_NOT_HELD).assumed);
    const position = fundPosition(many, TERMS, viewpoint, index);
    expect(reconcile(many, position, viewpoint, null, [], facts, index).findings).toEqual(findings);
    // a list not cut says so
    const few = find(run(viewpoint, facts).findings, 'stated-actual-equals-ledger', 1);
    expect(few.evidence!.ledger!.assumedTransactionIdsCut).toBe(false);
  });

  it('resolves every finding in one pass as it resolves each alone', () => {
    const sources = [
      undefined,
      {
        figures: [{ figureId: 'fa', side: 'stated' as const }],
        ledger: { accounts: ['income/'], quarter: 1 },
      },
      { figures: [], ledger: { accounts: ['income/'], quarter: 1 } },
      {
        figures: [],
        variationId: 'v1',
        ledger: { accounts: ['expenditure/carers', 'receivable/'], quarter: null },
      },
      { figures: [], ledger: { accounts: ['income/ccg/'], quarter: 2 } },
      { figures: [], ledger: null },
    ];
    const all = findingsEvidence(sources, state.transactions, facts);
    expect(all).toEqual(sources.map((s) => findingEvidence(s, state.transactions, facts)));
    expect(all[3]!.ledger).toMatchObject({ transactions: 3, assumedTransactions: 1 }); // receivable: c1, c2; expenditure: e1
  });
});
