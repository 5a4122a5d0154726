import ExcelJS from 'exceljs';
import { Quarter, spreadsheetText } from '@bcl/kernel';
import {
  CellProblem,
  CellsRefused,
  FieldValue,
  ReturnTemplate,
  ReturnView,
  ValueSource,
  valueProblems,
} from '@bcl/domain-returns';
import { WorkbookRefused, checkWorkbookLimits } from '@bcl/plan-import';
import { RETURN_FORMAT } from './return-document';
import { cellPrimitive, readCell, writtenCell } from './return-workbook-cells';
import {
  FIELD_IDS_COLUMN,
  SectionLayout,
  VALUE_COLUMN,
  cellLocations,
  returnLayout,
} from './return-workbook-layout';

export { locateCell } from './return-workbook-layout';

/** The first sheet: what the workbook is (format, template version, return, quarter) and each section's state. */
export const CHECKLIST_SHEET = 'Checklist';
/** Q2-Q4: the carried fields' previously returned values (read-only: the import ignores the sheet). */
export const PREVIOUS_SHEET = 'Previously returned';
/** Where each pre-populated cell's value came from (read-only). */
export const SOURCES_SHEET = 'Sources';
/** A sheet longer than this is refused before its rows are read. */
const ROWS_MAX = 5_000;

/** The value rules an import applies to every cell (`valueProblems` of @bcl/domain-returns by default). */
export type ValueRules = (
  template: ReturnTemplate,
  quarter: Quarter,
  values: Record<string, FieldValue>,
) => CellProblem[];

/** What a workbook holds: every field of the quarter's return, and the cell each was read from. */
export interface ReturnWorkbookValues {
  values: Record<string, FieldValue>;
  cells: Record<string, { sheet: string; row: number }>;
}

const safe = (row: (string | number | null)[]) =>
  row.map((cell) => (typeof cell === 'string' ? spreadsheetText(cell) : cell));

function sourceText(from: ValueSource): string {
  switch (from.kind) {
    case 'ledger':
      return from.description;
    case 'previous-return':
      return `previously returned in ${from.returnId}`;
    case 'reference':
      return `reference data ${from.file} ${from.key}`;
    default:
      return from.kind;
  }
}

function writeChecklist(workbook: ExcelJS.Workbook, view: ReturnView, layout: SectionLayout[]): void {
  const sheet = workbook.addWorksheet(CHECKLIST_SHEET);
  const validation = view.validation?.version === view.version ? view.validation : null;
  sheet.addRows(
    [
      ['format', RETURN_FORMAT],
      ['templateVersion', view.templateVersion],
      ['returnId', view.returnId],
      ['areaId', view.areaId],
      ['financialYear', view.financialYear],
      ['quarter', view.quarter],
      ['version', view.version],
      ['status', view.status],
      ['basis', view.basis],
      [],
      ['Section', 'Sheet', 'Validated'],
      ...layout.map(({ section, sheet: name }) => {
        const state = validation?.sections.find((s) => s.section === section.id);
        return [section.id, name, state ? (state.passed ? 'Yes' : 'No') : 'not validated'];
      }),
    ].map(safe),
  );
  sheet.getColumn(1).width = 18;
  sheet.getColumn(2).width = 36;
}

function writeSection(workbook: ExcelJS.Workbook, view: ReturnView, layout: SectionLayout): void {
  const sheet = workbook.addWorksheet(layout.sheet);
  sheet.addRow(safe([layout.section.title, ...layout.columns, FIELD_IDS_COLUMN]));
  sheet.getRow(1).font = { bold: true };
  for (const { row, label, fields } of layout.rows) {
    sheet.getCell(row, 1).value = spreadsheetText(label);
    for (const field of fields) {
      const written = writtenCell(field, view.cells[field.id]?.value ?? null);
      const cell = sheet.getCell(row, layout.columns.indexOf(field.column ?? VALUE_COLUMN) + 2);
      cell.value = written.value;
      if (written.numFmt) cell.numFmt = written.numFmt;
    }
    sheet.getCell(row, layout.columns.length + 2).value = fields.map((field) => field.id).join(',');
  }
  sheet.getColumn(1).width = 48;
}

function writeReadOnly(workbook: ExcelJS.Workbook, view: ReturnView, template: ReturnTemplate): void {
  const fields = new Map(template.sections.flatMap((s) => s.fields).map((f) => [f.id, f]));
  const shown = (id: string, value: FieldValue) => {
    const field = fields.get(id);
    return field ? (writtenCell(field, value).value as string | number | null) : value;
  };
  const label = (id: string) => {
    const field = fields.get(id);
    return field ? [field.row, field.column].filter(Boolean).join(' / ') : id;
  };
  const cells = Object.entries(view.cells);
  if (view.quarter > 1) {
    const previous = workbook.addWorksheet(PREVIOUS_SHEET);
    previous.addRow(['Field', 'Row', 'Previously returned', 'Returned in', 'Amended to', 'Reason']);
    for (const [id, cell] of cells) {
      if (cell.from.kind !== 'previous-return') continue;
      const amended = view.amendments.filter((a) => a.field === id).at(-1);
      previous.addRow(
        safe([
          id,
          label(id),
          shown(id, amended ? amended.previousValue : cell.value),
          cell.from.returnId,
          amended ? shown(id, amended.amendedValue) : null,
          amended?.reason ?? null,
        ]),
      );
    }
  }
  const sources = workbook.addWorksheet(SOURCES_SHEET);
  sources.addRow(['Field', 'Row', 'Value', 'Source', 'Stream', 'Revision', 'Position']);
  for (const [id, { value, from }] of cells) {
    if (from.kind === 'entered') continue;
    const stream = 'stream' in from ? from.stream : null;
    const revision = 'revision' in from ? from.revision : null;
    const position = 'position' in from ? from.position : null;
    sources.addRow(safe([id, label(id), shown(id, value), sourceText(from), stream, revision, position]));
  }
}

/**
 * Writes a return in its template's layout: `Checklist` (what the workbook is and each section's validation
 * state), one sheet per section of the quarter (`<n>. <title>`: row labels in column A, the template's column
 * headers across, a `field ids` column naming the fields of each row), then `Previously returned` (Q2-Q4)
 * and `Sources`. Money is pounds and pence, dates `YYYY-MM-DD` text; no cell is a formula
 * (docs/quarterly-returns.files.md).
 */
export async function writeReturnWorkbook(template: ReturnTemplate, view: ReturnView): Promise<Buffer> {
  const layout = returnLayout(template, view.quarter);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Better Care Ledger';
  writeChecklist(workbook, view, layout);
  for (const section of layout) writeSection(workbook, view, section);
  writeReadOnly(workbook, view, template);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const text = (value: ExcelJS.CellValue): string => {
  const cell = cellPrimitive(value);
  return typeof cell === 'string' || typeof cell === 'number' ? String(cell).trim() : '';
};

/** The Checklist must name this template version and quarter when it names any (a workbook of another return). */
function checklistProblems(
  workbook: ExcelJS.Workbook,
  template: ReturnTemplate,
  quarter: Quarter,
): CellProblem[] {
  const sheet = workbook.getWorksheet(CHECKLIST_SHEET);
  const problems: CellProblem[] = [];
  const expected: Record<string, string> = {
    templateVersion: template.templateVersion,
    quarter: String(quarter),
  };
  sheet?.eachRow((row, line) => {
    const key = text(row.getCell(1).value);
    const want = expected[key];
    const got = text(row.getCell(2).value);
    if (want !== undefined && got !== want)
      problems.push({
        sheet: CHECKLIST_SHEET,
        row: line,
        field: key,
        reason: `is '${got}': this import is of a ${template.templateVersion} Q${quarter} return`,
      });
  });
  return problems;
}

/** Reads one section sheet: each row's `field ids` say which fields it holds; headers say which column. */
function readSection(
  sheet: ExcelJS.Worksheet | undefined,
  layout: SectionLayout,
  found: ReturnWorkbookValues,
  problems: CellProblem[],
): void {
  const name = layout.sheet;
  if (!sheet) {
    problems.push({ sheet: name, field: layout.section.id, reason: 'the sheet is missing' });
    return;
  }
  if (sheet.rowCount > ROWS_MAX) {
    problems.push({
      sheet: name,
      row: ROWS_MAX + 1,
      field: layout.section.id,
      reason: `sheets are limited to ${ROWS_MAX} rows`,
    });
    return;
  }
  const headers = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, column) => {
    const header = text(cell.value);
    if (!headers.has(header)) headers.set(header, column);
  });
  const missing = [...layout.columns, FIELD_IDS_COLUMN].filter((header) => !headers.has(header));
  if (missing.length > 0) {
    problems.push({
      sheet: name,
      row: 1,
      field: layout.section.id,
      reason: `the header row lacks ${missing.map((m) => `'${m}'`).join(', ')}`,
    });
    return;
  }
  const fields = new Map(layout.rows.flatMap((row) => row.fields).map((field) => [field.id, field]));
  const idsColumn = headers.get(FIELD_IDS_COLUMN)!;
  sheet.eachRow((row, line) => {
    if (line === 1) return;
    const ids = text(row.getCell(idsColumn).value);
    for (const id of ids === '' ? [] : ids.split(',').map((part) => part.trim())) {
      const field = fields.get(id);
      if (!field) {
        problems.push({ sheet: name, row: line, field: id, reason: 'is not a field of this sheet' });
        continue;
      }
      if (found.cells[id]) {
        problems.push({
          sheet: name,
          row: line,
          field: id,
          reason: `is also on row ${found.cells[id]!.row}`,
        });
        continue;
      }
      found.cells[id] = { sheet: name, row: line };
      const read = readCell(field, row.getCell(headers.get(field.column ?? VALUE_COLUMN)!).value);
      if ('problem' in read) problems.push({ sheet: name, row: line, field: id, reason: read.problem });
      else found.values[id] = read.value;
    }
  });
  for (const id of fields.keys())
    if (!found.cells[id])
      problems.push({
        sheet: name,
        field: id,
        reason: `no row of the sheet names it in '${FIELD_IDS_COLUMN}'`,
      });
}

/**
 * Reads a return workbook (as `writeReturnWorkbook` writes it, or as a council filled it) into every field of
 * the quarter's return. Each cell is converted (pounds to pence exactly) and checked by the value rules; every
 * bad cell is one `CellsRefused` problem with its sheet, row, field and reason, all at once. A file that is
 * not a workbook, or would unpack too large, is a `WorkbookRefused`. The template's checks (which need the
 * whole return) are the caller's: `locateCell` names their cells.
 */
export async function readReturnWorkbook(
  template: ReturnTemplate,
  quarter: Quarter,
  buffer: Buffer,
  rules: ValueRules = valueProblems,
): Promise<ReturnWorkbookValues> {
  checkWorkbookLimits(buffer);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (error) {
    throw new WorkbookRefused(false, `is not a readable XLSX file (${(error as Error).message})`);
  }
  const layout = returnLayout(template, quarter);
  const found: ReturnWorkbookValues = { values: {}, cells: {} };
  const problems = checklistProblems(workbook, template, quarter);
  for (const section of layout) readSection(workbook.getWorksheet(section.sheet), section, found, problems);
  const unreadable = new Set(problems.map((problem) => problem.field));
  const readable = Object.fromEntries(Object.entries(found.values).filter(([id]) => !unreadable.has(id)));
  const where = cellLocations(layout);
  for (const problem of rules(template, quarter, readable)) {
    const cell = found.cells[problem.field] ?? where.get(problem.field);
    problems.push({ ...problem, sheet: cell?.sheet ?? problem.sheet, row: cell?.row ?? problem.row });
  }
  if (problems.length > 0) throw new CellsRefused(problems);
  return found;
}
