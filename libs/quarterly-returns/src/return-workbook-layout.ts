import { Quarter } from '@bcl/kernel';
import { FieldTemplate, ReturnTemplate, SectionTemplate } from '@bcl/domain-returns';

/** The header of the column that holds a field without a `column` (a single value on its row). */
export const VALUE_COLUMN = 'Value';
/** The header of each section sheet's last column: the ids of the fields on the row, comma-joined. */
export const FIELD_IDS_COLUMN = 'field ids';
/** Excel's limit on a sheet's name, and the characters a sheet's name may not hold. */
const SHEET_NAME_MAX = 31;
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/g;

/** One row of a section sheet: its label (first column) and its fields, each under its column's header. */
export interface LayoutRow {
  /** 1-based row number on the sheet (row 1 holds the headers). */
  row: number;
  label: string;
  fields: FieldTemplate[];
}

/** A section of the quarter's return as a sheet: its name, its headers (A: the row label) and its rows. */
export interface SectionLayout {
  section: SectionTemplate;
  /** `<n>. <title>`, n the section's place in the quarter's list (cut to Excel's 31 characters). */
  sheet: string;
  /** The value columns' headers, in order: the columns are B, C, …; `field ids` comes after them. */
  columns: string[];
  rows: LayoutRow[];
}

/** Where a field sits in the workbook of a quarter's return. */
export interface CellLocation {
  sheet: string;
  /** 1-based row number. */
  row: number;
  /** 1-based column number (the row label is column 1). */
  column: number;
}

/** The fields of a section that a quarter's return has (a field's `quarters` limits it). */
export function fieldsOfQuarter(section: SectionTemplate, quarter: Quarter): FieldTemplate[] {
  return section.fields.filter((field) => !field.quarters || field.quarters.includes(quarter));
}

/** `3. National Conditions`: a sheet name Excel accepts (no `[]:*?/\`, at most 31 characters). */
export function sheetNameOf(place: number, title: string): string {
  return `${place}. ${title}`.replace(SHEET_NAME_FORBIDDEN, '-').slice(0, SHEET_NAME_MAX).trimEnd();
}

/**
 * Lays out one section: a row per distinct row label in the order the template first names it; a column per
 * distinct column header in the same order, then `Value` for fields with no column. Two fields of one row
 * label under the same column start a new row with that label, so every field has a cell of its own.
 */
function layoutSection(section: SectionTemplate, place: number, quarter: Quarter): SectionLayout {
  const fields = fieldsOfQuarter(section, quarter);
  const columns = [...new Set(fields.map((field) => field.column ?? VALUE_COLUMN))].sort(
    (a, b) => Number(a === VALUE_COLUMN) - Number(b === VALUE_COLUMN),
  );
  const rows: LayoutRow[] = [];
  for (const field of fields) {
    const column = field.column ?? VALUE_COLUMN;
    const free = rows.find(
      (row) => row.label === field.row && !row.fields.some((f) => (f.column ?? VALUE_COLUMN) === column),
    );
    if (free) free.fields.push(field);
    else rows.push({ row: rows.length + 2, label: field.row, fields: [field] });
  }
  return { section, sheet: sheetNameOf(place, section.title), columns, rows };
}

/**
 * The section sheets of a quarter's return, in the quarter's order (Q4 has Year End Feedback as 6). The
 * writer and the reader both lay the workbook out from the template, so a cell's place is never guessed.
 */
export function returnLayout(template: ReturnTemplate, quarter: Quarter): SectionLayout[] {
  const quarterTemplate = template.quarters[`Q${quarter}`];
  return quarterTemplate.sections.map((id, index) => {
    const section = template.sections.find((candidate) => candidate.id === id);
    if (!section)
      throw new Error(`template ${template.templateVersion}: Q${quarter} names unknown section '${id}'`);
    return layoutSection(section, index + 1, quarter);
  });
}

/** Each field of the quarter's return and its cell, as the workbook writer lays it out. */
export function cellLocations(layout: SectionLayout[]): Map<string, CellLocation> {
  const cells = new Map<string, CellLocation>();
  for (const { sheet, columns, rows } of layout)
    for (const { row, fields } of rows)
      for (const field of fields)
        cells.set(field.id, {
          sheet,
          row,
          column: columns.indexOf(field.column ?? VALUE_COLUMN) + 2,
        });
  return cells;
}

/**
 * The sheet and row of a field in the workbook of a quarter's return (as written by `writeReturnWorkbook`), so
 * a check's message can say where to look; null for a field the quarter's return does not have.
 */
export function locateCell(
  template: ReturnTemplate,
  quarter: Quarter,
  field: string,
): { sheet: string; row: number } | null {
  const cell = cellLocations(returnLayout(template, quarter)).get(field);
  return cell ? { sheet: cell.sheet, row: cell.row } : null;
}
