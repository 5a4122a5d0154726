import ExcelJS from 'exceljs';
import { readSpreadsheetText, spreadsheetText } from '@bcl/kernel';
import { PlanSection, PlanState } from '@bcl/domain-plans';
import { PLAN_TABLES, TableCellInvalid, TableRow, Cell, readTable, tableFor } from './plan-tables';
import { checkWorkbookLimits } from './xlsx-limits';

/** Which sheet line(s) each entry came from, so a problem found later can name its cell. */
export interface LineMap {
  tables: Partial<Record<PlanSection, { sheet: string; lines: number[][] }>>;
  metaSheet?: string;
}

export interface TabularPlan {
  document: Record<string, unknown>;
  lines: LineMap;
}

const META_SHEET = 'Plan';
const META_FIELDS = ['format', 'planId', 'areaId', 'cycle', 'justification'];
const ROWS_MAX = 10_000;

/** Turns a document field path (`schemes[2].spend[1].amountPence`) into where it came from in the file. */
export function locate(field: string, lines: LineMap): string {
  const match = /^([A-Za-z]+)\[(\d+)\](?:\.spend\[(\d+)\])?/.exec(field);
  const table = match ? lines.tables[match[1] as PlanSection] : undefined;
  if (match && table) {
    const entryLines = table.lines[Number(match[2])];
    const line = match[3] !== undefined ? entryLines?.[Number(match[3]) + 1] : entryLines?.[0];
    if (line !== undefined) return `${table.sheet} line ${line} (${field})`;
  }
  return lines.metaSheet && META_FIELDS.includes(field) ? `${lines.metaSheet} '${field}'` : field;
}

function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return readSpreadsheetText(value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object' && 'result' in value) return cellValue(value.result as ExcelJS.CellValue);
  if (typeof value === 'object' && 'richText' in value)
    return readSpreadsheetText(value.richText.map((part) => part.text).join(''));
  if (typeof value === 'object' && 'text' in value) return readSpreadsheetText(String(value.text));
  return String(value);
}

/** Reads a planning-template-shaped workbook: a "Plan" sheet of fields, and one sheet per section present. */
export async function readPlanWorkbook(buffer: Buffer): Promise<TabularPlan> {
  checkWorkbookLimits(buffer);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (error) {
    throw new TableCellInvalid(
      'workbook',
      0,
      '-',
      `is not a readable XLSX file (${(error as Error).message})`,
    );
  }
  const document: Record<string, unknown> = {};
  const lines: LineMap = { tables: {}, metaSheet: META_SHEET };
  const meta = workbook.getWorksheet(META_SHEET);
  if (!meta)
    throw new TableCellInvalid(
      META_SHEET,
      0,
      '-',
      `the workbook needs a '${META_SHEET}' sheet with ${META_FIELDS.join(', ')}`,
    );
  meta.eachRow((row) => {
    const field = cellValue(row.getCell(1).value);
    if (typeof field === 'string' && META_FIELDS.includes(field.trim()))
      document[field.trim()] = cellValue(row.getCell(2).value);
  });
  for (const table of PLAN_TABLES) {
    const sheet = workbook.getWorksheet(table.sheet);
    if (!sheet) continue;
    if (sheet.rowCount > ROWS_MAX)
      throw new TableCellInvalid(table.sheet, ROWS_MAX + 1, '-', `sheets are limited to ${ROWS_MAX} rows`);
    const header = ((sheet.getRow(1).values as ExcelJS.CellValue[]) ?? [])
      .slice(1)
      .map((v) => String(cellValue(v) ?? '').trim());
    const rows: TableRow[] = [];
    sheet.eachRow((row, line) => {
      if (line === 1) return;
      const cells: Record<string, Cell> = {};
      header.forEach((column, index) => (cells[column] = cellValue(row.getCell(index + 1).value)));
      rows.push({ line, cells });
    });
    const { entries, lines: entryLines } = readTable(table, header, rows);
    document[table.section] = entries;
    lines.tables[table.section] = { sheet: table.sheet, lines: entryLines };
  }
  return { document, lines };
}

/** Parses CSV (RFC 4180: commas, double quotes, CRLF or LF) into rows of text. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') endField();
    else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      endRow();
    } else field += char;
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

/** Reads one section's table from CSV; the plan's own fields (area, cycle, justification) come from the caller. */
export function readPlanCsv(text: string, section: string, fields: Record<string, string>): TabularPlan {
  const table = tableFor(section);
  if (!table)
    throw new TableCellInvalid(
      'csv',
      0,
      '-',
      `'${section}' is not a table: use one of ${PLAN_TABLES.map((t) => t.section).join(', ')}`,
    );
  const [header = [], ...body] = parseCsv(text.replace(/^\uFEFF/, ''));
  if (body.length > ROWS_MAX)
    throw new TableCellInvalid(table.sheet, ROWS_MAX + 1, '-', `files are limited to ${ROWS_MAX} rows`);
  const columns = header.map((column) => column.trim());
  const rows = body.map((cells, index) => ({
    line: index + 2,
    cells: Object.fromEntries(columns.map((column, j) => [column, cells[j] ?? null])),
  }));
  const { entries, lines } = readTable(table, columns, rows);
  return {
    document: { format: 'bcl-plan/1', ...fields, [table.section]: entries },
    lines: { tables: { [table.section]: { sheet: `${table.sheet} (CSV)`, lines } } },
  };
}

/** Text cells escaped against formula injection (read back by `cellValue`); numbers stay numbers. */
const safeRow = (row: Cell[]): Cell[] =>
  row.map((cell) => (typeof cell === 'string' ? spreadsheetText(cell) : cell));

/**
 * Writes a plan version as a workbook the import reads back to the same plan. Text is written as string
 * cells, never formulas, and escaped with `spreadsheetText` (the import drops the added `'`).
 */
export async function writePlanWorkbook(state: PlanState, justification: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Better Care Ledger';
  const meta = workbook.addWorksheet(META_SHEET);
  meta.addRows(
    [
      ['format', 'bcl-plan/1'],
      ['planId', state.planId],
      ['areaId', state.areaId],
      ['cycle', state.cycle],
      ['justification', justification],
      ['version', state.version],
    ].map(safeRow),
  );
  const years = [
    ...new Set(
      state.content.contributions
        .concat()
        .flatMap((c) => Object.keys(c.amountsPence))
        .concat(state.content.dfgPassDown.flatMap((d) => Object.keys(d.amountsPence))),
    ),
  ].sort();
  for (const table of PLAN_TABLES) {
    const entries = state.content[table.section] as object[];
    if (entries.length === 0) continue;
    const sheet = workbook.addWorksheet(table.sheet);
    sheet.addRow([...table.columns, ...(table.yearColumns ? years : [])]);
    sheet.addRows(table.write(entries, years).map(safeRow));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The plan version as a `bcl-plan/1` document: importing it again records nothing. */
export function toPlanDocument(state: PlanState, justification: string): Record<string, unknown> {
  return {
    format: 'bcl-plan/1',
    planId: state.planId,
    areaId: state.areaId,
    cycle: state.cycle,
    justification,
    ...state.content,
  };
}
