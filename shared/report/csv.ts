/**
 * CSV for spreadsheets (RFC 4180): CRLF line ends, fields quoted when they hold a quote, comma
 * or line break, quotes doubled. Output starts with a UTF-8 byte-order mark so Excel reads
 * Chinese correctly. Text that a spreadsheet would run as a formula (= + - @, tab, CR) gets a
 * leading apostrophe; numbers are written as numbers and never prefixed.
 */

/** The UTF-8 byte-order mark. */
export const BOM = '\uFEFF';

export type Cell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One field, escaped and quoted as needed. */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to a CSV document, BOM first. */
export function toCsv(rows: readonly (readonly Cell[])[]): string {
  return `${BOM}${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
