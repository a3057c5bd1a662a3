// CSV as Excel on a Chinese Windows desktop opens it correctly: UTF-8 with a byte-order mark (without
// it Excel guesses GBK and shows mojibake), CRLF line ends (RFC 4180), every field quoted only
// when it must be. Written by csv-stringify, never by string concatenation.
import { stringify } from 'csv-stringify/sync';
import { rowsOf, type RowContext, type TableDef } from './tables';

export const UTF8_BOM = '\uFEFF';

export function tableToCsv<T>(table: TableDef<T>, entities: T[], ctx: RowContext): string {
  const header = table.columns.map((c) => c.name);
  const rows = rowsOf(table, entities, ctx).map((r) => r.map((v) => (v === undefined ? '' : typeof v === 'boolean' ? (v ? 'true' : 'false') : v)));
  return stringify([header, ...rows], { bom: true, record_delimiter: 'windows' });
}
