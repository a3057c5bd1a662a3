// Every download file with its exact bytes. One function renders them all, so the build's static
// endpoints, the datapackage.json hashes and the tests see the same bytes.
import { createHash } from 'node:crypto';
import { tableToCsv } from './csv';
import type { Dataset } from './dataset';
import { indexDataset, sortDataset } from './dataset';
import { SCOPE_TABLES, scopeFile, scopesOf, type Scope } from './scopes';
import { TABLES, type RowContext, type TableName } from './tables';

export interface DownloadFile {
  /** Relative to data/, e.g. "linzi/2023/m09/progress.csv". */
  path: string;
  format: 'csv' | 'json';
  mediatype: 'text/csv' | 'application/json';
  scope: Scope;
  /** For CSV: the table it holds. */
  table?: TableName;
  /** Rows in a CSV (header excluded). */
  rowCount?: number;
  body: string;
  bytes: number;
  sha256: string;
}

/** Stable, readable JSON: two-space indent, trailing newline. Key order is the schema's (the data passed zod). */
export const toJson = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

function file(scope: Scope, path: string, body: string, extra: Partial<DownloadFile>): DownloadFile {
  const buf = Buffer.from(body, 'utf8');
  const format = path.endsWith('.csv') ? 'csv' : 'json';
  return {
    path, format, mediatype: format === 'csv' ? 'text/csv' : 'application/json', scope, body,
    bytes: buf.length, sha256: createHash('sha256').update(buf).digest('hex'), ...extra,
  };
}

export function renderDownloads(dataset: Dataset, siteRoot: string): DownloadFile[] {
  const d = sortDataset(dataset);
  const ctx: RowContext = { index: indexDataset(d), siteRoot };
  const out: DownloadFile[] = [];
  for (const scope of scopesOf(d)) {
    for (const name of SCOPE_TABLES[scope.kind]) {
      const rows = (scope.data[name] ?? []) as never[];
      out.push(file(scope, scopeFile(scope, `${name}.csv`), tableToCsv(TABLES[name] as never, rows, ctx), { table: name, rowCount: rows.length }));
    }
    const json: Record<string, unknown> = { scope: scope.dir, label: scope.label };
    for (const name of SCOPE_TABLES[scope.kind]) json[name] = scope.data[name] ?? [];
    out.push(file(scope, scopeFile(scope, 'dataset.json'), toJson(json), {}));
  }
  return out;
}
