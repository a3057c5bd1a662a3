// The dataset's collections, by name: one generated/<name>.json file each, validated by one zod schema.
// Everything that lists the collections reads this map: the content collections
// (src/content.config.ts), the Node reader (read.ts), the Astro loader (astro.ts), tests and benches.
import type { z } from 'astro/zod';
import {
  anomalySchema, districtSchema, indicatorPointSchema, leaderSchema, progressSchema, reportSchema, taskSchema, unitSchema,
  type Dataset,
} from '../schema';

export type { Dataset } from '../schema';

/** Name → schema, in the order the files are read (the order of the Dataset type). */
export const COLLECTIONS = {
  districts: districtSchema,
  reports: reportSchema,
  tasks: taskSchema,
  progress: progressSchema,
  units: unitSchema,
  leaders: leaderSchema,
  anomalies: anomalySchema,
  indicators: indicatorPointSchema,
} as const satisfies { [K in keyof Dataset]: z.ZodType<Dataset[K][number]> };

export type CollectionName = keyof typeof COLLECTIONS;

export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];

/** A dataset with no rows, to fill. */
export const emptyDataset = (): Dataset => Object.fromEntries(COLLECTION_NAMES.map((name) => [name, []])) as unknown as Dataset;

/**
 * The district a row belongs to: its `district`; a district's own `id`; for an anomaly (which names
 * only its report) the district of its report, looked up in `reportDistricts` (report id → district).
 */
export function districtOf(name: CollectionName, row: unknown, reportDistricts?: ReadonlyMap<string, string>): string | undefined {
  const r = row as { id?: unknown; district?: unknown; reportId?: unknown } | null;
  const d = name === 'districts' ? r?.id : name === 'anomalies' ? reportDistricts?.get(String(r?.reportId)) : r?.district;
  return typeof d === 'string' ? d : undefined;
}

/** Report id → district, from report rows (validated or not). */
export function reportDistricts(reports: readonly unknown[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const r of reports as { id?: unknown; district?: unknown }[]) if (typeof r?.id === 'string' && typeof r.district === 'string') m.set(r.id, r.district);
  return m;
}
