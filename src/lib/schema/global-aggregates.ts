// What the cross-district pages need of the big collections (tasks, progress, units, anomalies), counted
// once: the home page's status mix and report table, the quality page's counts and the anomalies it
// shows, the search page's browse lists and /changes/'s entries. A whole build computes it from its index
// (src/lib/dataset/global-aggregates.ts); the global shard reads it from a file instead of loading every
// row, so both render the same bytes from the same record.
import { z } from 'astro/zod';
import { anomalyKindSchema, anomalySchema } from './anomaly';
import { statusSchema, statusSourceSchema } from './status';

const statusCountSchema = z.object({ status: statusSchema, inferred: z.boolean(), count: z.number().int().nonnegative() });
const tallySchema = z.object({ status: statusSchema, label: z.string(), count: z.number().int().nonnegative() });
const kindCountsSchema = z.array(z.tuple([anomalyKindSchema, z.number().int().nonnegative()]));

const taskSnapshotSchema = z.object({
  taskId: z.string(),
  number: z.number(),
  pledge: z.string(),
  status: statusSchema,
  statusSource: statusSourceSchema,
  statusPhrase: z.string().optional(),
  line: z.number(),
});

const pairSchema = z.object({
  fromId: z.string(),
  toId: z.string(),
  statusChanged: z.array(z.object({ taskId: z.string(), number: z.number(), pledge: z.string(), before: taskSnapshotSchema, after: taskSnapshotSchema })),
  added: z.array(taskSnapshotSchema),
  dropped: z.array(taskSnapshotSchema),
  reworded: z.array(z.object({
    taskId: z.string(), number: z.number(), before: taskSnapshotSchema, after: taskSnapshotSchema,
    diff: z.array(z.object({ kind: z.enum(['same', 'added', 'removed']), text: z.string() })),
  })),
  unchanged: z.number().int().nonnegative(),
});

const browseYearSchema = z.object({ label: z.string(), path: z.string(), count: z.number().int().nonnegative() });

export const globalAggregatesSchema = z.object({
  taskCount: z.number().int().nonnegative(),
  /** District → its years (of reports or tasks), ascending: SiteIndex.yearsByDistrict. */
  years: z.array(z.tuple([z.string(), z.array(z.number().int())])),
  home: z.object({
    /** Every task's latest status (by parts): status-mix.ts taskMix. */
    mix: z.array(statusCountSchema),
    noun: z.string(),
    partsNote: z.string().optional(),
    /** One row per report in report order (overview.ts reportTableRows, by report id). */
    reportRows: z.array(z.object({ reportId: z.string(), stated: z.array(tallySchema), inferred: z.array(tallySchema), other: z.number().int(), subRows: z.number().int() })),
  }),
  quality: z.object({
    total: z.number().int().nonnegative(),
    /** Anomalies by kind, in first-seen order. */
    kinds: kindCountsSchema,
    /** Reports with anomalies, in report order: how many, and what AnomalyList shows (anomaly-summary.ts). */
    reports: z.array(z.object({
      reportId: z.string(),
      count: z.number().int().positive(),
      shown: z.array(anomalySchema.extend({ verbatimCut: z.number().int().nonnegative() })),
      hidden: z.number().int().nonnegative(),
      byKind: kindCountsSchema,
    })),
  }),
  search: z.object({
    years: z.array(browseYearSchema),
    units: z.array(z.object({ district: z.string(), items: z.array(browseYearSchema) })),
    byStatus: z.array(z.object({
      label: z.string(),
      path: z.string(),
      groups: z.array(z.object({ status: statusSchema, label: z.string(), count: z.number().int().nonnegative(), path: z.string() })),
    })),
  }),
  /** /changes/: opendata/changes.ts allChanges, reports by id. */
  changes: z.array(z.object({ district: z.string(), year: z.number().int(), reportIds: z.array(z.string()), pairs: z.array(pairSchema) })),
});

export type GlobalAggregates = z.infer<typeof globalAggregatesSchema>;
