import ExcelJS from 'exceljs';
import { reconcile } from '@bcl/domain-fund';
import { reconciliationWorkbook } from '@bcl/fund-reports';

describe('the reconciliation workbook', () => {
  it('writes text as string cells escaped against formula injection, and money as numbers', async () => {
    const report = {
      poolId: 'pool',
      year: '2016-17',
      asAt: '2017-03-31',
      axis: 'effective',
      roundingTolerancePence: 2_00,
      summary: { agrees: 0, rounding: 0, discrepancy: 1 },
      findings: [
        {
          check: 'stated-total-equals-accounts',
          subject: '=1+2',
          quarter: null,
          stated: { amountPence: 1_00, source: "+cmd|' /C calc'!A0" },
          computed: { amountPence: 500_00, from: '@SUM(A1)' },
          differencePence: -499_00,
          classification: 'discrepancy',
        },
      ],
    } as unknown as ReturnType<typeof reconcile>;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await reconciliationWorkbook(report)) as unknown as ArrayBuffer);
    const row = book.getWorksheet('Findings')!.getRow(2);
    const cells = [2, 4, 5, 7, 8, 9].map((column) => [row.getCell(column).type, row.getCell(column).value]);
    expect(cells).toEqual([
      [ExcelJS.ValueType.String, "'=1+2"],
      [ExcelJS.ValueType.Number, 1],
      [ExcelJS.ValueType.String, "'+cmd|' /C calc'!A0"],
      [ExcelJS.ValueType.String, "'@SUM(A1)"],
      [ExcelJS.ValueType.Number, -499],
      [ExcelJS.ValueType.Number, -49900],
    ]);
  });
});
