// Writes every download file under <outDir>/data/ from its pieces (no joined copy), in one pass of
// plain writes. As ~6,600 endpoint routes at 100× the dataset they cost ~1 ms each in Astro's
// per-route pipeline. The build worker calls this; the dev server serves the same bytes from
// src/pages/data/[...file].ts. With a store (the sharded build's global shard), each file is linked from
// it, and written there only when its bytes are new (file-store.ts).
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DownloadSpec, Downloads } from './download-files';
import { writeParts, type FileStore } from '../build-worker/file-store';

/**
 * Returns the bytes of the files (written or linked), and how many districts' files came from the
 * downloads' cache (download-cache.ts: linked from the store without being put together).
 */
export function writeDownloads(outDir: string, downloads: Downloads, store?: FileStore): { bytes: number; districts: number; fromCache: number } {
  const made = new Set<string>();
  let total = 0;
  for (const f of leastHeldOrder(downloads.files)) {
    const path = join(outDir, 'data', f.path);
    const parent = dirname(path);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    const stored = store && downloads.stored(f);
    if (stored && store.link(path, stored.sha256)) {
      downloads.skip(f);
      total += stored.bytes;
      continue;
    }
    const parts = downloads.write(f);
    if (store) {
      const m = downloads.measure(f);
      store.place(path, parts, m.sha256);
      total += m.bytes;
    } else total += writeParts(path, parts);
  }
  return { bytes: total, ...downloads.saveCache() };
}

/**
 * The files in the order that holds the fewest serialised tables at once (each goes once its last file
 * is written, download-files.ts): the JSON files first, which read every table's JSON, then the CSV
 * files table by table (the whole dataset's first, which reads every district's piece of the table), each
 * scope in its order. Which file is written first changes no byte; at 100×
 * the seeds this holds ~140 MB of serialised tables at most instead of all ~190 MB.
 */
export function leastHeldOrder(files: readonly DownloadSpec[]): DownloadSpec[] {
  const rank = new Map<string, number>();
  const rankOf = (f: DownloadSpec) => {
    const key = f.format === 'json' ? 'json' : f.table!;
    let r = rank.get(key);
    if (r === undefined) rank.set(key, (r = key === 'json' ? -1 : rank.size));
    return r;
  };
  // Array.prototype.sort is stable: within a rank, the files keep their order.
  return files.map((f) => ({ f, r: rankOf(f) })).sort((a, b) => a.r - b.r).map((x) => x.f);
}
