// Every download file. `downloadSpecs` describes them and renders each on demand, so a build holds
// one file's text at a time, not the whole dataset several times over; `renderDownloads` renders
// them all (tests, datapackage.json). Endpoints, hashes and tests all see the same bytes.
import { createHash } from 'node:crypto';
import { tableToCsv } from './csv';
import type { Dataset } from './dataset';
import { indexDataset, sortDataset } from './dataset';
import { SCOPE_TABLES, scopeFile, scopesOf, type Scope } from './scopes';
import { TABLES, type RowContext, type TableDef, type TableName } from './tables';

export interface DownloadSpec {
  /** Relative to data/, e.g. "linzi/2023/m09/progress.csv". */
  path: string;
  format: 'csv' | 'json';
  mediatype: 'text/csv' | 'application/json';
  scope: Scope;
  /** For CSV: the table it holds. */
  table?: TableName;
  /** Rows in a CSV (header excluded). */
  rowCount?: number;
  render: () => string;
}

export interface DownloadFile extends Omit<DownloadSpec, 'render'> {
  body: string;
  bytes: number;
  sha256: string;
}

/** Stable, readable JSON: two-space indent, trailing newline. Key order is the schema's (the data passed zod). */
export const toJson = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export function downloadSpecs(dataset: Dataset, siteRoot: string): DownloadSpec[] {
  const d = sortDataset(dataset);
  const ctx: RowContext = { index: indexDataset(d), siteRoot };
  const out: DownloadSpec[] = [];
  for (const scope of scopesOf(d)) {
    for (const name of SCOPE_TABLES[scope.kind]) {
      const rows = (scope.data[name] ?? []) as never[];
      out.push({
        path: scopeFile(scope, `${name}.csv`), format: 'csv', mediatype: 'text/csv', scope, table: name, rowCount: rows.length,
        render: () => tableToCsv(TABLES[name] as TableDef<never>, rows, ctx),
      });
    }
    out.push({
      path: scopeFile(scope, 'dataset.json'), format: 'json', mediatype: 'application/json', scope,
      render: () => {
        const json: Record<string, unknown> = { scope: scope.dir, label: scope.label };
        for (const name of SCOPE_TABLES[scope.kind]) json[name] = scope.data[name] ?? [];
        return toJson(json);
      },
    });
  }
  return out;
}

export function renderFile(spec: DownloadSpec): DownloadFile {
  const { render, ...rest } = spec;
  const body = render();
  const buf = Buffer.from(body, 'utf8');
  return { ...rest, body, bytes: buf.length, sha256: createHash('sha256').update(buf).digest('hex') };
}

export function renderDownloads(dataset: Dataset, siteRoot: string): DownloadFile[] {
  return downloadSpecs(dataset, siteRoot).map(renderFile);
}

/** A file's description without its text (bytes and hash measured by rendering it once), plus how to render it again. */
export type DescribedFile = Omit<DownloadFile, 'body'> & { render: () => string };

export function describeFile(spec: DownloadSpec): DescribedFile {
  const { body: _body, ...meta } = renderFile(spec);
  return { ...meta, render: spec.render };
}
