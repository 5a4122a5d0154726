import { AccessEntry } from '@bcl/service-store';

const COLUMNS = ['id', 'at', 'subject', 'roles', 'method', 'resource', 'status', 'correlationId'] as const;

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break. A cell a spreadsheet would run as a
 * formula (starting = + - @, tab or carriage return) is prefixed with an apostrophe: a resource is whatever path
 * a reader asked for.
 */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const accessLogCsvHeader = (): string => `${COLUMNS.join(',')}\r\n`;

export function accessLogCsvLine(entry: AccessEntry): string {
  const cells = COLUMNS.map((column) => (column === 'roles' ? entry.roles.join(' ') : (entry[column] ?? '')));
  return `${cells.map(csvCell).join(',')}\r\n`;
}
