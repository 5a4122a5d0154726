import Ajv2020, { ErrorObject } from 'ajv/dist/2020';
import { Evidence, FinancialYear, Quarter, isFinancialYear } from '@bcl/kernel';
import {
  Cell,
  CellProblem,
  CellsRefused,
  FieldValue,
  ReturnStatus,
  ReturnSubmitted,
  ReturnTemplate,
  ReturnView,
} from '@bcl/domain-returns';
import schema from './quarterly-return.schema.json';

/** The format tag of a return document (quarterly-return.schema.json beside this file). */
export const RETURN_FORMAT = 'bcl-quarterly-return/1';

/** A figure of an earlier quarter's return restated by this one (a `PriorQuarterAmended`). */
export interface DocumentAmendment {
  field: string;
  value: FieldValue;
  reason: string;
}

/** A return document as imported: the values of a return, and any amendments of earlier quarters' figures. */
export interface ReturnDocument {
  format: typeof RETURN_FORMAT;
  templateVersion: string;
  areaId: string;
  financialYear: FinancialYear;
  quarter: Quarter;
  values: Record<string, FieldValue>;
  amendments?: DocumentAmendment[];
  evidence?: Evidence;
}

/** A return document as exported from a view: the import's fields, plus what the ledger knows of the return. */
export interface ReturnDocumentExport extends ReturnDocument {
  returnId: string;
  basis: ReturnView['basis'];
  status: ReturnStatus;
  version: number;
  submitted: ReturnSubmitted | null;
  cells: Record<string, Cell>;
  restatements: ReturnView['restatements'];
}

const PROBLEMS_REPORTED_MAX = 50;
const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);

/** `/values/conditions.1.status` → the field id; `/amendments/0/reason` → `amendments[0].reason`. */
function fieldOf(error: ErrorObject): string {
  const parts = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (error.keyword === 'additionalProperties') parts.push(String(error.params.additionalProperty));
  if (error.keyword === 'required') parts.push(String(error.params.missingProperty));
  if (error.keyword === 'propertyNames') parts.push(String(error.params.propertyName));
  if (parts[0] === 'values' && parts.length === 2) return parts[1]!;
  const path = parts.reduce(
    (text, part) => (/^\d+$/.test(part) ? `${text}[${part}]` : text ? `${text}.${part}` : part),
    '',
  );
  return path || 'document';
}

function reasonOf(error: ErrorObject): string {
  if (error.keyword === 'additionalProperties') return 'is not a known field of a return document';
  if (error.keyword === 'required') return 'is required';
  if (error.keyword === 'propertyNames') return 'is not a field id (dotted words, e.g. conditions.1.status)';
  if (error.keyword === 'const') return `must be '${String(error.params.allowedValue)}'`;
  return error.message ?? error.keyword;
}

/**
 * Checks a return document's shape (the JSON Schema) and returns it typed, or throws `CellsRefused` with one
 * problem per field path (a value's path is its field id). Whether each value suits its field is the value
 * rules' to say when it is entered; an export's own fields (basis, cells, …) are accepted and dropped, so an
 * exported document imports again.
 */
export function parseReturnDocument(json: unknown): ReturnDocument {
  if (!validate(json)) {
    const seen = new Set<string>();
    const problems: CellProblem[] = (validate.errors ?? [])
      .filter((error) => error.keyword !== 'propertyNames' || error.params.propertyName !== undefined)
      .map((error) => ({ field: fieldOf(error), reason: reasonOf(error) }))
      .filter((problem) => !seen.has(problem.field) && seen.add(problem.field))
      .slice(0, PROBLEMS_REPORTED_MAX);
    throw new CellsRefused(problems);
  }
  const document = json as unknown as ReturnDocument;
  if (!isFinancialYear(document.financialYear))
    throw new CellsRefused([{ field: 'financialYear', reason: 'must be a financial year such as 2016-17' }]);
  const fields = new Set<string>();
  const repeated = (document.amendments ?? [])
    .map((amendment, index) => ({ amendment, index }))
    .filter(({ amendment }) => fields.has(amendment.field) || !fields.add(amendment.field));
  if (repeated.length > 0)
    throw new CellsRefused(
      repeated.map(({ amendment, index }) => ({
        field: `amendments[${index}].field`,
        reason: `amends ${amendment.field} a second time: one amendment per figure`,
      })),
    );
  return {
    format: RETURN_FORMAT,
    templateVersion: document.templateVersion,
    areaId: document.areaId,
    financialYear: document.financialYear,
    quarter: document.quarter,
    values: { ...document.values },
    ...(document.amendments ? { amendments: document.amendments.map((a) => ({ ...a })) } : {}),
    ...(document.evidence ? { evidence: { ...document.evidence } } : {}),
  };
}

/**
 * A return as a document (as submitted or as restated, from the view's viewpoint): `values` holds every field
 * of the quarter's return (null where empty), `cells` each value's source, `amendments` what this return
 * restated of earlier quarters, `restatements` what later returns restated of this one.
 */
export function returnDocumentOf(view: ReturnView, template: ReturnTemplate): ReturnDocumentExport {
  const sections = template.quarters[`Q${view.quarter}`].sections;
  const ids = template.sections
    .filter((section) => sections.includes(section.id))
    .flatMap((section) => section.fields)
    .filter((field) => !field.quarters || field.quarters.includes(view.quarter))
    .map((field) => field.id);
  const values: Record<string, FieldValue> = {};
  for (const id of ids) values[id] = view.cells[id]?.value ?? null;
  for (const [id, cell] of Object.entries(view.cells)) if (!(id in values)) values[id] = cell.value;
  return {
    format: RETURN_FORMAT,
    templateVersion: view.templateVersion,
    areaId: view.areaId,
    financialYear: view.financialYear,
    quarter: view.quarter,
    values,
    ...(view.amendments.length > 0
      ? {
          amendments: view.amendments.map((a) => ({
            field: a.field,
            value: a.amendedValue,
            reason: a.reason,
          })),
        }
      : {}),
    returnId: view.returnId,
    basis: view.basis,
    status: view.status,
    version: view.version,
    submitted: view.submitted,
    cells: view.cells,
    restatements: view.restatements,
  };
}

/**
 * What an import changes in a return: the values that differ from its cells, split into those entered and
 * those that restate a figure previously returned (a carried field whose value came from an earlier return),
 * which need a reason and become amendments. Values equal to the return's own are left out.
 */
export function importChanges(
  view: Pick<ReturnView, 'cells'>,
  values: Record<string, FieldValue>,
  reason: string,
): { enter: Record<string, FieldValue>; amend: DocumentAmendment[] } {
  const enter: Record<string, FieldValue> = {};
  const amend: DocumentAmendment[] = [];
  for (const [field, value] of Object.entries(values)) {
    const cell = view.cells[field];
    if ((cell?.value ?? null) === value) continue;
    if (cell?.from.kind === 'previous-return' || cell?.from.kind === 'amended')
      amend.push({ field, value, reason });
    else enter[field] = value;
  }
  return { enter, amend };
}
