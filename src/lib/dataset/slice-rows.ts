// Which rows a slice loads (see slice.ts). Both readers, the Node one (read.ts) and the content
// collections (content-loader.ts, then astro.ts), filter through here, so a shard build sees the same
// rows wherever it reads them. A districts slice keeps the rows of its districts (collections.ts
// districtOf: anomalies go by their report, so filtering them needs the report → district map).
import { districtOf, reportDistricts, type CollectionName, type Dataset } from './collections';
import type { Slice } from './slice';

/** The collections the global slice loads whole: the small ones its pages name things from. */
const GLOBAL_COLLECTIONS: ReadonlySet<CollectionName> = new Set(['districts', 'reports', 'indicators']);

/**
 * What the global slice loads: districts, reports and indicators (small; the cross-district pages name
 * and link them). What those pages count over tasks, rows, units and anomalies comes from the global
 * aggregates (global-aggregates.ts); the download list and the cross-district embeds come from the build
 * worker (src/lib/build-worker/), which reads every row on its own threads. The one place to change when
 * the global slice loads less.
 */
export function globalSliceKeeps(name: CollectionName, _row: unknown): boolean {
  return GLOBAL_COLLECTIONS.has(name);
}

/** Whether `slice` loads any row of collection `name` (the global slice leaves the big ones out whole). */
export function sliceLoadsCollection(slice: Slice, name: CollectionName): boolean {
  return slice.kind !== 'global' || GLOBAL_COLLECTIONS.has(name);
}

/** Whether `slice` loads this row of collection `name`. `reports`: report id → district (for anomalies). */
export function sliceKeeps(slice: Slice, name: CollectionName, row: unknown, reports?: ReadonlyMap<string, string>): boolean {
  switch (slice.kind) {
    case 'all':
      return true;
    case 'global':
      return globalSliceKeeps(name, row);
    case 'districts': {
      const d = districtOf(name, row, reports);
      return d !== undefined && slice.districts.includes(d);
    }
  }
}

/** The rows of one collection that `slice` loads, in their order (the same array when it keeps all). */
export function sliceRows<T>(slice: Slice, name: CollectionName, rows: T[], reports?: ReadonlyMap<string, string>): T[] {
  if (slice.kind === 'all') return rows;
  return rows.filter((r) => sliceKeeps(slice, name, r, reports));
}

/** The part of a dataset that `slice` loads. */
export function sliceDataset<D extends Partial<Dataset>>(slice: Slice, d: D): D {
  if (slice.kind === 'all') return d;
  const reports = reportDistricts(d.reports ?? []);
  const out: Record<string, unknown[]> = {};
  for (const [name, rows] of Object.entries(d)) out[name] = sliceRows(slice, name as CollectionName, rows as unknown[], reports);
  return out as D;
}
