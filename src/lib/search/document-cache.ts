// Each district's search documents and their texts kept between builds, under the shard runner's key of the
// district (src/lib/shards/district-keys.ts: every row of the district in the data files, the code, the site
// address). After one new bulletin the global shard's worker builds the documents of that district alone
// (index-input.ts); the others' are read from here (at 100× the seeds building them all took ~1.3 s).
//
// On disk: <dir>/<key>.json, written aside and renamed into place whole. The sharded build gives the worker a
// folder per code hash (sharded-build.ts), so an entry never outlives the code that made it.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SearchDoc } from './documents';

/** Where the sharded build's global shard keeps the cache (set by sharded-build.ts, read by the build worker). */
export const DOCUMENT_CACHE_ENV = 'PORTAL_SEARCH_DOCUMENTS_CACHE';

/** A district's documents (with the statuses as pages word them) and each one's searchText, in one order. */
export interface DistrictDocuments { docs: SearchDoc[]; texts: string[] }

export interface DocumentCache {
  get(district: string): DistrictDocuments | undefined;
  set(district: string, documents: DistrictDocuments): void;
  /** After the index is built: drop the entries of keys no district has now. */
  prune(): void;
}

let made = 0;

export class DiskDocumentCache implements DocumentCache {
  constructor(readonly dir: string, private readonly keys: ReadonlyMap<string, string>) {}

  private file(district: string): string | undefined {
    const key = this.keys.get(district);
    return key === undefined ? undefined : join(this.dir, `${key}.json`);
  }

  get(district: string): DistrictDocuments | undefined {
    const file = this.file(district);
    return file && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as DistrictDocuments) : undefined;
  }

  set(district: string, documents: DistrictDocuments): void {
    const file = this.file(district);
    if (!file) return;
    mkdirSync(this.dir, { recursive: true });
    const partial = join(this.dir, `.partial-${process.pid}-${made++}`);
    writeFileSync(partial, JSON.stringify(documents));
    renameSync(partial, file);
  }

  prune(): void {
    if (!existsSync(this.dir)) return;
    const keep = new Set([...this.keys.values()].map((k) => `${k}.json`));
    for (const name of readdirSync(this.dir)) if (!keep.has(name)) rmSync(join(this.dir, name), { force: true });
  }
}
