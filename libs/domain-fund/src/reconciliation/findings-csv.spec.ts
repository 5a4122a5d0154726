import { readSpreadsheetText } from '@bcl/kernel';
import { command, opened, post, stamp, TERMS } from '../fund-ledger.fixtures';
import { evolvePooledFund, PooledFundState, StatedFigure } from '../ledger/pooled-fund';
import { stateFigure } from '../ledger/state-figure';
import { fundPosition } from '../position/fund-position';
import { findingsCsv } from './findings-csv';
import { reconcile } from './reconcile';

/**
 * Reads CSV as a strict RFC 4180 reader (and so a spreadsheet) does: records end with CRLF; a field holding
 * `"`, `,`, CR or LF must be quoted; a bare CR or LF outside quotes is a new record in a spreadsheet, so here
 * it is an error rather than silently read.
 */
function strictCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i += 1;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"' && text[i + 1] !== '"') break;
        field += text[i];
        i += text[i] === '"' ? 2 : 1;
      }
      i += 1;
    } else while (i < text.length && !/[",\r\n]/.test(text[i]!)) field += text[i++];
    row.push(field);
    if (text[i] === ',') i += 1;
    else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else throw new Error(`a bare ${JSON.stringify(text[i])} at ${i}, outside quotes`);
  }
  if (row.length > 0) throw new Error('the last record does not end with CRLF');
  return rows;
}

const FORMULA_START = /^[=+\-@\t\r]/;

describe('the reconciliation CSV, opened as a spreadsheet opens it', () => {
  const figure = (figureId: string, subject: string, reference: string): StatedFigure => ({
    figureId,
    basis: 'actual',
    statedOn: '2017-03-03',
    line: 'total',
    subject,
    quarter: null,
    amountPence: 1_00,
    statedBy: { kind: 'quarterly-return', reference },
    composedOf: ['income/'],
  });
  const state = [
    figure('f1', '=1+2', "Q4 return\r=cmd|' /C calc'!A0"),
    figure('f2', '@SUM(A1)', '=1+2'),
    figure('f3', 'plain', 'line one\nline two, "quoted"'),
  ].reduce(
    (s, f) => stateFigure(s, f).map(stamp('2016-07-02T00:00:00Z')).reduce(evolvePooledFund, s),
    post(
      opened(),
      command('c', {
        kind: 'contribution-committed',
        partnerId: 'ccg',
        source: 'ccg-minimum',
        amountPence: 500_00,
      }),
    ) as PooledFundState | undefined,
  )!;
  const viewpoint = { asAt: '2017-03-31', axis: 'effective' as const };
  const findings = reconcile(state, fundPosition(state, TERMS, viewpoint), viewpoint, null, []).findings;
  const csv = findingsCsv(findings);

  it('keeps one record per finding: CR and LF in a reference stay inside a quoted field', () => {
    const rows = strictCsv(csv);
    expect(rows).toHaveLength(1 + findings.length);
    expect(new Set(rows.map((row) => row.length))).toEqual(new Set([13]));
  });

  it('says beside every finding what the reconciliation rests on, escaped like any text', () => {
    const [header, ...rows] = strictCsv(findingsCsv(findings, '=rests on assumed terms: a stand-in host'));
    const column = header!.indexOf('rests_on');
    expect(column).toBe(9);
    expect(new Set(rows.map((row) => row[column]))).toEqual(
      new Set(["'=rests on assumed terms: a stand-in host"]),
    );
    expect(
      strictCsv(csv)
        .slice(1)
        .every((row) => row[column] === ''),
    ).toBe(true); // none given: empty
  });

  it('starts no text cell with a formula trigger; numbers (a negative difference too) stay numbers', () => {
    const [header, ...rows] = strictCsv(csv);
    const numeric = ['quarter', 'stated_pence', 'computed_pence', 'difference_pence'].map((c) =>
      header!.indexOf(c),
    );
    for (const row of rows)
      row.forEach((cell, column) => {
        if (numeric.includes(column)) expect(cell).toMatch(/^(-?\d+)?$/);
        else expect(cell).not.toMatch(FORMULA_START);
      });
    const totals = rows.filter((row) => row[0] === 'stated-total-equals-accounts');
    expect(totals.map((row) => [row[1], row[4], row[7]])).toEqual([
      ["'=1+2", "quarterly-return: Q4 return\r=cmd|' /C calc'!A0", '-49900'],
      ["'@SUM(A1)", 'quarterly-return: =1+2', '-49900'],
      ['plain', 'quarterly-return: line one\nline two, "quoted"', '-49900'],
    ]);
    expect(readSpreadsheetText(totals[0]![1]!)).toBe('=1+2');
  });

  it('leaves a not-checkable finding without a computed amount or difference, and says what is missing', () => {
    const rules = [{ partnerId: 'council', source: 'dfg', amountPence: 186_000_00, variationId: 'v0' }];
    const viewpoint = { asAt: '2017-03-31', axis: 'effective' as const };
    const bare = opened();
    const { findings } = reconcile(bare, fundPosition(bare, TERMS, viewpoint), viewpoint, null, rules);
    const [header, row] = strictCsv(findingsCsv(findings));
    const cell = (name: string) => row![header!.indexOf(name)];
    expect([cell('stated_pence'), cell('computed_pence'), cell('difference_pence')]).toEqual([
      '18600000',
      '',
      '',
    ]);
    expect([cell('classification'), cell('missing')]).toEqual([
      'not-checkable',
      `no dfg contributions posted for ${bare.year}`,
    ]);
  });
});
