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

/** Stable JSON, compact (the files are for programs; browsers pretty-print), trailing newline. Key order is the schema's. */
export const toJson = (value: unknown) => `${JSON.stringify(value)}\n`;

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
  return { ...rest, body, ...measure(body) };
}

export function renderDownloads(dataset: Dataset, siteRoot: string): DownloadFile[] {
  return downloadSpecs(dataset, siteRoot).map(renderFile);
}

export interface FileMeasure { bytes: number; sha256: string }

export function measure(body: string): FileMeasure {
  const buf = Buffer.from(body, 'utf8');
  return { bytes: buf.length, sha256: createHash('sha256').update(buf).digest('hex') };
}

/**
 * Measures files once: the endpoint that writes a file records its bytes and hash, and whoever needs
 * them later (datapackage.json, a page listing sizes) reads them without rendering the file again;
 * a file not written yet is rendered and measured on the spot, so the answer never depends on build order.
 */
export class FileMeasures {
  private known = new Map<string, FileMeasure>();
  /** Render a file for writing, remembering its measure. */
  write(spec: DownloadSpec): string {
    const body = spec.render();
    this.known.set(spec.path, measure(body));
    return body;
  }
  of(spec: DownloadSpec): FileMeasure {
    let m = this.known.get(spec.path);
    if (!m) this.known.set(spec.path, (m = measure(spec.render())));
    return m;
  }
  describe(spec: DownloadSpec): Omit<DownloadFile, 'body'> {
    const { render: _render, ...rest } = spec;
    return { ...rest, ...this.of(spec) };
  }
}
