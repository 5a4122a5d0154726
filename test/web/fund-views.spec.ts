import express from 'express';
import { configureNunjucks } from '../../apps/web/src/views/nunjucks-environment';
import {
  TRANSACTIONS_PER_PAGE,
  askedPage,
  transactionsPage,
} from '../../apps/web/src/features/fund/transactions-page';

const environment = configureNunjucks(express());
const evidence = (assumed: string | null) => ({ citations: ['004:1011-1047'], assumed });
const transaction = (
  id: string,
  links: { reverses?: string; reversedBy?: string; correctionOf?: string },
) => ({
  transactionId: id,
  kind: links.reverses ? 'reversal' : 'contribution-committed',
  quarter: 1,
  effectiveOn: '2017-06-30',
  postings: [
    { account: 'receivable/kent-county-council/ibcf', amountPence: links.reverses ? -5 : 5 },
    { account: 'income/kent-county-council/ibcf', amountPence: links.reverses ? 5 : -5 },
  ],
  statedBy: { kind: 'decision', reference: 'audit adjustment' },
  reverses: links.reverses ?? null,
  reversedBy: links.reversedBy ?? null,
  correctionOf: links.correctionOf ?? null,
  evidence: evidence(links.correctionOf ? null : 'keyed from the return'),
  documented: links.correctionOf !== undefined,
});

describe('the pool-year transactions page (the view, rendered as the server renders it)', () => {
  const transactions = [
    transaction('kent-ibcf', { reversedBy: 'kent-ibcf-reversed' }),
    transaction('kent-ibcf-reversed', { reverses: 'kent-ibcf' }),
    transaction('kent-ibcf-corrected', { correctionOf: 'kent-ibcf' }),
  ];
  type Row = (typeof transactions)[number];
  /** A page as the query lists it: this page's rows, and where in the whole listing each one they name is. */
  const listed = (count: number, number: number, rows: Row[], listedAt: Record<string, number>) => ({
    count,
    page: {
      number,
      pages: Math.max(1, Math.ceil(count / TRANSACTIONS_PER_PAGE)),
      perPage: TRANSACTIONS_PER_PAGE,
    },
    transactions: rows,
    listedAt,
  });
  const pageOf = (page: ReturnType<typeof listed>) =>
    transactionsPage(
      { ...page, page: { ...page.page, offset: (page.page.number - 1) * TRANSACTIONS_PER_PAGE } },
      '/fund/kent-bcf/2017-18/transactions',
      '?asAt=2018-03-31',
    );
  const html = environment.render('features/fund/transactions.njk', {
    section: 'fund',
    viewpoint: {},
    search: '',
    poolId: 'kent-bcf',
    year: '2017-18',
    paths: { page: '/fund/kent-bcf/2017-18', api: '/api/fund/pools/kent-bcf/years/2017-18' },
    listing: {
      asAt: '2018-03-31',
      axis: 'effective',
      count: 3,
      assumed: 2,
      transactions,
    },
    page: pageOf(
      listed(3, 1, transactions, { 'kent-ibcf': 0, 'kent-ibcf-reversed': 1, 'kent-ibcf-corrected': 2 }),
    ),
    dataLinks: [],
  });
  const row = (id: string) => html.slice(html.indexOf(`id="transaction-${id}"`)).split('</tr>')[0]!;

  it('links a reversed transaction to its reversal, the reversal back, and a correction to what it corrects', () => {
    expect(row('kent-ibcf')).toContain(
      'Reversed by <a class="govuk-link" href="/fund/kent-bcf/2017-18/transactions?asAt=2018-03-31&amp;page=1#transaction-kent-ibcf-reversed">',
    );
    expect(row('kent-ibcf-reversed')).toContain(
      'Reverses <a class="govuk-link" href="/fund/kent-bcf/2017-18/transactions?asAt=2018-03-31&amp;page=1#transaction-kent-ibcf">',
    );
    expect(row('kent-ibcf-corrected')).toContain(
      'Corrects <a class="govuk-link" href="/fund/kent-bcf/2017-18/transactions?asAt=2018-03-31&amp;page=1#transaction-kent-ibcf">',
    );
  });

  it('shows each posting in pounds, and whether the transaction is cited or assumed', () => {
    expect(row('kent-ibcf-reversed')).toContain('receivable/kent-county-council/ibcf: -£0.05');
    expect(row('kent-ibcf')).toContain('Assumed: keyed from the return (cited: 004:1011-1047)');
    expect(row('kent-ibcf-corrected')).toContain('Cited: 004:1011-1047');
    expect(html).toContain('<h1 class="govuk-heading-xl">Transactions</h1>');
  });

  it('shows a page of transactions at a time, and links a reversal on another page to that page', () => {
    const count = TRANSACTIONS_PER_PAGE * 2 + 5;
    const rows = Array.from({ length: 5 }, (_, i) => transaction(`t${TRANSACTIONS_PER_PAGE * 2 + i}`, {}));
    rows[0] = transaction('late-reversal', { reverses: 't3' });
    const last = pageOf(listed(count, 3, rows, { t3: 3, 'late-reversal': TRANSACTIONS_PER_PAGE * 2 }));
    expect([last.number, last.pages, last.first, last.last, last.rows.length, last.count]).toEqual([
      3,
      3,
      TRANSACTIONS_PER_PAGE * 2 + 1,
      TRANSACTIONS_PER_PAGE * 2 + 5,
      5,
      count,
    ]);
    expect(last.rows).toBe(rows);
    expect(last.links.t3).toBe('/fund/kent-bcf/2017-18/transactions?asAt=2018-03-31&page=1#transaction-t3');
    expect(last.links['late-reversal']).toBe(
      '/fund/kent-bcf/2017-18/transactions?asAt=2018-03-31&page=3#transaction-late-reversal',
    );
    expect(last.next).toBeNull();
    expect(last.previous).toEqual({ href: '/fund/kent-bcf/2017-18/transactions?asAt=2018-03-31&page=2' });
    const first = pageOf(listed(count, 1, rows, {}));
    expect(first.previous).toBeNull();
    expect(first.next).toEqual({ href: '/fund/kent-bcf/2017-18/transactions?asAt=2018-03-31&page=2' });
    expect(pageOf(listed(0, 1, [], {}))).toMatchObject({ number: 1, pages: 1, first: 0, last: 0, rows: [] });
  });

  it('asks for page 1 when the page asked is not a number', () => {
    expect([
      askedPage(undefined),
      askedPage('nonsense'),
      askedPage('0'),
      askedPage('3'),
      askedPage('99'),
    ]).toEqual([1, 1, 1, 3, 99]);
  });
});

describe('the reconciliation page (the view, rendered as the server renders it)', () => {
  const ledger = (assumed: number, listed: number) => ({
    accounts: ['income/'],
    quarter: 1,
    transactions: assumed + 1,
    assumedTransactions: assumed,
    assumedTransactionIds: Array.from({ length: listed }, (_, i) => `t${i}`),
    assumedTransactionIdsCut: assumed > listed,
  });
  const finding = (subject: string, evidenceLedger: ReturnType<typeof ledger>) => ({
    check: 'stated-actual-equals-ledger',
    subject,
    quarter: 1,
    stated: { amountPence: 100, source: 'Q1 return' },
    computed: { amountPence: 100, from: 'ledger' },
    differencePence: 0,
    classification: 'agrees',
    missing: null,
    evidence: { ledger: evidenceLedger, note: `ledger: ${evidenceLedger.transactions} transactions` },
  });
  const html = environment.render('features/fund/reconciliation.njk', {
    section: 'fund',
    viewpoint: {},
    search: '?asAt=2017-03-31',
    poolId: 'southend-bcf',
    year: '2016-17',
    paths: { page: '/fund/southend-bcf/2016-17', api: '/api/fund/pools/southend-bcf/years/2016-17' },
    reconciliation: {
      asAt: '2017-03-31',
      axis: 'effective',
      roundingTolerancePence: 100,
      plan: null,
      terms: null,
      summary: { agrees: 2, rounding: 0, discrepancy: 0, notCheckable: 0 },
      findingsRestingOnAssumed: 2,
      findings: [finding('actual income', ledger(500_000, 100)), finding('actual expenditure', ledger(3, 3))],
    },
    dataLinks: [],
  });
  const row = (subject: string) => html.slice(html.indexOf(subject)).split('</tr>')[0]!;

  it('links a finding whose assumed transactions are not all listed to the transactions page, saying how many more', () => {
    expect(row('actual income')).toContain(
      '<a class="govuk-link" href="/fund/southend-bcf/2016-17/transactions?asAt=2017-03-31">The 499900 more assumed transactions are on the transactions page</a>',
    );
    expect(row('actual expenditure')).not.toContain('more assumed transactions');
  });
});
