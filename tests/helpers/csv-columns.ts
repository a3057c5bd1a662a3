// CSV headers are the columns' Chinese titles; tests read records back under the machine names.
import { TABLES, machineNamesOf, type TableName } from '../../src/lib/opendata/tables';

/** csv-parse `columns` for a download by its path (…/tasks.csv → the tasks table). */
export function columnsFor(path: string): (header: string[]) => string[] {
  const name = path.slice(path.lastIndexOf('/') + 1).replace(/\.csv$/, '') as TableName;
  const table = TABLES[name];
  if (!table) throw new Error(`${path}: not a table CSV`);
  return machineNamesOf(table as never);
}
