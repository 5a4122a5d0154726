import { Role } from '@bcl/identity';
import { CommandContext } from '@bcl/application';
import { CellProblem, FieldValue, ReturnTemplate, ReturnView } from '@bcl/domain-returns';
import { fieldsOfQuarter, sheetNameOf } from '@bcl/quarterly-returns';
import { ErrorSummaryItem, errorSummaryOf } from '../../forms/page-form';
import { displayValue } from './return-page';

/** Who may upload a return workbook: the roles the API's fill route (`PATCH /api/returns/{id}/values`) allows. */
export const RETURN_UPLOADERS: Role[] = ['finance-officer', 'programme-lead'];

/** Largest workbook accepted (as `bcl return import`): larger is refused before it is read. */
export const RETURN_WORKBOOK_BYTES_MAX = 5 * 1024 * 1024;
/** How many cells one upload may fill (the API's limit per request). */
export const UPLOAD_CELLS_MAX = 2000;
/** Largest text a cell may hold (the API's limit). */
const CELL_TEXT_MAX = 32_000;

/** The inputs of the upload form, by the field a refusal names: every cell's refusal links to the file input. */
export const UPLOAD_INPUTS: Record<string, string> = { workbook: 'workbook', reason: 'reason' };

/** Where each field sits in the workbook (sheet and row, from the reading), or in the template's layout. */
export type CellPlaces = Record<string, { sheet: string; row: number }>;

/** One cell the upload would change: where it is, what it holds now and what it would hold. */
export interface CellChange {
  fieldId: string;
  sheet: string;
  label: string;
  current: string;
  proposed: string;
}

/** The values of the workbook that differ from the return as it stands: what a fill would enter. */
export function changedValues(
  view: ReturnView,
  read: Record<string, FieldValue>,
): Record<string, FieldValue> {
  return Object.fromEntries(
    Object.entries(read).filter(([field, value]) => (view.cells[field]?.value ?? null) !== (value ?? null)),
  );
}

/** The changes as the preview lists them, in the template's sheet order. */
export function cellChanges(
  template: ReturnTemplate,
  view: ReturnView,
  values: Record<string, FieldValue>,
): CellChange[] {
  const sections = template.quarters[`Q${view.quarter}`].sections;
  return sections.flatMap((sectionId, index) => {
    const section = template.sections.find((s) => s.id === sectionId);
    if (!section) return [];
    return fieldsOfQuarter(section, view.quarter)
      .filter((field) => field.id in values)
      .map((field) => ({
        fieldId: field.id,
        sheet: sheetNameOf(index + 1, section.title),
        label: field.column ? `${field.row}: ${field.column}` : field.row,
        current: displayValue(template, field.id, view.cells[field.id]?.value),
        proposed: displayValue(template, field.id, values[field.id]),
      }));
  });
}

/**
 * A refusal as the error summary, each refused cell named by its sheet and row where the workbook gave it (the
 * domain's refusals name the field only), all linked to the file input.
 */
export function uploadRefusal(
  exception: unknown,
  instance: string,
  places: CellPlaces = {},
): { status: number; errors: ErrorSummaryItem[]; refusedCells: (CellProblem & { where: string })[] } {
  const { problem, errorList } = errorSummaryOf(exception, UPLOAD_INPUTS, instance);
  const cells = (problem.errors ?? []) as CellProblem[];
  const refusedCells = cells
    .filter((cell) => cell.field !== 'reason')
    .map((cell) => {
      const place = cell.sheet ? { sheet: cell.sheet, row: cell.row } : places[cell.field];
      return { ...cell, where: place ? `${place.sheet}, row ${place.row ?? '?'}` : '' };
    });
  const errors =
    refusedCells.length > 0
      ? refusedCells.map((cell) => ({
          text: `${cell.where ? `${cell.where}, ` : ''}${cell.field}: ${cell.reason}`,
          href: '#workbook',
        }))
      : errorList;
  return { status: problem.status, errors, refusedCells };
}

/** Who the return records as having entered the values: the session's person, else its subject. */
export const enteredByOf = (context: CommandContext): string =>
  typeof context.actor.personId === 'string' ? context.actor.personId : context.actor.id;

/**
 * The values the confirm form carries back (the preview's, as JSON in a hidden field): a map of field id to
 * text, whole number or null, within the API's limits; undefined when it is anything else.
 */
export function confirmedValues(json: unknown): Record<string, FieldValue> | undefined {
  if (typeof json !== 'string') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const entries = Object.entries(parsed);
  const cell = (value: unknown) =>
    value === null ||
    (typeof value === 'number' && Number.isSafeInteger(value)) ||
    (typeof value === 'string' && value.length <= CELL_TEXT_MAX);
  if (entries.length === 0 || entries.length > UPLOAD_CELLS_MAX) return undefined;
  if (!entries.every(([field, value]) => /^[A-Za-z0-9]+(\.[A-Za-z0-9]+)*$/.test(field) && cell(value)))
    return undefined;
  return parsed as Record<string, FieldValue>;
}
