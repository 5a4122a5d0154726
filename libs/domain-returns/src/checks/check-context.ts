import { NOT_AVAILABLE, ReturnTemplate, Severity } from '../template/return-template';
import { Cell, FieldValue, returnStream } from '../return/quarterly-return';
import { ReturnCheck, ReturnUnderCheck } from './return-check';
import { compareRational, rationalOf } from './decimal';
import { rowsOf } from './field-patterns';
import { PlacedField, fieldsOfQuarter } from '../return/template-fields';

/** A field of the quarter's return with its section. */
export type FieldAt = PlacedField;

/** One of the earlier quarters' returns the checks compare with. */
export type EarlierReturn = ReturnUnderCheck['earlier'][number];

/** What every check reads: the return under check, the fields its quarter has, and the previous return. */
export interface CheckContext {
  input: ReturnUnderCheck;
  /** The fields of the quarter's return (its sections, each field's `quarters`), in template order. */
  fields: Map<string, FieldAt>;
  /** The previous quarter's return of the same year, if the checks were given it. */
  previous: EarlierReturn | null;
}

/** The context of a return under check. */
export function contextOf(input: ReturnUnderCheck): CheckContext {
  return {
    input,
    fields: fieldsOfQuarter(input.template, input.quarter),
    previous: input.earlier.find((earlier) => earlier.quarter === input.quarter - 1) ?? null,
  };
}

/** The template's reference file, as the repository holds it. */
export const templateFile = (template: ReturnTemplate): string =>
  `libs/domain-returns/reference/${template.templateVersion}.json`;

/** A check's citation: its row in docs/quarterly-returns.md, the template's citation, the template's file. */
export const checkSource = (rule: string, citation: string, template: ReturnTemplate): string =>
  [`docs/quarterly-returns.md#the-checks ${rule}`, citation, templateFile(template)].join('; ');

/** Filled: neither absent, null, nor blank text. */
export const isFilled = (value: FieldValue | undefined): value is string | number =>
  value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '');

export const isNotAvailable = (value: FieldValue | undefined): boolean => value === NOT_AVAILABLE;

export type CheckCell = ReturnCheck['cells'][number];

/** The source of a cell nothing filled: nothing was recorded, so the value is null. */
const notFilled = (returnId: string, field: string): Cell['from'] => ({
  kind: 'ledger',
  description: `${field} not filled in ${returnId}`,
  stream: null,
  revision: null,
  position: null,
});

/** A field of a return (this one or an earlier one), named with its value and where the value came from. */
export function cellIn(returnId: string, cells: Record<string, Cell>, field: string): CheckCell {
  const cell = cells[field];
  return cell
    ? { field, returnId, value: cell.value, from: cell.from }
    : { field, returnId, value: null, from: notFilled(returnId, field) };
}

/** A field of the return under check. */
export const cellOf = (ctx: CheckContext, field: string): CheckCell =>
  cellIn(ctx.input.returnId, ctx.input.cells, field);

/** A fact of the return's own stream that is not a cell (its submission, the date it is read on). */
export const streamFact = (returnId: string, field: string, value: string, what: string): CheckCell => ({
  field,
  returnId,
  value,
  from: { kind: 'ledger', description: what, stream: returnStream(returnId), revision: null, position: null },
});

/** Pence as pounds for a message: `£1,234.50`, whole pounds without pence. */
export const pounds = (pence: bigint | number): string => {
  const value = BigInt(pence);
  const sign = value < 0n ? '-' : '';
  const abs = value < 0n ? -value : value;
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = (abs % 100n).toString().padStart(2, '0');
  return `${sign}£${whole}${fraction === '00' ? '' : `.${fraction}`}`;
};

/** A value as a message shows it: money in pounds, text quoted, nothing as "(empty)". */
export function shown(ctx: CheckContext, field: string, value: FieldValue | undefined): string {
  if (!isFilled(value)) return '(empty)';
  if (ctx.fields.get(field)?.field.type === 'money' && typeof value === 'number') return pounds(value);
  return typeof value === 'string' ? `'${value}'` : String(value);
}

/** The rule (or consistency check) of the template a check reports. */
export interface RuleOrigin {
  rule: string;
  severity: Severity;
  source: string;
}

/** A check of the return: its section is that of the field it concerns (else the quarter's first section). */
export function reportCheck(
  ctx: CheckContext,
  origin: RuleOrigin,
  kind: ReturnCheck['kind'],
  check: {
    checkId: string;
    field: string | null;
    outcome: ReturnCheck['outcome'];
    message: string;
    cells: CheckCell[];
  },
): ReturnCheck {
  const firstSection = ctx.input.template.quarters[`Q${ctx.input.quarter}`]?.sections[0] ?? '';
  return {
    checkId: check.checkId,
    rule: origin.rule,
    kind,
    severity: origin.severity,
    outcome: check.outcome,
    section: (check.field === null ? undefined : ctx.fields.get(check.field)?.section) ?? firstSection,
    message: check.message,
    source: checkSource(origin.rule, origin.source, ctx.input.template),
    cells: check.cells,
  };
}

/** Two values are the same figure or answer: numbers as exact rationals (`"13.0"` = `"13"`), text trimmed. */
export function sameValue(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  if (!isFilled(a) || !isFilled(b)) return !isFilled(a) && !isFilled(b);
  const left = rationalOf(a);
  const right = rationalOf(b);
  if (left && right) return compareRational(left, right) === 0;
  return String(a).trim() === String(b).trim();
}

/** How a message names a field: its row (and column) on the sheet, and its id. */
export function labelOf(ctx: CheckContext, field: string): string {
  const at = ctx.fields.get(field)?.field;
  return at ? `${at.row}${at.column ? ` / ${at.column}` : ''} (${field})` : field;
}

/** The fields of the quarter's return matching a pattern (see field-patterns.ts), in template order. */
export const rowsIn = (ctx: CheckContext, pattern: string) => rowsOf(pattern, ctx.fields.keys());
