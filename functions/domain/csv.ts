/**
 * CSV as RFC 4180 writes it and spreadsheets read it: UTF-8 with a byte order mark (so Excel reads Chinese or
 * Arabic titles as such), CRLF line ends, every cell quoted when it holds a comma, a quote or a line break.
 * A text cell that a spreadsheet would take for a formula (starting with = + - @, a tab or a carriage return)
 * is prefixed with an apostrophe, as OWASP recommends against CSV injection.
 */
export const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

export type Cell = string | number | null | undefined;

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'number' ? String(value) : value;
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvRow = (cells: readonly Cell[]): string => `${cells.map(csvCell).join(',')}\r\n`;
