import { Finding } from './finding';

const CSV_COLUMNS = [
  'check',
  'subject',
  'quarter',
  'stated_pence',
  'stated_source',
  'computed_pence',
  'computed_from',
  'difference_pence',
  'classification',
];
const csvCell = (value: string | number | null) => {
  const text = value === null ? '' : String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The findings as CSV (RFC 4180), one row each, amounts in pence. */
export function findingsCsv(findings: Finding[]): string {
  const rows = findings.map((f) =>
    [
      f.check,
      f.subject,
      f.quarter,
      f.stated.amountPence,
      f.stated.source,
      f.computed.amountPence,
      f.computed.from,
      f.differencePence,
      f.classification,
    ]
      .map(csvCell)
      .join(','),
  );
  return [CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
