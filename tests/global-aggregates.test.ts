// The global aggregates (src/lib/dataset/global-aggregates.ts) on the real seeds: the record the global
// shard reads instead of every row. The cross-district view models built from it must show what the
// functions they used to call on every row show, and it must survive the crossing from the build worker's
// thread (structured clone) and the schema check on arrival (src/lib/dataset/astro.ts).
import { describe, expect, it } from 'vitest';
import { globalAggregates } from '~/lib/dataset/global-aggregates';
import { sortDataset } from '~/lib/dataset/order';
import { indexDataset } from '~/lib/dataset/site-index';
import { allChanges } from '~/lib/opendata/changes';
import { globalAggregatesSchema } from '~/lib/schema/global-aggregates';
import { browseLinks } from '~/lib/search/browse-links';
import { browseByStatus } from '~/lib/search/browse-status';
import { summariseAnomalies } from '~/lib/site/anomaly-summary';
import { changesPage } from '~/lib/site/changes-page';
import { reportTableRows } from '~/lib/site/overview';
import { homePage, qualityPage } from '~/lib/site/overview-pages';
import { partsNote, taskMix } from '~/lib/site/status-mix';
import { constructedDataset } from './helpers/opendata-fixture';
import { repoDataset } from './helpers/repo-dataset';

const data = repoDataset().dataset;
const ix = indexDataset(data);
const agg = globalAggregates(ix);
const fromFile = globalAggregatesSchema.parse(structuredClone(agg));

describe('globalAggregates', () => {
  it('is a valid record that crosses a thread unchanged', () => {
    expect(globalAggregatesSchema.safeParse(agg).success).toBe(true);
    expect(fromFile).toEqual(agg);
    expect(agg.taskCount).toBe(data.tasks.length);
  });

  it('home: the status mix, parts note and report table the page used to count from every row', () => {
    const page = homePage(ix, fromFile);
    expect(page.reportRows).toEqual(reportTableRows(ix));
    expect(fromFile.home.mix).toEqual(taskMix(ix, ix.tasks));
    expect(page.partsNote).toBe(partsNote(ix, ix.tasks));
    expect(page.districts.map((d) => d.years)).toEqual(data.districts.map((d) => ix.yearsByDistrict.get(d.id) ?? []));
  });

  it('quality: every anomaly counted; per report what the anomaly list shows of its anomalies', () => {
    const page = qualityPage(ix, fromFile);
    expect(page.total).toBe(data.anomalies.length);
    const withAnomalies = ix.reports.filter((r) => ix.anomaliesByReport.has(r.id));
    expect(withAnomalies.length).toBeGreaterThan(0);
    expect(page.groups.map((g) => g.r)).toEqual(withAnomalies);
    for (const g of page.groups) {
      const items = ix.anomaliesByReport.get(g.r.id)!;
      expect([g.count, g.summary]).toEqual([items.length, summariseAnomalies(items)]);
    }
  });

  it('search: the browse lists by district-year, unit and status', () => {
    expect(fromFile.search).toEqual({ ...browseLinks(ix.districts, ix.tasks, ix.units), byStatus: browseByStatus(ix) });
    expect(fromFile.search.years.reduce((n, y) => n + y.count, 0)).toBe(data.tasks.length);
  });

  it('changes: every district-year’s reports and pairs, as allChanges finds them over every row', () => {
    const sorted = sortDataset(data);
    expect(changesPage(sorted, fromFile).changes).toEqual(allChanges(sorted));
    // The seeds have one report per district-year; the constructed set has a pair with changes in it.
    const d = constructedDataset();
    const viaFile = globalAggregatesSchema.parse(JSON.parse(JSON.stringify(globalAggregates(indexDataset(d)))));
    const expected = allChanges(sortDataset(d));
    expect(expected.some((c) => c.pairs.some((p) => p.statusChanged.length + p.added.length + p.dropped.length + p.reworded.length > 0))).toBe(true);
    expect(changesPage(sortDataset(d), viaFile).changes).toEqual(expected);
  });
});

