// CSV as Excel on a Chinese Windows desktop opens it correctly: UTF-8 with a byte-order mark (without
// it Excel guesses GBK and shows mojibake), CRLF line ends (RFC 4180), a field quoted when it holds
// a comma, a quote or a line break. Written by csv-stringify, never by string concatenation.
import { stringify } from 'csv-stringify/sync';
import { csvHeaderOf, rowOf, type RowContext, type TableDef } from './tables';

export const UTF8_BOM = '\uFEFF';

/**
 * A text cell Excel would run as a formula (=…, @…, +/- before a non-number, a leading tab or CR)
 * gets a leading apostrophe, Excel's own "this is text" mark, so a hostile source cell cannot become
 * a live formula on a reader's desktop. Numbers and signed figures (-6%, -2.5) are left alone. The
 * JSON files keep every value exactly as printed.
 */
export function excelSafe(v: string): string {
  return /^[=@\t\r]|^[+-](?![\d.])/.test(v) ? `'${v}` : v;
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
