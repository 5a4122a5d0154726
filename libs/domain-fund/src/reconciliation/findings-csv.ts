import { spreadsheetText } from '@bcl/kernel';
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
  'rests_on',
  'missing',
  'rests_on_assumed',
  'evidence',
];
/**
 * One field: numbers as they are (a negative difference stays `-500`, a number); text escaped against formula
 * injection (`spreadsheetText`), and quoted when it holds `"`, `,`, CR or LF, so no text starts a new row.
 */
const csvCell = (value: string | number | null) => {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = spreadsheetText(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * The findings as CSV (RFC 4180), one row each, amounts in pence; safe to open in a spreadsheet. `restsOn` says
 * what the reconciliation rests on (e.g. "rests on assumed terms: …"), beside every finding.
 * A not-checkable finding leaves its computed amount and difference empty and says what is missing. The last
 * two columns say whether the finding rests on an assumed fact, and its evidence (`FindingEvidence.note`).
 */
export function findingsCsv(findings: Finding[], restsOn: string | null = null): string {
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
      restsOn,
      f.missing ?? null,
      f.evidence ? String(f.evidence.restsOnAssumed) : null,
      f.evidence?.note ?? null,
    ]
      .map(csvCell)
      .join(','),
  );
  return [CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
