// Every download file. Each entity is serialised once per build (its CSV record and its JSON text, see
// packed-table.ts) and a file is put together from those pieces when it is written or measured, so
// a row is not serialised again in each of its four scopes, and no file is built twice.
// Endpoints, hashes and tests all see the same bytes.
import { createHash } from 'node:crypto';
import { csvHeader, csvRecord } from './csv';
import type { Dataset } from '../schema';
import { sortDataset } from '../dataset/order';
import { indexDataset } from '../dataset/site-index';
import { PackedTable } from './packed-table';
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
  /** The file's bytes in order, as pieces that share memory with the serialised tables: read, never modify. */
  parts: () => Uint8Array[];
  /** The serialised tables `parts` reads (e.g. "tasks.csv"). */
  packs: string[];
}

export interface DownloadFile extends Omit<DownloadSpec, 'parts' | 'packs'> {
  body: string;
  bytes: number;
  sha256: string;
}

/** A file as a list describes it, without its rows: what the /data/ page lists (sizes only for some). */
export type ListedDownload = Omit<DownloadSpec, 'parts' | 'packs' | 'scope'> & { scope: Omit<Scope, 'data'> };
/** A listed file with its bytes and SHA-256: what datapackage.json and the pages that show sizes need. */
export type DescribedDownload = ListedDownload & FileMeasure;

/** What the /data/ page and datapackage.json read: every file, each described on request. Downloads is one. */
export interface DownloadList {
  readonly files: readonly ListedDownload[];
  describe(f: ListedDownload): DescribedDownload;
}

/**
 * The download list from descriptions the build worker sent (src/lib/build-worker/): the global shard
 * lists and describes every file without holding a row. Same files, order and fields as Downloads.
 */
export class DescribedDownloads implements DownloadList {
  readonly files: ListedDownload[];
  private readonly measures: Map<string, FileMeasure>;
  constructor(described: readonly DescribedDownload[]) {
    this.files = described.map(({ bytes: _b, sha256: _s, ...listed }) => listed);
    this.measures = new Map(described.map((d) => [d.path, { bytes: d.bytes, sha256: d.sha256 }]));
  }
  describe(f: ListedDownload): DescribedDownload {
    return { ...f, ...this.measures.get(f.path)! };
  }
}

/** The description of `f` that crosses a thread: its scope without the rows it holds. */
export function listedOnly(d: ReturnType<Downloads['describe']>): DescribedDownload {
  const { data: _rows, ...scope } = d.scope;
  return { ...d, scope };
}

export interface FileMeasure { bytes: number; sha256: string }

/** Stable JSON, compact (the files are for programs; browsers pretty-print), trailing newline. Key order is the schema's. */
export const toJson = (value: unknown) => `${JSON.stringify(value)}\n`;

const utf8 = (s: string) => Buffer.from(s, 'utf8');

/** Bytes and SHA-256 of a file given as pieces, without joining them. */
function measureParts(parts: readonly Uint8Array[]): FileMeasure {
  const hash = createHash('sha256');
  let bytes = 0;
  for (const p of parts) {
    hash.update(p);
    bytes += p.length;
  }
  return { bytes, sha256: hash.digest('hex') };
}

export function measure(body: string): FileMeasure {
  return measureParts([utf8(body)]);
}

/**
 * A response body streaming the pieces as they are: Response reads them into one buffer once, where
 * a joined Uint8Array body would be copied twice more (measured: about half the time per file).
 * A plain stream, not a byte stream, which would detach the shared buffer it is handed.
 */
export function bodyOf(parts: readonly Uint8Array[]): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream<Uint8Array>({
    pull(c) {
      if (i < parts.length) c.enqueue(parts[i++]!);
      else c.close();
    },
  });
}

/**
 * The download files of one dataset, and their measures. Each serialised table is built on first
 * use and dropped once every file reading it has been written (a build writes each file once); whoever
 * asks for bytes after that gets them serialised afresh, so the answer never depends on build order.
 */
export class Downloads {
  readonly files: DownloadSpec[] = [];
  private readonly packs = new Map<string, PackedTable>();
  /** Per serialised table: how many files reading it are still to be written. */
  private readonly readers = new Map<string, number>();
  private readonly measures: Map<string, FileMeasure>;
  private readonly written = new Set<string>();
  private readonly byDir = new Map<string, DownloadSpec[]>();
  /**
   * What a CSV row needs (the whole dataset indexed), made with the first CSV table and let go once
   * every CSV file is written (the worker keeps this object to describe the files afterwards). A page
   * that only describes files the build worker measured (load-downloads.ts) never renders a row.
   */
  private rowCtx: RowContext | undefined;
  private csvToWrite = 0;

  /** `measured`: the files' measures where they were already written (by the build worker). */
  constructor(dataset: Dataset, siteRoot: string, measured?: ReadonlyMap<string, FileMeasure>) {
    this.measures = new Map(measured);
    const d = sortDataset(dataset);
    // The whole-dataset order of each table, which every scope's slice is a subsequence of.
    const pack = (name: TableName, format: 'csv' | 'json') => {
      const key = `${name}.${format}`;
      let p = this.packs.get(key);
      if (!p) {
        const table = TABLES[name] as TableDef<never>;
        const rowCtx = format === 'csv' ? (this.rowCtx ??= { index: indexDataset(d), siteRoot }) : undefined;
        const text = rowCtx ? (e: never) => csvRecord(table, e, rowCtx) : (e: never) => JSON.stringify(e);
        this.packs.set(key, (p = new PackedTable(d[name] as object[], text, format === 'csv' ? '' : ',', key)));
      }
      return p;
    };
    const headers = new Map<TableName, Buffer>();
    const header = (name: TableName) => headers.get(name) ?? headers.set(name, utf8(csvHeader(TABLES[name] as TableDef<never>))).get(name)!;

    for (const scope of scopesOf(d)) {
      for (const name of SCOPE_TABLES[scope.kind]) {
        const rows = (scope.data[name] ?? []) as object[];
        this.add({
          path: scopeFile(scope, `${name}.csv`), format: 'csv', mediatype: 'text/csv', scope, table: name, rowCount: rows.length,
          parts: () => [header(name), ...pack(name, 'csv').slices(rows)], packs: [`${name}.csv`],
        });
      }
      this.add({
        path: scopeFile(scope, 'dataset.json'), format: 'json', mediatype: 'application/json', scope,
        // JSON.stringify({ scope, label, reports: [...], ... }) put together from each entity's JSON.stringify:
        // an array is "[" + its items' JSON joined by "," + "]".
        parts: () => {
          const out: Uint8Array[] = [utf8(JSON.stringify({ scope: scope.dir, label: scope.label }).slice(0, -1))];
          for (const name of SCOPE_TABLES[scope.kind]) {
            out.push(utf8(`,${JSON.stringify(name)}:[`), ...pack(name, 'json').slices((scope.data[name] ?? []) as object[]), utf8(']'));
          }
          out.push(utf8('}\n'));
          return out;
        },
        packs: SCOPE_TABLES[scope.kind].map((name) => `${name}.json`),
      });
    }
  }

  private add(f: DownloadSpec) {
    this.files.push(f);
    for (const k of f.packs) this.readers.set(k, (this.readers.get(k) ?? 0) + 1);
    if (f.format === 'csv') this.csvToWrite++;
    const dir = f.scope.dir;
    const list = this.byDir.get(dir);
    if (list) list.push(f);
    else this.byDir.set(dir, [f]);
  }

  /** The files of one scope directory (e.g. "linzi/2023/m09"), in order. */
  inDir(dir: string): DownloadSpec[] {
    return this.byDir.get(dir) ?? [];
  }

  /** The bytes to write for a file, in pieces, measured on the way so describing it later costs nothing. */
  write(f: DownloadSpec): Uint8Array[] {
    const parts = f.parts();
    if (!this.measures.has(f.path)) this.measures.set(f.path, measureParts(parts));
    if (!this.written.has(f.path)) {
      this.written.add(f.path);
      for (const k of f.packs) {
        const left = this.readers.get(k)! - 1;
        this.readers.set(k, left);
        if (left === 0) this.packs.delete(k);
      }
      if (f.format === 'csv' && --this.csvToWrite === 0) this.rowCtx = undefined;
    }
    return parts;
  }

  measure(f: DownloadSpec): FileMeasure {
    let m = this.measures.get(f.path);
    if (!m) this.measures.set(f.path, (m = measureParts(f.parts())));
    return m;
  }

  describe(f: DownloadSpec): Omit<DownloadFile, 'body'> {
    const { parts: _parts, packs: _packs, ...rest } = f;
    return { ...rest, ...this.measure(f) };
  }
}

function renderFile(spec: DownloadSpec): DownloadFile {
  const { parts: _parts, packs: _packs, ...rest } = spec;
  const parts = spec.parts();
  return { ...rest, body: Buffer.concat(parts).toString('utf8'), ...measureParts(parts) };
}

export function renderDownloads(dataset: Dataset, siteRoot: string): DownloadFile[] {
  return new Downloads(dataset, siteRoot).files.map(renderFile);
}
