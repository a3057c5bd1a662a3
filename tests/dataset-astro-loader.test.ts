// The pages' loader (src/lib/dataset/astro.ts) over a mocked astro:content holding the seeds' dataset,
// as the content layer would: one load per slice, shared by every page; a districts slice yields only
// its districts' rows, so the district routes' getStaticPaths yield only its pages.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { repoDataset } from './helpers/repo-dataset';

const data = repoDataset().dataset;
const calls: string[] = [];
vi.mock('astro:content', () => ({
  getCollection: async (name: keyof typeof data) => {
    calls.push(name);
    return data[name].map((row) => ({ id: row.id, data: row }));
  },
}));

const { loadDataset, loadSite, loadSorted } = await import('~/lib/dataset/astro');
const { sortDataset } = await import('~/lib/dataset/order');

beforeEach(() => {
  calls.length = 0;
});

describe('the Astro loader', () => {
  it('loads every collection once per slice, however many pages ask', async () => {
    const all = { kind: 'all' } as const;
    const [a, b] = await Promise.all([loadSite(all), loadSite(all)]);
    expect(a).toBe(b);
    expect(await loadDataset(all)).toBe(await loadDataset(all));
    expect(calls.toSorted()).toEqual(Object.keys(data).toSorted());
    expect(a.tasks).toHaveLength(data.tasks.length);
  });

  it('a districts slice: only its districts in every list a route builds its paths from', async () => {
    const ix = await loadSite({ kind: 'districts', districts: ['zhangdian'] });
    expect(ix.districts.map((d) => d.id)).toEqual(['zhangdian']);
    expect(new Set(ix.reports.map((r) => r.district))).toEqual(new Set(['zhangdian']));
    expect(new Set(ix.tasks.map((t) => t.district))).toEqual(new Set(['zhangdian']));
    expect(new Set(ix.units.map((u) => u.district))).toEqual(new Set(['zhangdian']));
    expect(ix.anomalies.every((a) => ix.report.has(a.reportId))).toBe(true);
    expect(ix.tasks).toHaveLength(data.tasks.filter((t) => t.district === 'zhangdian').length);
    expect([...ix.yearsByDistrict.keys()]).toEqual(['zhangdian']);
  });

  it('the sorted view is the published files’ order', async () => {
    const sorted = await loadSorted({ kind: 'all' });
    const expected = sortDataset(data);
    for (const k of Object.keys(data) as (keyof typeof data)[]) expect(sorted[k].map((x) => x.id), k).toEqual(expected[k].map((x) => x.id));
  });

  it('without a slice argument: the build’s slice from PORTAL_SLICE, parsed once and again when it changes', async () => {
    const before = process.env.PORTAL_SLICE;
    try {
      process.env.PORTAL_SLICE = 'districts:zhangdian';
      const a = await loadSite();
      expect(a).toBe(await loadSite({ kind: 'districts', districts: ['zhangdian'] }));
      expect(await loadSite()).toBe(a);
      process.env.PORTAL_SLICE = 'districts:linzi';
      const b = await loadSite();
      expect(new Set(b.tasks.map((t) => t.district))).toEqual(new Set(['linzi']));
      delete process.env.PORTAL_SLICE;
      expect((await loadSite()).tasks).toHaveLength(data.tasks.length);
    } finally {
      if (before === undefined) delete process.env.PORTAL_SLICE;
      else process.env.PORTAL_SLICE = before;
    }
  });
});
