import {
  AgreementTerms,
  BalanceIndex,
  FundEvent,
  MoneyMovement,
  PooledFundState,
  evolvePooledFund,
  fundPosition,
  openYear,
  postTransaction,
} from '@bcl/domain-fund';

/**
 * `npm run bench` (third part): the fund position of a pool-year over 1,000,000 postings, as at a past date.
 * The point-in-time query reads a balance index (what a projection keeps), not the log; the same run times a
 * full fold over every transaction and a bare loop summing the postings (this machine's floor for touching
 * them all). Never fails on speed. Usage: node -r bin/register-aliases.js dist/apps/api/src/bench/fund-bench.js
 * [--json] [--postings N]
 */
const SCHEMES = 50;
const PARTNERS = 20;
const QUERY_REPEATS = 50;
const TARGET_MS = 100;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

function main(): void {
  const json = process.argv.includes('--json');
  const at = process.argv.indexOf('--postings');
  const postings = at > 0 ? Number(process.argv[at + 1]) : 1_000_000;
  if (!Number.isInteger(postings) || postings < 1000 || postings > 10_000_000)
    throw new Error('--postings must be a whole number from 1,000 to 10,000,000');
  const partners = Array.from({ length: PARTNERS }, (_, i) => `partner-${i}`);
  const terms: AgreementTerms = {
    parties: partners,
    hostPartnerId: partners[0]!,
    pooledFundManagerPostId: null,
    pools: [{ poolId: 'bench', name: 'Bench pool' }],
    schedules: Array.from({ length: SCHEMES }, (_, i) => ({
      schemeId: `scheme-${i}`,
      poolId: 'bench',
      name: `Scheme ${i}`,
      element: 'bcf' as const,
      leadPartnerId: partners[i % PARTNERS]!,
      capPence: null,
    })),
    contributionRules: [],
    riskShare: { kind: 'incurring-partner' },
    underspend: 'carry-forward',
    term: { from: '2016-04-01', until: null },
  };
  const facts = { terms, organisationExists: () => true };
  const evolve = (state: PooledFundState | undefined, events: FundEvent[]) =>
    events.reduce<PooledFundState | undefined>(
      (s, e) => evolvePooledFund(s, { ...e, recordedAt: '2017-04-01T00:00:00.000Z' }),
      state,
    )!;
  let state = evolve(
    undefined,
    openYear(
      undefined,
      { poolId: 'bench', year: '2016-17', agreementId: 'bench' },
      { poolEstablished: true },
    ),
  );

  // Every transaction has two postings: commitments, receipts and spend, spread over the year's 365 days.
  const transactions = postings / 2;
  const build = process.hrtime.bigint();
  for (let i = 0; i < transactions; i += 1) {
    const day = new Date(Date.UTC(2016, 3, 1 + Math.floor((i * 365) / transactions)))
      .toISOString()
      .slice(0, 10);
    const partnerId = partners[Math.floor(i / 3) % PARTNERS]!; // the receipt follows its commitment
    const movement: MoneyMovement =
      i % 3 === 0
        ? { kind: 'contribution-committed', partnerId, source: 'minimum', amountPence: 1000 + (i % 997) }
        : i % 3 === 1
          ? { kind: 'contribution-received', partnerId, source: 'minimum', amountPence: 500 }
          : { kind: 'expenditure', schemeId: `scheme-${i % SCHEMES}`, amountPence: 300 + (i % 101) };
    state = evolve(
      state,
      postTransaction(
        state,
        {
          transactionId: `t${i}`,
          effectiveOn: day,
          statedBy: { kind: 'decision', reference: 'bench' },
          correctionOf: null,
          movement,
        },
        facts,
      ),
    );
  }
  const buildMs = ms(build);

  const indexStart = process.hrtime.bigint();
  const index = new BalanceIndex(state.transactions);
  const indexMs = ms(indexStart);
  const asAt = '2016-09-30';
  const queryTimes = Array.from({ length: QUERY_REPEATS }, () => {
    const start = process.hrtime.bigint();
    index.balancesAsAt(asAt);
    return ms(start);
  });
  const foldStart = process.hrtime.bigint();
  const position = fundPosition(state, terms, { asAt, axis: 'effective' });
  const foldMs = ms(foldStart);
  const rawStart = process.hrtime.bigint();
  let raw = 0;
  for (const t of state.transactions)
    for (const p of t.postings) if (t.effectiveOn <= asAt) raw += p.amountPence;
  const rawMs = ms(rawStart);
  const indexed = index.balancesAsAt(asAt);
  if ((indexed.get('bank') ?? 0) !== position.bankPence || raw !== 0 || position.sumOfAllBalancesPence !== 0)
    throw new Error('invariant violated: the index, the fold and the raw sum disagree');

  const queryMs = median(queryTimes);
  const result = {
    name: 'fund.position.asAt',
    postings,
    accounts: indexed.size,
    asAt,
    queryMedianMs: Number(queryMs.toFixed(3)),
    targetMs: TARGET_MS,
    fullFoldMs: Number(foldMs.toFixed(1)),
    rawSumMs: Number(rawMs.toFixed(1)),
    queryVsRawSum: Number((queryMs / rawMs).toFixed(4)),
    indexBuildMs: Number(indexMs.toFixed(1)),
    transactionsDecidedPerSecond: Math.round(transactions / (buildMs / 1000)),
  };
  if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else
    process.stdout.write(
      [
        `fund position as at ${asAt} over ${postings.toLocaleString('en-GB')} postings (${indexed.size} accounts):`,
        `  point-in-time query: ${result.queryMedianMs} ms median of ${QUERY_REPEATS} (target < ${TARGET_MS} ms), ${result.queryVsRawSum}x the time a bare loop takes to sum every posting (${result.rawSumMs} ms)`,
        `  full fold to the same position: ${result.fullFoldMs} ms; index built once in ${result.indexBuildMs} ms`,
        `  money commands decided and folded in memory: ${result.transactionsDecidedPerSecond.toLocaleString('en-GB')} transactions/s`,
      ].join('\n') + '\n',
    );
}

main();
