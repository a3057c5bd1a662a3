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
import { districtRuns } from './district-runs';
import type { DownloadCache } from './download-cache';
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
 *
 * Tables are serialised per district when the dataset allows it (district-runs.ts): a district's files are
 * slices of its own pieces and a whole-dataset file is every district's pieces back to back. With a
 * cache (download-cache.ts), a district whose rows are unchanged since the last build is not serialised as
 * CSV at all: its files' measures and its CSV records come from the cache, and writeDownloads links its
 * files from the file store.
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
   * What a CSV row needs (the dataset indexed: the whole, or one district's rows), made with the first CSV
   * table and let go once every CSV file is written (the worker keeps this object to describe the files
   * afterwards). A page that only describes files the build worker measured (load-downloads.ts) never renders a row.
   */
  private readonly rowCtx = new Map<string, RowContext>();
  private csvToWrite = 0;
  /** Each district's cache key (only with a cache), and the districts found in it. */
  private readonly keys = new Map<string, string>();
  private readonly hits = new Set<string>();
  /** With a cache: keeps the CSV records and JSON items of the districts serialised afresh, as a whole-dataset file is written. */
  private readonly saveRuns: ((f: DownloadSpec) => void) | undefined;

  /** `measured`: the files' measures where they were already written (by the build worker). */
  constructor(dataset: Dataset, siteRoot: string, measured?: ReadonlyMap<string, FileMeasure>, private readonly cache?: DownloadCache) {
    this.measures = new Map(measured);
    const d = sortDataset(dataset);
    const runs = districtRuns(d);
    // A pack is one table of one owner: a district (`runs`) or, when the rows cannot be split so, the whole dataset ('').
    const rowsOf = (owner: string, name: TableName) => (owner ? runs!.get(owner)![name] : d[name]) as object[];
    const ctxOf = (owner: string) => {
      let c = this.rowCtx.get(owner);
      if (!c) this.rowCtx.set(owner, (c = { index: indexDataset(owner ? runs!.get(owner)! : d), siteRoot }));
      return c;
    };
    const pack = (owner: string, name: TableName, format: 'csv' | 'json') => {
      const key = packKey(owner, name, format);
      let p = this.packs.get(key);
      if (!p) {
        const table = TABLES[name] as TableDef<never>;
        const ctx = format === 'csv' ? ctxOf(owner) : undefined;
        const text = ctx ? (e: never) => csvRecord(table, e, ctx) : (e: never) => JSON.stringify(e);
        this.packs.set(key, (p = new PackedTable(rowsOf(owner, name), text, format === 'csv' ? '' : ',', key)));
      }
      return p;
    };
    const headers = new Map<TableName, Buffer>();
    const header = (name: TableName) => headers.get(name) ?? headers.set(name, utf8(csvHeader(TABLES[name] as TableDef<never>))).get(name)!;
    const districts = runs ? [...runs.keys()] : [];
    const ownerOf = (scope: Scope) => (runs && scope.kind !== 'all' ? scope.district! : '');
    /** A district's CSV records of a table: from the cache, or serialised. */
    const csvRun = (district: string, name: TableName): readonly Uint8Array[] => {
      const cached = this.hits.has(district) ? this.cache!.csv(this.keys.get(district)!, name) : undefined;
      return cached ? [cached] : pack(district, name, 'csv').all();
    };
    /** The JSON items of a table, every district's back to back (one "," between two districts' runs): from the cache, or serialised. */
    const jsonRuns = (name: TableName): Uint8Array[] => {
      const out: Uint8Array[] = [];
      for (const district of districts) {
        if (rowsOf(district, name).length === 0) continue;
        if (out.length) out.push(COMMA);
        const cached = this.hits.has(district) ? this.cache!.json(this.keys.get(district)!, name) : undefined;
        if (cached) out.push(cached);
        else out.push(...pack(district, name, 'json').all());
      }
      return out;
    };

    if (runs && cache) {
      // The key covers every row of the district (their JSON is what a file of theirs is made from, with the
      // site root and the code: the cache's folder is per code hash), so an entry is found only for the same
      // bytes. A key the cache was given (its rows as read from the data files) saves serialising them here.
      for (const district of districts) {
        const h = createHash('sha256').update(JSON.stringify({ siteRoot, node: process.versions.node.split('.')[0] }));
        const given = cache.districtKeys?.get(district);
        if (given !== undefined) h.update(`\0given\0${given}`);
        else {
          for (const name of SCOPE_TABLES.all) {
            h.update(`\0${name}\0`);
            for (const b of pack(district, name, 'json').all()) h.update(b);
          }
        }
        const key = h.digest('hex').slice(0, 32);
        this.keys.set(district, key);
        const files = cache.files(key);
        if (!files) continue;
        this.hits.add(district);
        for (const [path, m] of files) if (!this.measures.has(path)) this.measures.set(path, m);
      }
    }

    for (const scope of scopesOf(d)) {
      const owner = ownerOf(scope);
      const whole = runs && scope.kind === 'all';
      for (const name of SCOPE_TABLES[scope.kind]) {
        const rows = (scope.data[name] ?? []) as object[];
        this.add({
          path: scopeFile(scope, `${name}.csv`), format: 'csv', mediatype: 'text/csv', scope, table: name, rowCount: rows.length,
          parts: whole ? () => [header(name), ...districts.flatMap((x) => csvRun(x, name))] : () => [header(name), ...pack(owner, name, 'csv').slices(rows)],
          packs: whole ? districts.map((x) => packKey(x, name, 'csv')) : [packKey(owner, name, 'csv')],
        });
      }
      this.add({
        path: scopeFile(scope, 'dataset.json'), format: 'json', mediatype: 'application/json', scope,
        // JSON.stringify({ scope, label, reports: [...], ... }) put together from each entity's JSON.stringify:
        // an array is "[" + its items' JSON joined by "," + "]".
        parts: () => {
          const out: Uint8Array[] = [utf8(JSON.stringify({ scope: scope.dir, label: scope.label }).slice(0, -1))];
          for (const name of SCOPE_TABLES[scope.kind]) {
            out.push(utf8(`,${JSON.stringify(name)}:[`), ...(whole ? jsonRuns(name) : pack(owner, name, 'json').slices((scope.data[name] ?? []) as object[])), utf8(']'));
          }
          out.push(utf8('}\n'));
          return out;
        },
        packs: SCOPE_TABLES[scope.kind].flatMap((name) => (whole ? districts.map((x) => packKey(x, name, 'json')) : [packKey(owner, name, 'json')])),
      });
    }
    this.saveRuns = runs && cache ? (f) => {
      if (f.scope.kind !== 'all') return;
      for (const x of districts) {
        if (this.hits.has(x)) continue;
        if (f.format === 'csv') cache.saveCsv(this.keys.get(x)!, f.table!, pack(x, f.table!, 'csv').all());
        else for (const name of SCOPE_TABLES.all) if (rowsOf(x, name).length > 0) cache.saveJson(this.keys.get(x)!, name, pack(x, name, 'json').all());
      }
    } : undefined;
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
      this.saveRuns?.(f);
      this.done(f);
    }
    return parts;
  }

  /**
   * The measure of a file whose bytes the cache says are in the file store (a district found in the cache):
   * writeDownloads links it from there and calls skip(), never asking for its bytes.
   */
  stored(f: DownloadSpec): FileMeasure | undefined {
    return f.scope.kind !== 'all' && this.hits.has(f.scope.district!) ? this.measures.get(f.path) : undefined;
  }

  /** A file placed without its bytes (stored()): counted as written. */
  skip(f: DownloadSpec): void {
    if (!this.written.has(f.path)) this.done(f);
  }

  private done(f: DownloadSpec): void {
    this.written.add(f.path);
    for (const k of f.packs) {
      const left = this.readers.get(k)! - 1;
      this.readers.set(k, left);
      if (left === 0) this.packs.delete(k);
    }
    if (f.format === 'csv' && --this.csvToWrite === 0) this.rowCtx.clear();
  }

  /**
   * After every file is written: the cache entries of the districts serialised afresh (their files'
   * measures), and the entries of districts no longer in the dataset (or changed) dropped. Without a cache, nothing.
   */
  saveCache(): { districts: number; fromCache: number } {
    if (!this.cache) return { districts: 0, fromCache: 0 };
    const filesOf = new Map<string, [string, FileMeasure][]>([...this.keys.keys()].map((x) => [x, []]));
    for (const f of this.files) if (f.scope.kind !== 'all') filesOf.get(f.scope.district!)?.push([f.path, this.measure(f)]);
    for (const [x, files] of filesOf) if (!this.hits.has(x)) this.cache.saveFiles(this.keys.get(x)!, files);
    this.cache.prune(new Set(this.keys.values()));
    return { districts: this.keys.size, fromCache: this.hits.size };
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

const COMMA = Buffer.from(',', 'utf8');
const packKey = (owner: string, name: TableName, format: 'csv' | 'json') => `${owner}|${name}.${format}`;

function renderFile(spec: DownloadSpec): DownloadFile {
  const { parts: _parts, packs: _packs, ...rest } = spec;
  const parts = spec.parts();
  return { ...rest, body: Buffer.concat(parts).toString('utf8'), ...measureParts(parts) };
}

export function renderDownloads(dataset: Dataset, siteRoot: string): DownloadFile[] {
  return new Downloads(dataset, siteRoot).files.map(renderFile);
}
