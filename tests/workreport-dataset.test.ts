// The work report through the real ingest (buildDataset over content/): its pledges become tasks of
// zhangdian 2021, the dataset carries indicator points, and the 2020 pairs close the loop between
// the 2020 Q2 bulletin (targets) and the 2021 work report (actuals).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../src/lib/ingest/build-dataset';
import { loadInputs } from '../src/lib/ingest/load-inputs';
import { compareIndicators } from '../src/lib/indicators/compare';
import { indicatorPointSchema, taskSchema } from '../src/lib/schema';

const root = resolve(import.meta.dirname, '..');
const { inputs } = loadInputs(root);
const { dataset, problems } = buildDataset({ ...inputs!, readFile: (rel) => (existsSync(join(root, rel)) ? readFileSync(join(root, rel)) : undefined) });

describe('work report in the dataset', () => {
  const wr = dataset.tasks.filter((t) => t.origin === 'work-report');
  const report = dataset.reports.find((r) => r.id === 'zhangdian-2021-work-report')!;

  it('builds without errors and every task and point passes its schema', () => {
    expect(problems).toEqual([]);
    for (const t of dataset.tasks) taskSchema.parse(t);
    for (const p of dataset.indicators) indicatorPointSchema.parse(p);
    expect(new Set(dataset.tasks.map((t) => t.id)).size).toBe(dataset.tasks.length);
    expect(new Set(dataset.indicators.map((p) => p.id)).size).toBe(dataset.indicators.length);
  });

  it('adds 20 pledges, 13 livelihood projects and 4 self-building tasks as zhangdian 2021 tasks', () => {
    expect(wr.filter((t) => t.kind === 'pledge')).toHaveLength(20);
    expect(wr.filter((t) => t.kind === 'livelihood')).toHaveLength(13);
    expect(wr.filter((t) => t.kind === 'self-building')).toHaveLength(4);
    expect(wr[0]).toMatchObject({ id: 'zhangdian-2021-wr-001', district: 'zhangdian', year: 2021, title: '强化技术创新能力', latestStatus: 'planned', latestStatusSource: 'none' });
    expect(report.taskIds).toEqual(wr.map((t) => t.id));
    expect(report.taskCount).toBe(37);
  });

  it('leaves the bulletin tasks as they were (no origin, no links: there is no 2021 Zhangdian bulletin)', () => {
    const bulletin = dataset.tasks.filter((t) => t.origin === undefined);
    expect(bulletin).toHaveLength(292);
    expect(bulletin.some((t) => t.links)).toBe(false);
  });

  it('compares the 2020 Zhangdian targets with the actuals printed a year later', () => {
    const c = compareIndicators(dataset.indicators).filter((x) => x.district === 'zhangdian' && x.year === 2020);
    const pair = (k: string) => c.find((x) => x.indicator === k)!;
    expect(['gdp', 'revenue', 'investment', 'retail'].map((k) => [k, pair(k).target?.value, pair(k).target?.comparatorText, pair(k).actual?.value, pair(k).actual?.source.lines[0]])).toEqual([
      ['gdp', 6.5, '左右', 2.4, 45],
      ['revenue', 2, '左右', -29, 45],
      ['investment', 15, '以上', 4.2, 45],
      ['retail', 8, '左右', -0.7, 45],
    ]);
  });

  it('takes indicator rows only where the pledge is a headline figure', () => {
    const rows = new Set(dataset.indicators.filter((p) => p.reportId !== report.id).map((p) => `${p.reportId}:${p.source.lines[0]}`.replace(/:\d+$/, '')));
    expect([...rows].sort()).toEqual(['linzi-2021-q3', 'linzi-2023-m09', 'zhangdian-2020-q2']);
    const tasksWithPoints = new Set(dataset.indicators.filter((p) => p.role === 'target' && p.reportId !== report.id).map((p) => `${p.reportId}@${p.source.lines[0]}`));
    // 000 tasks 1–7 (line of each pledge), 002 task 1 and the jobs pledge at line 145 (新增城镇就业4500人以上),
    // 003 task 1, the investment amount at line 36 (固定资产投资突破210亿元), the trade pledge at line 96 and
    // 城镇登记失业率控制在4.5%以内 at line 97; 000's 城镇登记失业率控制在4%以内 (task 59, line 621).
    expect([...tasksWithPoints].sort()).toEqual([
      'linzi-2021-q3@36', 'linzi-2021-q3@6', 'linzi-2021-q3@96', 'linzi-2021-q3@97', 'linzi-2023-m09@145', 'linzi-2023-m09@6',
      'zhangdian-2020-q2@10', 'zhangdian-2020-q2@18', 'zhangdian-2020-q2@26', 'zhangdian-2020-q2@33', 'zhangdian-2020-q2@41', 'zhangdian-2020-q2@47', 'zhangdian-2020-q2@57', 'zhangdian-2020-q2@621',
    ]);
  });
});
