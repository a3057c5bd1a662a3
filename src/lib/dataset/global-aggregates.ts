// The global aggregates (src/lib/schema/global-aggregates.ts) of an indexed dataset: what the
// cross-district pages need of the big collections, computed once by the same functions the pages used
// to call on every row. Pure: the same index gives the same record, in a whole build and in the shard
// global shard's build worker (src/lib/build-worker/work.ts), which hands it to the pages.
import { allChanges } from '../opendata/changes';
import type { AnomalyKind } from '../schema/anomaly';
import type { GlobalAggregates } from '../schema/global-aggregates';
import { browseLinks } from '../search/browse-links';
import { browseByStatus } from '../search/browse-status';
import { summariseAnomalies } from '../site/anomaly-summary';
import { reportTableRows } from '../site/overview';
import { partsNote, taskMix, taskMixNoun } from '../site/status-mix';
import { sortDataset } from './order';
import type { SiteIndex } from './site-index';

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
