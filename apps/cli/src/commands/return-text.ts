import { Quarter } from '@bcl/kernel';
import {
  CellProblem,
  FieldTemplate,
  FieldValue,
  ReturnCheck,
  ReturnTemplate,
  ReturnView,
  ValueSource,
} from '@bcl/domain-returns';
import { locateCell, returnLayout } from '@bcl/quarterly-returns';

/** Integer pence as `£1,234.56` (string arithmetic: no float). */
export function poundsText(pence: number): string {
  const digits = String(Math.abs(pence)).padStart(3, '0');
  const whole = digits.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${pence < 0 ? '-' : ''}£${whole}.${digits.slice(-2)}`;
}

/** A value as the return shows it: money in pounds, empty as `–`. */
export function valueText(field: FieldTemplate | undefined, value: FieldValue): string {
  if (value === null) return '–';
  if (field?.type === 'money' && typeof value === 'number') return poundsText(value);
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** Where a value came from, in a few words (stream and revision where there is one). */
export function sourceText(from: ValueSource): string {
  const at = 'stream' in from && from.stream !== null ? ` (${from.stream}@${from.revision ?? '?'})` : '';
  switch (from.kind) {
    case 'ledger':
      return `ledger: ${from.description}${at}`;
    case 'previous-return':
      return `previously returned in ${from.returnId}${at}`;
    case 'reference':
      return `reference ${from.file} ${from.key}`;
    default:
      return `${from.kind}${at}`;
  }
}

/** `bcl return show`: the return's state, then each sheet's fields with value and source, then restatements. */
export function describeView(view: ReturnView, template: ReturnTemplate): string {
  const submitted = view.submitted
    ? `, submitted ${view.submitted.submittedAt}${view.submitted.late ? ' (late)' : ''}`
    : '';
  const lines = [
    `${view.returnId} (${view.areaId} ${view.financialYear} Q${view.quarter}, ${view.templateVersion}): version ${view.version}, ${view.status}${submitted}, ${view.basis}`,
    `  due ${view.deadline.at}${view.deadline.assumed ? ` (assumed: ${view.deadline.assumed})` : ''}`,
  ];
  for (const { sheet, rows } of returnLayout(template, view.quarter)) {
    lines.push(`  ${sheet}`);
    for (const { label, fields } of rows)
      for (const field of fields) {
        const cell = view.cells[field.id];
        const where = field.column ? `${label} / ${field.column}` : label;
        lines.push(
          `    ${where}: ${valueText(field, cell?.value ?? null)}  [${field.id}${cell ? `; ${sourceText(cell.from)}` : ''}]`,
        );
      }
  }
  const fields = new Map(template.sections.flatMap((s) => s.fields).map((f) => [f.id, f]));
  for (const r of view.restatements)
    lines.push(
      `  restated by ${r.returnId} version ${r.version}: ${r.field} ${valueText(fields.get(r.field), r.previousValue)} → ${valueText(fields.get(r.field), r.amendedValue)} by ${r.amendedBy}: ${r.reason}`,
    );
  return lines.join('\n');
}

/** `sheet row n ` where the workbook of the quarter has the field, else nothing. */
export function cellPlace(template: ReturnTemplate, quarter: Quarter, field: string | undefined): string {
  const place = field === undefined ? null : locateCell(template, quarter, field);
  return place ? `${place.sheet} row ${place.row} ` : '';
}

/** Each check that does not pass, with the cell it rests on (sheet and row), one per line. */
export function describeChecks(template: ReturnTemplate, quarter: Quarter, checks: ReturnCheck[]): string[] {
  return checks
    .filter((check) => check.outcome !== 'pass')
    .map(
      (check) =>
        `  ${check.severity.padEnd(11)} ${check.outcome.padEnd(13)} ${cellPlace(template, quarter, check.cells[0]?.field)}${check.checkId}: ${check.message}`,
    );
}

/** The summary line of a set of checks: how many, how many blocking failures. */
export function checksSummary(checks: ReturnCheck[]): string {
  const blocking = checks.filter((c) => c.severity === 'blocking' && c.outcome === 'fail').length;
  const standing = checks.filter((c) => c.outcome !== 'pass').length;
  return `${checks.length} checks, ${standing} not passing outright, ${blocking} blocking`;
}

/** One line per refused cell: `FILE: <sheet> row <n> <field>: <reason>` (sheet and row where known). */
export function problemLines(file: string, problems: CellProblem[]): string[] {
  return problems.map(
    (p) =>
      `${file}: ${p.sheet ? `${p.sheet} ` : ''}${p.row !== undefined ? `row ${p.row} ` : ''}${p.field}: ${p.reason}`,
  );
}
