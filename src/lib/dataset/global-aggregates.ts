// The global aggregates (src/lib/schema/global-aggregates.ts) of an indexed dataset: what the
// cross-district pages need of the big collections, computed once by the same functions the pages used
// to call on every row. Pure: the same index gives the same record, in a whole build and in the shard
// runner that writes it for the global shard.
import { existsSync, readFileSync } from 'node:fs';
import { allChanges } from '../opendata/changes';
import { zodProblems } from '../problems';
import { DatasetError } from './read';
import type { AnomalyKind } from '../schema/anomaly';
import { globalAggregatesSchema, type GlobalAggregates } from '../schema/global-aggregates';
import { browseLinks } from '../search/browse-links';
import { browseByStatus } from '../search/browse-status';
import { summariseAnomalies } from '../site/anomaly-summary';
import { reportTableRows } from '../site/overview';
import { partsNote, taskMix, taskMixNoun } from '../site/status-mix';
import { sortDataset } from './order';
import type { SiteIndex } from './site-index';

/** Set by the shard runner for the global shard: the aggregates file it wrote (src/lib/shards/global-aggregates-file.ts). */
export const GLOBAL_AGGREGATES_ENV = 'PORTAL_GLOBAL_AGGREGATES';

export function globalAggregates(ix: SiteIndex): GlobalAggregates {
  const kinds = new Map<AnomalyKind, number>();
  for (const a of ix.anomalies) kinds.set(a.kind, (kinds.get(a.kind) ?? 0) + 1);
  const note = partsNote(ix, ix.tasks);
  const links = browseLinks(ix.districts, ix.tasks, ix.units);
  return {
    taskCount: ix.tasks.length,
    years: [...ix.yearsByDistrict],
    home: {
      mix: taskMix(ix, ix.tasks),
      noun: taskMixNoun(ix, ix.tasks),
      ...(note === undefined ? {} : { partsNote: note }),
      reportRows: reportTableRows(ix).map(({ report, stated, inferred, other, subRows }) => ({ reportId: report.id, stated, inferred, other, subRows })),
    },
    quality: {
      total: ix.anomalies.length,
      kinds: [...kinds],
      reports: ix.reports.flatMap((r) => {
        const items = ix.anomaliesByReport.get(r.id) ?? [];
        return items.length === 0 ? [] : [{ reportId: r.id, count: items.length, ...summariseAnomalies(items) }];
      }),
    },
    search: { years: links.years, units: links.units, byStatus: browseByStatus(ix) },
    // allChanges reads the collections in published order, as /changes/ did (astro.ts loadSorted).
    changes: allChanges(sortDataset(ix)).map(({ district, year, reports, pairs }) => ({
      district,
      year,
      reportIds: reports.map((r) => r.id),
      pairs: pairs.map(({ from, to, ...rest }) => ({ fromId: from.id, toId: to.id, ...rest })),
    })),
  };
}

/** The global aggregates the shard runner wrote to `file`, validated. Throws a DatasetError naming the file. */
export function readGlobalAggregates(file: string): GlobalAggregates {
  const hint = '请重新运行 npm run build（分片构建会先写出这个文件）。';
  if (!existsSync(file)) throw new DatasetError([{ file, message: '文件不存在', hint }]);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new DatasetError([{ file, message: `不是有效的 JSON：${(e as Error).message}`, hint }]);
  }
  const parsed = globalAggregatesSchema.safeParse(raw);
  if (!parsed.success) throw new DatasetError(zodProblems(file, parsed.error, { hint }));
  return parsed.data;
}
