/**
 * Formula injection (OWASP "CSV injection"): a spreadsheet reads a cell that begins with `=`, `+`, `-`, `@`,
 * a tab or a carriage return as a formula. Text cells that begin so (after any leading apostrophes) are
 * written with one more `'` in front, which spreadsheets show as text; numbers are written as numbers and
 * never escaped. Leading apostrophes count, so `readSpreadsheetText` gives back exactly what was written.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/** A text cell as written to CSV or XLSX: `=1+2` → `'=1+2`; `'=1+2` → `''=1+2`; other text unchanged. */
export const spreadsheetText = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

/** The text a `spreadsheetText` cell holds: drops the one `'` it added, and nothing else. */
export const readSpreadsheetText = (cell: string): string =>
  cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
