// CSV as Excel on a Chinese Windows desktop opens it correctly: UTF-8 with a byte-order mark (without
// it Excel guesses GBK and shows mojibake), CRLF line ends (RFC 4180), a field quoted when it holds
// a comma, a quote or a line break. Written by csv-stringify, never by string concatenation.
import { stringify } from 'csv-stringify/sync';
import { csvHeaderOf, rowOf, type RowContext, type TableDef } from './tables';

/** A figure as printed, alone in its cell: -6, +3.2, -2.5%, -1,234.5. Excel reads it as a number, not a formula. */
const PLAIN_NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$/;
/**
 * OWASP CSV injection: a cell whose first character is = + - @ tab or CR (or NUL) is read as a formula
 * by Excel, LibreOffice or Sheets, and so is one where that character follows leading spaces or quote
 * marks (`  =1+1`, `"=1+1`, `'+1`). Such a cell gets a leading apostrophe, the spreadsheet's own "this
 * is text" mark. A signed figure on its own (-6%, -2.5) is left as it is, so negative numbers stay
 * numbers; `-1+1+cmd|…` is not a figure and is marked. Numeric columns hold numbers and are never
 * touched. The JSON files keep every value exactly as printed.
 */
export function excelSafe(v: string): string {
  if (PLAIN_NUMBER.test(v)) return v;
  return /^[\s\u00A0\u3000"'“”‘’]*[=+\-@\t\r\0]/.test(v) ? `'${v}` : v;
}

// Any cell holding a line break is quoted: Excel, Python and most readers end a record at a bare
// LF outside quotes (csv-stringify only quotes the record delimiter itself, here CRLF).
const OPTIONS = { record_delimiter: 'windows', quoted_match: /[\r\n]/ } as const;

/** The first bytes of a table's CSV: byte-order mark and header record (the columns' Chinese titles). */
export function csvHeader<T>(table: TableDef<T>): string {
  return stringify([csvHeaderOf(table)], { ...OPTIONS, bom: true });
}

/**
 * One entity's CSV record, line end included. csv-stringify quotes each field on its own, so the
 * records of a file are the records of its rows stringified one at a time (the download tests compare
 * every file with stringifying the whole table in one call).
 */
export function csvRecord<T>(table: TableDef<T>, entity: T, ctx: RowContext): string {
  const cells = rowOf(table, entity, ctx).map((v) => (v === undefined ? '' : typeof v === 'boolean' ? (v ? 'true' : 'false') : typeof v === 'string' ? excelSafe(v) : v));
  return stringify([cells], OPTIONS);
}
