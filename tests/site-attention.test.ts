import { describe, expect, test } from 'vitest';
import { attentionOrder, groupByStatus, needsAttention } from '~/lib/site/attention';
import { STATUS_ORDER } from '~/lib/schema/status';
import { repoDataset } from './helpers/repo-dataset';

describe('attention order', () => {
  test('every status appears once; not done and partly done come before done', () => {
    const order = attentionOrder();
    expect([...order].sort()).toEqual([...STATUS_ORDER].sort());
    expect(order.indexOf('notDone')).toBeLessThan(order.indexOf('done'));
    expect(order.indexOf('partial')).toBeLessThan(order.indexOf('done'));
    expect(order.indexOf('notDone')).toBeLessThan(order.indexOf('partial'));
    expect(needsAttention('done')).toBe(false);
    expect(needsAttention('notDone')).toBe(true);
  });

  test("linzi 2023 September: 7 not done, 13 partly done, 104 done, in that order", () => {
    const ds = repoDataset().dataset;
    const rows = ds.progress.filter((p) => p.reportId === 'linzi-2023-m09');
    const groups = groupByStatus(rows, (r) => ({ status: r.status, source: r.statusSource }));
    expect(groups.map((g) => [g.status, g.items.length])).toEqual([['notDone', 7], ['partial', 13], ['done', 104]]);
    expect(groups.reduce((a, g) => a + g.items.length, 0)).toBe(rows.length);
  });
});
