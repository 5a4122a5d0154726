import express from 'express';
import { configureNunjucks } from '../../apps/web/src/views/nunjucks-environment';

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
      transactions: [
        transaction('kent-ibcf', { reversedBy: 'kent-ibcf-reversed' }),
        transaction('kent-ibcf-reversed', { reverses: 'kent-ibcf' }),
        transaction('kent-ibcf-corrected', { correctionOf: 'kent-ibcf' }),
      ],
    },
    dataLinks: [],
  });
  const row = (id: string) => html.slice(html.indexOf(`id="transaction-${id}"`)).split('</tr>')[0]!;

  it('links a reversed transaction to its reversal, the reversal back, and a correction to what it corrects', () => {
    expect(row('kent-ibcf')).toContain(
      'Reversed by <a class="govuk-link" href="#transaction-kent-ibcf-reversed">',
    );
    expect(row('kent-ibcf-reversed')).toContain(
      'Reverses <a class="govuk-link" href="#transaction-kent-ibcf">',
    );
    expect(row('kent-ibcf-corrected')).toContain(
      'Corrects <a class="govuk-link" href="#transaction-kent-ibcf">',
    );
  });

  it('shows each posting in pounds, and whether the transaction is cited or assumed', () => {
    expect(row('kent-ibcf-reversed')).toContain('receivable/kent-county-council/ibcf: -£0.05');
    expect(row('kent-ibcf')).toContain('Assumed: keyed from the return (cited: 004:1011-1047)');
    expect(row('kent-ibcf-corrected')).toContain('Cited: 004:1011-1047');
    expect(html).toContain('<h1 class="govuk-heading-xl">Transactions</h1>');
  });
});
