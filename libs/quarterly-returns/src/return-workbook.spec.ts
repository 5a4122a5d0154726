import ExcelJS from 'exceljs';
import { CellsRefused, FieldValue, NOT_AVAILABLE, ReturnView } from '@bcl/domain-returns';
import { WorkbookRefused } from '@bcl/plan-import';
import { readReturnWorkbook, writeReturnWorkbook } from './return-workbook';
import { cellLocations, locateCell, returnLayout } from './return-workbook-layout';
import { FILE_TEMPLATE, fileView, standInValueRules } from './return-workbook.fixtures';

const read = (buffer: Buffer, quarter: 1 | 2 | 3 | 4 = 2) =>
  readReturnWorkbook(FILE_TEMPLATE, quarter, buffer, standInValueRules);

async function edit(buffer: Buffer, change: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  change(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Sets the cell of a field (found by the layout) on a workbook. */
const setField = (workbook: ExcelJS.Workbook, field: string, value: ExcelJS.CellValue, quarter = 2) => {
  const layout = returnLayout(FILE_TEMPLATE, quarter as 2);
  const section = layout.find((s) => s.rows.some((r) => r.fields.some((f) => f.id === field)))!;
  const row = section.rows.find((r) => r.fields.some((f) => f.id === field))!;
  const column = row.fields.find((f) => f.id === field)!.column ?? 'Value';
  workbook.getWorksheet(section.sheet)!.getCell(row.row, section.columns.indexOf(column) + 2).value = value;
};

async function refusal(promise: Promise<unknown>): Promise<CellsRefused> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CellsRefused) return error;
    throw error;
  }
  throw new Error('expected the workbook to be refused');
}

const valuesOf = (view: ReturnView, quarter: 1 | 2 | 3 | 4 = 2): Record<string, FieldValue> =>
  Object.fromEntries(
    returnLayout(FILE_TEMPLATE, quarter)
      .flatMap((section) => section.rows.flatMap((row) => row.fields))
      .map((field) => [field.id, view.cells[field.id]?.value ?? null]),
  );

describe('the return workbook', () => {
  it('reads back every value it was written with: money to the penny, decimals as written, text as typed', async () => {
    const view = fileView();
    const { values } = await read(await writeReturnWorkbook(FILE_TEMPLATE, view));
    expect(values).toEqual(valuesOf(view));
    expect(values['ie.pooledFund']).toBe(1_234_567_89);
    expect(values['metrics.nea.target']).toBe('1.50');
    expect(values['conditions.2.explanation']).toBe('=not a formula');
  });

  it('lays the quarter out in its order: Checklist first, Q4 adds its section, read-only sheets last', async () => {
    const sheetsOf = async (view: ReturnView) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await writeReturnWorkbook(FILE_TEMPLATE, view)) as unknown as ArrayBuffer);
      return workbook.worksheets.map((sheet) => sheet.name);
    };
    expect(await sheetsOf(fileView({ quarter: 1 }))).toEqual([
      'Checklist',
      '1. Cover',
      '2. National Conditions',
      '3. I&E',
      '4. Supporting Metrics',
      'Sources',
    ]);
    expect(await sheetsOf(fileView({ quarter: 4 }))).toEqual([
      'Checklist',
      '1. Cover',
      '2. National Conditions',
      '3. I&E',
      '4. Year End Feedback',
      '5. Supporting Metrics',
      'Previously returned',
      'Sources',
    ]);
  });

  it('writes money as pounds with the pounds format, and no text cell as a formula', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await writeReturnWorkbook(FILE_TEMPLATE, fileView())) as unknown as ArrayBuffer,
    );
    const cells = cellLocations(returnLayout(FILE_TEMPLATE, 2));
    const at = (field: string) => {
      const { sheet, row, column } = cells.get(field)!;
      return workbook.getWorksheet(sheet)!.getRow(row).getCell(column);
    };
    const cell = at('ie.pooledFund');
    expect(cell.value).toBe(1_234_567.89);
    expect(cell.numFmt).toContain('£');
    expect(at('conditions.2.explanation').value).toBe("'=not a formula");
    expect(at('ie.income.actual.q2').value).toBe(0.1);
  });

  it('lists carried fields previously returned, and every pre-filled cell with its source', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await writeReturnWorkbook(FILE_TEMPLATE, fileView())) as unknown as ArrayBuffer,
    );
    const rows = (name: string) =>
      workbook
        .getWorksheet(name)!
        .getSheetValues()
        .slice(2)
        .map((row) => (row as unknown[])[1]);
    expect(rows('Previously returned')).toEqual(['ie.income.plan.q1', 'ie.income.actual.q1']);
    expect(rows('Sources')).toEqual([
      'cover.hwb',
      'ie.pooledFund',
      'ie.income.plan.q1',
      'ie.income.actual.q1',
    ]);
  });

  it("reads what a council types: £ text, UK dates (the go-live cells' dd/mm/yy too), date cells, Live, a number typed in a text field", async () => {
    const buffer = await edit(await writeReturnWorkbook(FILE_TEMPLATE, fileView()), (workbook) => {
      setField(workbook, 'ie.income.actual.q2', '£1,234.5');
      setField(workbook, 'ie.expenditure.plan.q2', 0.3);
      setField(workbook, 'conditions.2.date', '31/03/2017');
      setField(workbook, 'conditions.1.date', new Date(Date.UTC(2017, 0, 15)));
      setField(workbook, 'additional.openApi.goLive.gp', 'live');
      setField(workbook, 'cover.phone', 1702000000);
      setField(workbook, 'metrics.nea.value', '13.3');
    });
    expect((await read(buffer)).values).toMatchObject({
      'ie.income.actual.q2': 1_234_50,
      'ie.expenditure.plan.q2': 30,
      'conditions.2.date': '2017-03-31',
      'conditions.1.date': '2017-01-15',
      'additional.openApi.goLive.gp': 'Live',
      'cover.phone': '1702000000',
      'metrics.nea.value': '13.3',
    });
    const twoDigitYear = await edit(buffer, (workbook) =>
      setField(workbook, 'additional.openApi.goLive.gp', '31/03/17'),
    );
    expect((await read(twoDigitYear)).values['additional.openApi.goLive.gp']).toBe('2017-03-31');
  });

  it('reads a formula by the value it shows, a mail link by its text, and refuses a formula with no value', async () => {
    const buffer = await edit(await writeReturnWorkbook(FILE_TEMPLATE, fileView()), (workbook) => {
      setField(workbook, 'ie.income.actual.q2', { formula: 'SUM(1000,234.56)', result: 1234.56 });
      setField(workbook, 'cover.email', { text: 'nick@example.org', hyperlink: 'mailto:nick@example.org' });
    });
    expect((await read(buffer)).values).toMatchObject({
      'ie.income.actual.q2': 1_234_56,
      'cover.email': 'nick@example.org',
    });
    const unset = await edit(buffer, (workbook) =>
      setField(workbook, 'ie.income.actual.q2', { formula: 'SUM(A1:A2)' } as ExcelJS.CellValue),
    );
    expect((await refusal(read(unset))).problems).toEqual([
      expect.objectContaining({
        field: 'ie.income.actual.q2',
        reason: 'is a formula without a value: type the value',
      }),
    ]);
  });

  it('never rounds money: a fraction of a penny (0.1 + 0.2 pounds) is refused', async () => {
    const buffer = await edit(await writeReturnWorkbook(FILE_TEMPLATE, fileView()), (workbook) =>
      setField(workbook, 'ie.expenditure.plan.q2', 0.1 + 0.2),
    );
    expect((await refusal(read(buffer))).problems).toEqual([
      expect.objectContaining({
        field: 'ie.expenditure.plan.q2',
        reason: expect.stringMatching(/pounds and pence/),
      }),
    ]);
  });

  it('refuses every bad cell at once, each with its sheet, row, field and reason', async () => {
    const buffer = await edit(await writeReturnWorkbook(FILE_TEMPLATE, fileView()), (workbook) => {
      setField(workbook, 'conditions.1.status', 'Maybe');
      setField(workbook, 'ie.income.actual.q2', 100_000_000.01);
      setField(workbook, 'additional.phb.total', 4.5);
      setField(workbook, 'conditions.2.date', '31/02/2017');
      setField(workbook, 'metrics.nea.value', 'unknown');
    });
    const { problems } = await refusal(read(buffer));
    const at = (field: string) => ({ ...locateCell(FILE_TEMPLATE, 2, field), field });
    expect(problems).toEqual(
      expect.arrayContaining([
        { ...at('conditions.2.date'), reason: expect.stringMatching(/not a date/) },
        { ...at('additional.phb.total'), reason: 'is not a whole number' },
        { ...at('metrics.nea.value'), reason: `is not a number or '${NOT_AVAILABLE}'` },
        { ...at('conditions.1.status'), reason: expect.stringMatching(/must be one of Yes, No/) },
        { ...at('ie.income.actual.q2'), reason: expect.stringMatching(/between £0 and £100000000/) },
      ]),
    );
    expect(problems).toHaveLength(5);
  });

  it('takes a number just at the bound and refuses one penny over it', async () => {
    const withActual = async (pounds: number) =>
      read(
        await edit(await writeReturnWorkbook(FILE_TEMPLATE, fileView()), (workbook) =>
          setField(workbook, 'ie.income.actual.q2', pounds),
        ),
      );
    expect((await withActual(100_000_000)).values['ie.income.actual.q2']).toBe(10_000_000_000);
    expect((await refusal(withActual(100_000_000.01))).problems).toHaveLength(1);
  });

  it('finds a row moved down the sheet by its field ids, and names a row that is gone', async () => {
    const moved = await edit(await writeReturnWorkbook(FILE_TEMPLATE, fileView()), (workbook) => {
      workbook.getWorksheet('1. Cover')!.spliceRows(2, 0, ['a row the council added']);
    });
    const { values, cells } = await read(moved);
    expect(values['cover.hwb']).toBe('Southend-on-Sea');
    expect(cells['cover.hwb']).toEqual({ sheet: '1. Cover', row: 3 });
    const gone = await edit(moved, (workbook) => workbook.getWorksheet('1. Cover')!.spliceRows(5, 1));
    expect((await refusal(read(gone))).problems).toEqual([
      {
        sheet: '1. Cover',
        field: 'cover.email',
        reason: "no row of the sheet names it in 'field ids'",
      },
    ]);
  });

  it('refuses a workbook of another quarter, and a file that is not a workbook', async () => {
    const q2 = await writeReturnWorkbook(FILE_TEMPLATE, fileView());
    const { problems } = await refusal(read(q2, 3));
    expect(problems).toEqual([
      expect.objectContaining({
        sheet: 'Checklist',
        field: 'quarter',
        reason: expect.stringMatching(/^is '2'/),
      }),
    ]);
    await expect(read(Buffer.from('not a zip'))).rejects.toBeInstanceOf(WorkbookRefused);
  });

  it('locates a field of the quarter, and nothing for a field the quarter does not have', () => {
    expect(locateCell(FILE_TEMPLATE, 1, 'conditions.2.date')).toEqual({
      sheet: '2. National Conditions',
      row: 3,
    });
    expect(locateCell(FILE_TEMPLATE, 4, 'conditions.2.date')).toBeNull();
    expect(locateCell(FILE_TEMPLATE, 4, 'yearEnd.statement.1')).toEqual({
      sheet: '4. Year End Feedback',
      row: 2,
    });
  });
});
