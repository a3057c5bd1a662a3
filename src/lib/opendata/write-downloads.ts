// Writes every download file under <outDir>/data/ from its pieces (no joined copy), in one pass of
// plain writes. As ~6,600 endpoint routes at 100× the dataset they cost ~1 ms each in Astro's
// per-route pipeline. The build worker calls this; the dev server serves the same bytes from
// src/pages/data/[...file].ts.
import { closeSync, mkdirSync, openSync, writevSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DownloadSpec, Downloads } from './download-files';

/** Returns the bytes written. */
export function writeDownloads(outDir: string, downloads: Downloads): number {
  const made = new Set<string>();
  let total = 0;
  for (const f of leastHeldOrder(downloads.files)) {
    const path = join(outDir, 'data', f.path);
    const parent = dirname(path);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    total += writeParts(path, downloads.write(f));
  }
  return total;
}

/**
 * The files in the order that holds the fewest serialised tables at once (each goes once its last file
 * is written, download-files.ts): the JSON files first, which read every table's JSON, then the CSV
 * files table by table, each scope in its order. Which file is written first changes no byte; at 100×
 * the seeds this holds ~140 MB of serialised tables at most instead of all ~190 MB.
 */
export function leastHeldOrder(files: readonly DownloadSpec[]): DownloadSpec[] {
  const rank = new Map<string, number>();
  const rankOf = (f: DownloadSpec) => {
    const key = f.format === 'json' ? 'json' : f.packs.join('|');
    let r = rank.get(key);
    if (r === undefined) rank.set(key, (r = key === 'json' ? -1 : rank.size));
    return r;
  };
  // Array.prototype.sort is stable: within a rank, the files keep their order.
  return files.map((f) => ({ f, r: rankOf(f) })).sort((a, b) => a.r - b.r).map((x) => x.f);
}

function writeParts(path: string, parts: Uint8Array[]): number {
  const fd = openSync(path, 'w');
  try {
    let total = 0;
    let rest = parts.filter((p) => p.length > 0);
    while (rest.length) {
      // writev may write less than asked (very large files): drop what was written and go on.
      let n = writevSync(fd, rest);
      total += n;
      while (rest.length && n >= rest[0]!.length) n -= rest.shift()!.length;
      if (n > 0) rest[0] = rest[0]!.subarray(n);
    }
    return total;
  } finally {
    closeSync(fd);
  }
}
