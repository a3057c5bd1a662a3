// The local build's cache, one entry per district: which batch output holds the district's files, under
// which key. A batch is one `astro build` over several districts (batches.ts); the cache unit is the
// district, so adding a bulletin to one district rebuilds that district alone (a batch of one), whatever
// batch built its neighbours, and a full build still needs only a few Astro start-ups.
//
//   <cache>/batches/<batch>/            one batch's Astro output, complete once it has MANIFEST
//   <cache>/districts/<district>.json   { key, batch, files }: the district's files in that batch
//
// A district is cached while its entry's key is its current key and its batch is complete. A batch that no
// current entry names is removed after a successful build (pruneBatches).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ShardError } from './errors';
import { filesOf, MANIFEST } from './merge';
import { ownerOf } from './owner';
import { discardOthers } from './trash';

export interface DistrictEntry {
  key: string;
  batch: string;
  /** The district's files, relative to the batch folder. */
  files: string[];
}

/** What a batch's MANIFEST says: its districts and the files common to every batch (_astro/, public/). */
export interface BatchManifest { name: string; label: string; districts: string[]; common: string[] }

export const batchesDir = (cacheRoot: string) => join(cacheRoot, 'batches');
export const batchDir = (cacheRoot: string, batch: string) => join(batchesDir(cacheRoot), batch);
const entryFile = (cacheRoot: string, district: string) => join(cacheRoot, 'districts', `${district}.json`);

/** A stable name for the batch of these district keys (its cache folder). */
export const batchName = (districtKeys: ReadonlyMap<string, string>) =>
  `batch-${createHash('sha256').update(JSON.stringify([...districtKeys].sort())).digest('hex').slice(0, 16)}`;

export function readBatchManifest(dir: string): BatchManifest | undefined {
  const file = join(dir, MANIFEST);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as BatchManifest) : undefined;
}

/** The district's cached entry when it was built under `key` and its batch is complete. */
export function cachedEntry(cacheRoot: string, district: string, key: string): DistrictEntry | undefined {
  const file = entryFile(cacheRoot, district);
  if (!existsSync(file)) return undefined;
  const entry = JSON.parse(readFileSync(file, 'utf8')) as DistrictEntry;
  return entry.key === key && readBatchManifest(batchDir(cacheRoot, entry.batch)) ? entry : undefined;
}

/**
 * Split a finished batch's output among its districts (owner.ts) and write each district's entry. A file
 * that names no district must be one every batch writes alike (under _astro/, or a file of public/);
 * anything else would be a page the cache could not attribute, so it stops the build instead of being
 * served stale later. Returns the common files.
 */
export function recordBatch(o: { cacheRoot: string; publicDir: string; batch: string; label: string; districtKeys: ReadonlyMap<string, string> }): string[] {
  const dir = batchDir(o.cacheRoot, o.batch);
  const districts = [...o.districtKeys.keys()];
  const files = new Map(districts.map((d) => [d, [] as string[]]));
  const common: string[] = [];
  const stray: string[] = [];
  for (const f of filesOf(dir).sort()) {
    const d = ownerOf(f, districts);
    if (d) files.get(d)!.push(f);
    else if (f.startsWith('_astro/') || existsSync(join(o.publicDir, f))) common.push(f);
    else stray.push(f);
  }
  if (stray.length > 0) {
    throw new ShardError(`分片 ${o.label} 写出了不属于任何区县的文件（${stray.slice(0, 5).join('、')}${stray.length > 5 ? ` 等 ${stray.length} 个` : ''}）：区县分片的每个文件路径都应含其区县 id（见 src/lib/shards/owner.ts），跨区县的页面应只由全局分片生成（src/lib/shards/in-slice.ts）。`);
  }
  mkdirSync(join(o.cacheRoot, 'districts'), { recursive: true });
  for (const [d, key] of o.districtKeys) writeFileSync(entryFile(o.cacheRoot, d), JSON.stringify({ key, batch: o.batch, files: files.get(d)! } satisfies DistrictEntry));
  const manifest: BatchManifest = { name: o.batch, label: o.label, districts, common };
  writeFileSync(join(dir, MANIFEST), JSON.stringify(manifest));
  return common;
}

/** Remove the batch folders no current entry names (after a successful build; deleted in the background, trash.ts). */
export function pruneBatches(cacheRoot: string, keep: ReadonlySet<string>): void {
  discardOthers(cacheRoot, batchesDir(cacheRoot), keep);
}
