// Tasks with parts: a numbered row and the sub-target rows under it each carry a status. The task's
// headline is the mix of its latest parts and counts are of parts, as the report page counts rows.
import { describe, expect, it } from 'vitest';
import { latestParts, partsMix, partRows } from '~/lib/site/task-parts';
import { statusGroups, taskMix } from '~/lib/site/status-mix';
import { indexInput } from '~/lib/search/index-input';
import { parse } from 'csv-parse/sync';
import { renderDownloads } from '~/lib/opendata/download-files';
import { repoDataset } from './helpers/repo-dataset';
import { columnsFor } from './helpers/csv-columns';
import { indexDataset } from '~/lib/dataset/site-index';

const data = repoDataset().dataset;
const ix = indexDataset(data);

describe('a task with parts', () => {
  const t15 = ix.task.get('zhangdian-2020-015')!;

  it('zhangdian-2020-015: four parts, 已移交齐鲁化工区 1 and 完成 3, not 已移交 alone', () => {
    expect(latestParts(ix, t15)).toHaveLength(4);
    const mix = partsMix(latestParts(ix, t15)).map((g) => [g.status, g.phrase, g.count]);
    expect(mix).toEqual([['transferred', '已移交齐鲁化工区', 1], ['done', '完成', 3]]);
  });

  it('the search result shows the same mix', () => {
    const doc = indexInput(data).docs.find((d) => d.id === t15.id)!;
    expect(doc.statusText).toBe('已移交齐鲁化工区 1 · 完成 3（共 4 个部分）');
    // The status facet files it under neither 已移交 nor 完成 alone.
    expect(doc.statusFacet).toBe('mixedParts');
    const same = indexInput(data).docs.find((d) => d.id === 'zhangdian-2020-016')!;
    expect(same.statusFacet).toBeUndefined();
  });

  it('the tasks CSV gives the parts mix beside the numbered row\'s status', () => {
    const f = renderDownloads(data, '/').find((x) => x.path === 'all/tasks.csv')!;
    const rows = parse(f.body, { bom: true, columns: columnsFor(f.path) }) as Record<string, string>[];
    expect(rows.filter((r) => r.latest_parts !== '').map((r) => [r.id, r.latest_parts])).toEqual([
      ['zhangdian-2020-015', '已移交齐鲁化工区 1；完成 3'],
      ['zhangdian-2020-016', '完成 3'],
    ]);
  });

  it('every task with parts is counted by part: the year total equals the report rows, as on the report page', () => {
    const withParts = ix.tasks.filter((t) => latestParts(ix, t).length > 1);
    expect(withParts.map((t) => t.id)).toEqual(['zhangdian-2020-015', 'zhangdian-2020-016']);
    const tasks = ix.tasks.filter((t) => t.district === 'zhangdian' && t.year === 2020 && t.origin !== 'work-report');
    const report = ix.report.get('zhangdian-2020-q2')!;
    const mix = taskMix(ix, tasks);
    expect(mix.reduce((a, c) => a + c.count, 0)).toBe(report.rowCount);
    expect(mix.find((c) => c.status === 'transferred' && !c.inferred)!.count).toBe(report.statusCounts.transferred);
    expect(mix.find((c) => c.status === 'done' && !c.inferred)!.count).toBe(report.statusCounts.done);
  });

  it('the year page lists zhangdian-2020-015 under both 完成 and 已移交, counting parts', () => {
    const tasks = ix.tasks.filter((t) => t.district === 'zhangdian' && t.year === 2020);
    const groups = statusGroups(ix, tasks);
    expect(groups.find((g) => g.key === 'transferred')!.tasks.map((t) => t.number)).toContain(15);
    expect(groups.find((g) => g.key === 'done')!.tasks.map((t) => t.number)).toContain(15);
    expect(groups.reduce((a, g) => a + g.count, 0)).toBe(partRows(ix, tasks).length);
  });

  it('stated and inferred are separate groups on the year page', () => {
    const tasks = ix.tasks.filter((t) => t.district === 'linzi' && t.year === 2021);
    const keys = statusGroups(ix, tasks).map((g) => g.key);
    expect(keys).toContain('partial-inferred');
    expect(keys).not.toContain('partial');
  });
});
