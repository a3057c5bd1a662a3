// The search page's browse-by-status list (no JavaScript needed) against the repository's seeds: every
// reported year, its statuses counted as the year page counts them, what needs attention first.
import { describe, expect, it } from 'vitest';
import { browseByStatus } from '~/lib/search/browse-status';
import { attentionOrder } from '~/lib/site/attention';
import { indexDataset } from '~/lib/dataset/site-index';
import { partRows } from '~/lib/site/task-parts';
import { repoDataset } from './helpers/repo-dataset';

const ix = indexDataset(repoDataset().dataset);
const list = browseByStatus(ix);

describe('browse by status', () => {
  it('lists each district-year with a progress report, and only those (a year of targets alone has no status to count)', () => {
    const reported = new Set(ix.reports.filter((r) => r.kind === 'progress').map((r) => `${r.district}/${r.year}/`));
    expect(new Set(list.map((y) => y.path))).toEqual(reported);
    expect(list.map((y) => y.label)).toContain('张店区 2020年');
    expect(list.map((y) => y.label)).not.toContain('张店区 2021年');
  });

  it('counts every part of every task of the year once, as the year page does', () => {
    for (const y of list) {
      const [district, year] = y.path.split('/');
      const tasks = ix.tasks.filter((t) => t.district === district && t.year === Number(year));
      expect(y.groups.reduce((n, g) => n + g.count, 0), y.label).toBe(partRows(ix, tasks).length);
      for (const g of y.groups) expect(g.path.startsWith(`${y.path}#status-`)).toBe(true);
    }
  });

  it('puts what needs attention first and marks inferred statuses 推断', () => {
    const order = attentionOrder();
    for (const y of list) {
      const ranks = y.groups.map((g) => order.indexOf(g.status));
      expect(ranks, y.label).toEqual([...ranks].sort((a, b) => a - b));
    }
    const linzi2023 = list.find((y) => y.label === '临淄区 2023年')!;
    expect(linzi2023.groups.map((g) => g.label)).toEqual(['未完成', '部分完成', '完成']);
    expect(list.find((y) => y.label === '临淄区 2021年')!.groups.every((g) => g.label.startsWith('推断·') || g.status === 'unstated')).toBe(true);
  });
});
