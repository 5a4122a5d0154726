import { PlanContent, PlanSection } from '@bcl/domain-plans';

/**
 * The plan as tables, one per section, for spreadsheets (XLSX) and CSV files shaped like the national
 * planning template: money in pounds (at most 2 decimals), one row per entry, years as columns where the
 * template has them. The same definitions read and write, so an export re-imports to the same plan.
 */
export type Cell = string | number | boolean | null;
export interface TableRow {
  /** 1-based line (row number in the sheet or file) for error messages. */
  line: number;
  cells: Record<string, Cell>;
}

/** A cell the plan cannot use. Nothing is recorded. */
export class TableCellInvalid extends Error {
  constructor(
    readonly table: string,
    readonly line: number,
    readonly column: string,
    readonly reason: string,
  ) {
    super(`${table} line ${line}, column '${column}': ${reason}`);
    this.name = 'TableCellInvalid';
  }
}

const YEAR_COLUMN = /^\d{4}-\d{2}$/;
const POUNDS = /^\d{1,12}(\.\d{1,2})?$/;

/** Exact pounds → pence from a cell (number or text), refusing more than 2 decimals. */
function penceOf(table: string, row: TableRow, column: string): number {
  const value = row.cells[column];
  const text =
    typeof value === 'number' ? String(value) : typeof value === 'string' ? value.replace(/[£,\s]/g, '') : '';
  if (!POUNDS.test(text))
    throw new TableCellInvalid(
      table,
      row.line,
      column,
      'must be an amount in pounds, 0 or more, with at most 2 decimals',
    );
  const [whole, fraction = ''] = text.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

const poundsOf = (pence: number): number => pence / 100;

function textOf(row: TableRow, column: string): string | null {
  const value = row.cells[column];
  if (value === null || value === undefined || value === '') return null;
  return String(value).trim() || null;
}
function required(table: string, row: TableRow, column: string): string {
  const value = textOf(row, column);
  if (value === null) throw new TableCellInvalid(table, row.line, column, 'is required');
  return value;
}
function wholeNumber(table: string, row: TableRow, column: string, allowEmpty = false): number | null {
  const value = textOf(row, column);
  if (value === null && allowEmpty) return null;
  if (value === null || !/^\d{1,15}$/.test(value))
    throw new TableCellInvalid(table, row.line, column, 'must be a whole number');
  return Number(value);
}
const list = (row: TableRow, column: string): string[] =>
  (textOf(row, column) ?? '')
    .split(/[;,]/)
    .map((item) => item.trim())
    .filter(Boolean);

interface TableDefinition {
  sheet: string;
  section: PlanSection;
  columns: string[];
  /** Whether year columns (2017-18, …) follow the fixed ones. */
  yearColumns: boolean;
  read(rows: TableRow[], years: string[]): { entries: object[]; lines: number[][] };
  write(entries: object[], years: string[]): Cell[][];
}

/** Row-per-entry tables. */
function simple(
  sheet: string,
  section: PlanSection,
  columns: string[],
  read: (row: TableRow) => object,
  write: (entry: never) => Cell[],
): TableDefinition {
  return {
    sheet,
    section,
    columns,
    yearColumns: false,
    read: (rows) => ({ entries: rows.map(read), lines: rows.map((row) => [row.line]) }),
    write: (entries) => entries.map((entry) => write(entry as never)),
  };
}

/** Row-per-entry tables with an amount per year column. */
function byYear(
  sheet: string,
  section: PlanSection,
  idColumn: string,
  idField: string,
  extra?: [string, string],
): TableDefinition {
  const columns = extra ? ['Key', extra[0], idColumn] : ['Key', idColumn];
  return {
    sheet,
    section,
    columns,
    yearColumns: true,
    read: (rows, years) => ({
      entries: rows.map((row) => {
        const amountsPence: Record<string, number> = {};
        for (const year of years)
          if (textOf(row, year) !== null) amountsPence[year] = penceOf(sheet, row, year);
        const entry: Record<string, unknown> = {
          key: required(sheet, row, 'Key'),
          [idField]: required(sheet, row, idColumn),
          amountsPence,
        };
        if (extra) entry[extra[1]] = required(sheet, row, extra[0]);
        return entry;
      }),
      lines: rows.map((row) => [row.line]),
    }),
    write: (entries, years) =>
      (entries as Record<string, unknown>[]).map((entry) => [
        entry.key as string,
        ...(extra ? [entry[extra[1]] as string] : []),
        entry[idField] as string,
        ...years.map((year) => {
          const pence = (entry.amountsPence as Record<string, number>)[year];
          return pence === undefined ? null : poundsOf(pence);
        }),
      ]),
  };
}

const SCHEME_COLUMNS = [
  'Key',
  'Name',
  'Type',
  'Lead commissioner',
  'Provider',
  'National conditions',
  'HICM changes',
  'Year',
  'Funding source',
  'Category',
  'Amount (£)',
];

export const PLAN_TABLES: TableDefinition[] = [
  byYear('Contributions', 'contributions', 'Contributor', 'contributorId', ['Source', 'source']),
  byYear('DFG pass-down', 'dfgPassDown', 'District', 'districtId'),
  {
    sheet: 'Schemes',
    section: 'schemes',
    columns: SCHEME_COLUMNS,
    yearColumns: false,
    // One row per spend line; a scheme's own fields come from its first row.
    read(rows) {
      const order: string[] = [];
      const schemes = new Map<string, { entry: Record<string, unknown>; lines: number[] }>();
      for (const row of rows) {
        const key = required('Schemes', row, 'Key');
        if (!schemes.has(key)) {
          order.push(key);
          schemes.set(key, {
            entry: {
              key,
              name: required('Schemes', row, 'Name'),
              type: textOf(row, 'Type') ?? 'not stated',
              leadCommissionerId: textOf(row, 'Lead commissioner'),
              providerId: textOf(row, 'Provider'),
              nationalConditions: list(row, 'National conditions'),
              hicmChanges: list(row, 'HICM changes'),
              spend: [],
            },
            lines: [row.line],
          });
        }
        const scheme = schemes.get(key)!;
        if (textOf(row, 'Year') === null) continue;
        (scheme.entry.spend as object[]).push({
          year: required('Schemes', row, 'Year'),
          source: textOf(row, 'Funding source'),
          category: textOf(row, 'Category'),
          amountPence: penceOf('Schemes', row, 'Amount (£)'),
        });
        scheme.lines.push(row.line);
      }
      return {
        entries: order.map((key) => schemes.get(key)!.entry),
        lines: order.map((key) => schemes.get(key)!.lines),
      };
    },
    write: (entries) =>
      (entries as PlanContent['schemes']).flatMap((scheme) => {
        const head = [
          scheme.key,
          scheme.name,
          scheme.type,
          scheme.leadCommissionerId,
          scheme.providerId,
          scheme.nationalConditions.join('; '),
          scheme.hicmChanges.join('; '),
        ];
        if (scheme.spend.length === 0) return [[...head, null, null, null, null]];
        return scheme.spend.map((line) => [
          ...head,
          line.year,
          line.source,
          line.category,
          poundsOf(line.amountPence),
        ]);
      }),
  },
  simple(
    'Metrics',
    'metrics',
    ['Key', 'Metric', 'Period', 'Numerator', 'Denominator', 'Stated value', 'Unit'],
    (row) => ({
      key: required('Metrics', row, 'Key'),
      metric: required('Metrics', row, 'Metric'),
      period: required('Metrics', row, 'Period'),
      numerator: wholeNumber('Metrics', row, 'Numerator', true),
      denominator: wholeNumber('Metrics', row, 'Denominator', true),
      statedValue: required('Metrics', row, 'Stated value'),
      unit: required('Metrics', row, 'Unit'),
    }),
    (m: PlanContent['metrics'][number]) => [
      m.key,
      m.metric,
      m.period,
      m.numerator,
      m.denominator,
      m.statedValue,
      m.unit,
    ],
  ),
  simple(
    'Risks',
    'risks',
    ['Key', 'Description', 'Likelihood', 'Impact', 'Stated score', 'Mitigations', 'Owner'],
    (row) => ({
      key: required('Risks', row, 'Key'),
      description: required('Risks', row, 'Description'),
      likelihood: wholeNumber('Risks', row, 'Likelihood'),
      impact: wholeNumber('Risks', row, 'Impact'),
      statedScore: wholeNumber('Risks', row, 'Stated score', true),
      mitigations: textOf(row, 'Mitigations') ?? '',
      owner: textOf(row, 'Owner'),
    }),
    (r: PlanContent['risks'][number]) => [
      r.key,
      r.description,
      r.likelihood,
      r.impact,
      r.statedScore,
      r.mitigations,
      r.owner,
    ],
  ),
  simple(
    'Stated totals',
    'statedTotals',
    ['Key', 'Table', 'Year', 'Value', 'Source'],
    (row) => {
      const table = required('Stated totals', row, 'Table');
      return {
        key: required('Stated totals', row, 'Key'),
        table,
        year: required('Stated totals', row, 'Year'),
        value:
          table === 'nea-annual'
            ? wholeNumber('Stated totals', row, 'Value')
            : penceOf('Stated totals', row, 'Value'),
        source: textOf(row, 'Source') ?? '',
      };
    },
    (t: PlanContent['statedTotals'][number]) => [
      t.key,
      t.table,
      t.year,
      t.table === 'nea-annual' ? t.value : poundsOf(t.value),
      t.source,
    ],
  ),
  simple(
    'Condition statements',
    'conditionStatements',
    ['Key', 'Condition', 'Text'],
    (row) => ({
      key: required('Condition statements', row, 'Key'),
      condition: required('Condition statements', row, 'Condition'),
      text: textOf(row, 'Text') ?? '',
    }),
    (c: PlanContent['conditionStatements'][number]) => [c.key, c.condition, c.text],
  ),
  simple(
    'HICM',
    'hicm',
    ['Key', 'Change', 'Level', 'Action plan'],
    (row) => ({
      key: required('HICM', row, 'Key'),
      change: required('HICM', row, 'Change'),
      level: required('HICM', row, 'Level'),
      actionPlan: textOf(row, 'Action plan') ?? '',
    }),
    (h: PlanContent['hicm'][number]) => [h.key, h.change, h.level, h.actionPlan],
  ),
  simple(
    'Narratives',
    'narratives',
    ['Key', 'Heading', 'Text'],
    (row) => ({
      key: required('Narratives', row, 'Key'),
      heading: textOf(row, 'Heading') ?? '',
      text: textOf(row, 'Text') ?? '',
    }),
    (n: PlanContent['narratives'][number]) => [n.key, n.heading, n.text],
  ),
  simple(
    'ASC baseline',
    'ascBaseline',
    ['Key', 'Baseline (£)', 'Frontloaded', 'Source'],
    (row) => ({
      key: required('ASC baseline', row, 'Key'),
      baselinePence: penceOf('ASC baseline', row, 'Baseline (£)'),
      frontloaded: /^(yes|true|y|1)$/i.test(textOf(row, 'Frontloaded') ?? ''),
      source: textOf(row, 'Source') ?? '',
    }),
    (b: PlanContent['ascBaseline'][number]) => [
      b.key,
      poundsOf(b.baselinePence),
      b.frontloaded ? 'yes' : 'no',
      b.source,
    ],
  ),
  simple(
    'DFG joint agreements',
    'dfgJointAgreements',
    ['Key', 'Year', 'Source'],
    (row) => ({
      key: required('DFG joint agreements', row, 'Key'),
      year: required('DFG joint agreements', row, 'Year'),
      source: textOf(row, 'Source') ?? '',
    }),
    (a: PlanContent['dfgJointAgreements'][number]) => [a.key, a.year, a.source],
  ),
  byYear('ASC NHS minimum', 'ascNhsMinimum', 'Source', 'source'),
  simple(
    'Variant',
    'variant',
    ['Key', 'Of', 'Why'],
    (row) => ({
      key: required('Variant', row, 'Key'),
      of: required('Variant', row, 'Of'),
      why: textOf(row, 'Why') ?? '',
    }),
    (v: PlanContent['variant'][number]) => [v.key, v.of, v.why],
  ),
];

export const tableFor = (nameOrSection: string): TableDefinition | undefined =>
  PLAN_TABLES.find(
    (table) => table.section === nameOrSection || table.sheet.toLowerCase() === nameOrSection.toLowerCase(),
  );

/** Reads one table's rows (header already mapped to columns) into its section's entries, checking the header. */
export function readTable(table: TableDefinition, header: string[], rows: TableRow[]) {
  const missing = table.columns.filter((column) => !header.includes(column));
  if (missing.length > 0)
    throw new TableCellInvalid(table.sheet, 1, missing[0]!, 'this column is missing from the header');
  const years = table.yearColumns ? header.filter((column) => YEAR_COLUMN.test(column)) : [];
  const unknown = header.filter(
    (column) => column && !table.columns.includes(column) && !years.includes(column),
  );
  if (unknown.length > 0)
    throw new TableCellInvalid(table.sheet, 1, unknown[0]!, 'is not a column of this table');
  return table.read(
    rows.filter((row) => Object.values(row.cells).some((cell) => cell !== null && cell !== '')),
    years,
  );
}
