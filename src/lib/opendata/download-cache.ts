// A district's download pieces kept between builds, under a key of its rows (download-files.ts): the
// measures of its own files (district, year, report scopes: their bytes are in the file store, see
// file-store.ts) and its CSV records and JSON items of each table (its part of the whole-dataset files).
// After one new bulletin the global shard serialises only that district's rows; the others' come from here.
//
// On disk: <dir>/<key>/<table>.csv, <table>.json and files.json. An entry is written in a folder of its own and renamed
// into place whole, with files.json, so a folder under its key is complete. The sharded build gives the
// global shard a folder per code hash (sharded-build.ts), so an entry never outlives the code that made it.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileMeasure } from './download-files';
import type { TableName } from './tables';
import { writeParts } from '../build-worker/file-store';

/** Where the sharded build's global shard keeps the cache (set by sharded-build.ts, read by the build worker). */
export const DOWNLOAD_CACHE_ENV = 'PORTAL_DOWNLOAD_CACHE';

export interface DownloadCache {
  /**
   * Each district's key as whoever read its rows made it (the shard runner's district keys,
   * src/lib/shards/district-keys.ts: every row of the district in the data files, the code and the site
   * address). With them a district found in the cache is never serialised, not even to be keyed.
   */
  readonly districtKeys?: ReadonlyMap<string, string>;
  /** The measures of a district's own files (path under data/ → bytes, SHA-256), if an entry for `key` is complete. */
  files(key: string): Map<string, FileMeasure> | undefined;
  /** The district's CSV records of `table` (no header), from a complete entry. */
  csv(key: string, table: TableName): Uint8Array | undefined;
  /** Keep the district's CSV records of `table` for the entry being made under `key`. */
  saveCsv(key: string, table: TableName, parts: readonly Uint8Array[]): void;
  /** The district's JSON items of `table` (joined by ",", no brackets), from a complete entry. */
  json(key: string, table: TableName): Uint8Array | undefined;
  /** Keep the district's JSON items of `table` for the entry being made under `key`. */
  saveJson(key: string, table: TableName, parts: readonly Uint8Array[]): void;
  /** Complete the entry under `key` with its files' measures. */
  saveFiles(key: string, files: readonly [string, FileMeasure][]): void;
  /** Drop every entry but those of `keep` (after a build: the districts it has). */
  prune(keep: ReadonlySet<string>): void;
}

let made = 0;

export class DiskDownloadCache implements DownloadCache {
  private readonly partial = new Map<string, string>();
  constructor(readonly dir: string, readonly districtKeys?: ReadonlyMap<string, string>) {}

  files(key: string): Map<string, FileMeasure> | undefined {
    const path = join(this.dir, key, 'files.json');
    if (!existsSync(path)) return undefined;
    return new Map(JSON.parse(readFileSync(path, 'utf8')) as [string, FileMeasure][]);
  }

  csv(key: string, table: TableName): Uint8Array | undefined {
    return this.piece(key, `${table}.csv`);
  }

  json(key: string, table: TableName): Uint8Array | undefined {
    return this.piece(key, `${table}.json`);
  }

  private piece(key: string, name: string): Uint8Array | undefined {
    const path = join(this.dir, key, name);
    return existsSync(path) ? readFileSync(path) : undefined;
  }

  private partialDir(key: string): string {
    let dir = this.partial.get(key);
    if (!dir) {
      dir = join(this.dir, `.partial-${process.pid}-${made++}`);
      mkdirSync(dir, { recursive: true });
      this.partial.set(key, dir);
    }
    return dir;
  }

  saveCsv(key: string, table: TableName, parts: readonly Uint8Array[]): void {
    writeParts(join(this.partialDir(key), `${table}.csv`), parts);
  }

  saveJson(key: string, table: TableName, parts: readonly Uint8Array[]): void {
    writeParts(join(this.partialDir(key), `${table}.json`), parts);
  }

  saveFiles(key: string, files: readonly [string, FileMeasure][]): void {
    const dir = this.partialDir(key);
    this.partial.delete(key);
    writeFileSync(join(dir, 'files.json'), JSON.stringify(files));
    rmSync(join(this.dir, key), { recursive: true, force: true });
    renameSync(dir, join(this.dir, key));
  }

  prune(keep: ReadonlySet<string>): void {
    if (!existsSync(this.dir)) return;
    for (const name of readdirSync(this.dir)) if (!keep.has(name)) rmSync(join(this.dir, name), { recursive: true, force: true });
  }
}

