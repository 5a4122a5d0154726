import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { runCli } from '../support/child-process';
import { startApi } from '../support/api-app';

describe('bcl fund position, bcl reconcile, and the zero-sum check in bcl verify', () => {
  let dir: string;
  let store: string;
  const bcl = (...args: string[]) =>
    runCli(['--store', store, ...args], { cwd: dir, env: { LEDGER_STORE: '' } });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bcl-fund-'));
    store = `sqlite:${join(dir, 'ledger.db')}`;
    await (await startApi(store, { demoData: true })).close(); // the fund fixtures, and the live projection
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("prints the Southend position at the end of Q2, and Medway 2017-18's discrepancies in every format", async () => {
    const position = await bcl('fund', 'position', 'southend-bcf', '2016-17', '--as-at', '2016-09-30');
    expect(position).toMatchObject({ code: 0, stderr: '' });
    expect(position.stdout.split('\n').slice(0, 5)).toEqual([
      'southend-bcf 2016-17 as at 2016-09-30 (effective): 6 transactions',
      // the agreement's host, risk share and underspend rule are stand-ins: the position says so
      expect.stringMatching(/^ {2}rests on assumed terms: the host partner is not in the seeds/),
      '  contribution southend-on-sea-borough-council unsplit: committed £6,565,525.00, received £6,565,525.00, outstanding £0.00',
      '  scheme southend-bcf-schemes: planned –, actual £6,565,525.00',
      '  income £6,565,525.00, expenditure £6,565,525.00, pool underspend £0.00, bank £0.00',
    ]);
    const reconciled = await bcl(
      'reconcile',
      'medway-bcf',
      '2017-18',
      '--csv',
      'medway.csv',
      '--xlsx',
      'medway.xlsx',
    );
    expect(reconciled.stdout.split('\n')).toEqual([
      'medway-bcf 2017-18 as at 2018-03-31: 0 agree, 0 rounding, 1 discrepancy, 3 not checkable',
      expect.stringMatching(/^ {2}rests on assumed terms: the agreement's date, host partner, scheme leads/),
      '  0 of 4 findings rest on an assumed figure or transaction',
      "  discrepancy: schemes-equal-pooled-fund (plan expenditure by scheme): stated £24,531,862.00 by plan: Medway BCF plan 2017-19, proposed pooled BCF budget (001:331-333); computed £24,481,862.00 from 15 schemes' planned expenditure; difference £50,000.00",
      // issue 12 §3: each figure's evidence beside the finding (the fifteen schemes' lines cite the same pages)
      expect.stringMatching(
        /^ {4}evidence: documented; figure medway-pooled-2017-18: 001:331-333, 001:63; figures medway-plan-medway-scheme-01-2017-18, .*medway-plan-medway-scheme-15-2017-18: 001:402-419, 001:63$/,
      ),
      // issue 12 §4: the demo posts no Medway contributions or spend, so these are not checkable, not discrepancies
      '  not-checkable: contributions-equal-pooled-fund (contributions committed and brought forward): stated £24,531,862.00 by plan: Medway BCF plan 2017-19, proposed pooled BCF budget (001:331-333); computed – from ledger: income and brought-forward accounts; missing: no contributions or balances brought forward posted for 2017-18',
      '    evidence: documented; figure medway-pooled-2017-18: 001:331-333, 001:63; ledger: 0 transactions, 0 assumed',
      '  not-checkable: plan-contribution-equals-ledger (medway-council ibcf): stated £3,962,308.00 by plan: medway-2017-19 version 1; computed – from ledger: income/medway-council/ibcf; missing: no ibcf contributions posted for 2017-18',
      "    evidence: no assumed fact in the fund ledger; plan medway-2017-19 version 1: its evidence is the plan's; ledger: 0 transactions, 0 assumed",
      '  not-checkable: plan-expenditure-equals-ledger (expenditure on schemes): stated £24,481,862.00 by plan: medway-2017-19 version 1; computed – from ledger: expenditure accounts; missing: no expenditure posted for 2017-18',
      "    evidence: no assumed fact in the fund ledger; plan medway-2017-19 version 1: its evidence is the plan's; ledger: 0 transactions, 0 assumed",
      '',
    ]);
    const csv = readFileSync(join(dir, 'medway.csv'), 'utf8').split('\r\n');
    expect(csv[0]!.endsWith(',classification,rests_on,missing,rests_on_assumed,evidence')).toBe(true);
    expect(csv[1]).toMatch(/,discrepancy,"rests on assumed terms: the agreement's date/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, 'medway.xlsx'));
    expect(workbook.getWorksheet('Findings')!.getRow(2).getCell(9).value).toBe(5_000_000);
    const json = JSON.parse((await bcl('--json', 'reconcile', 'kent-bcf', '2017-18')).stdout);
    expect(json.findings.filter((f: { classification: string }) => f.classification === 'rounding')).toEqual([
      expect.objectContaining({ check: 'dfg-passed-down-in-full', differencePence: -200 }),
    ]);
    // Kent's £2 rounding rests on the DFG postings, which the demo assumes (the dates are stand-ins)
    const [rounding] = json.findings.filter(
      (f: { classification: string }) => f.classification === 'rounding',
    );
    expect(rounding.evidence).toMatchObject({
      restsOnAssumed: true,
      ledger: { transactions: 13, assumedTransactions: 13 },
    });
    const kentText = (await bcl('reconcile', 'kent-bcf', '2017-18')).stdout.split('\n');
    const roundingLine = kentText.findIndex((line) => line.startsWith('  rounding: dfg-passed-down-in-full'));
    expect(kentText[roundingLine + 1]).toMatch(
      /^ {4}evidence: rests on assumed facts: .*; ledger: 13 transactions, 13 assumed \(/,
    );
  });

  it('says in one line what to fix', async () => {
    const bad = await bcl('fund', 'position', 'southend-bcf', '2016-2017');
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toEqual([
      expect.stringContaining('year: must be a financial year such as 2016-17'),
    ]);
    const none = await bcl('reconcile', 'southend-bcf', '2019-20');
    expect(none.stderr).toContain("pool 'southend-bcf' has no year 2019-20 opened");
  });

  it('verifies that every pool-year sums to zero and equals the live projection, and breaks on an unbalanced entry', async () => {
    const ok = await bcl('verify');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(
      /\nOK: pooled fund: 30 transactions in 5 pool-years sum to zero, and equal the live projection\n$/,
    );
    // an entry written around the domain (bcl append takes any event) that does not balance
    const forged = await bcl(
      'append',
      '--stream',
      'pooled-fund-kent-bcf-2017-18',
      '--type',
      'FundTransactionPosted',
      '--data',
      JSON.stringify({
        poolId: 'kent-bcf',
        year: '2017-18',
        transactionId: 'forged',
        kind: 'journal',
        postings: [{ account: 'bank', amountPence: 100 }],
      }),
      '--reason',
      'test: a forged, unbalanced entry',
      '--into-context-stream',
    );
    expect(forged.code).toBe(0);
    const broken = await bcl('verify');
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain("BROKEN: pool 'kent-bcf' 2017-18: balances sum to 100 pence, not 0");
  });
});
