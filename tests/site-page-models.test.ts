// The pages' view models (src/lib/site/*-page.ts), without a build: each against the real seeds' dataset
// (built from content/ as the ingest builds it), checked against counts worked out here from the rows.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { indexDataset } from '~/lib/dataset/site-index';
import { fullTrail } from '~/lib/site/breadcrumbs';
import { districtPage } from '~/lib/site/district-page';
import { cadenceBasisText, changesPage, receivedText } from '~/lib/site/changes-page';
import { sortDataset } from '~/lib/dataset/order';
import { dataPage } from '~/lib/site/data-page';
import { Downloads } from '~/lib/opendata/download-files';
import { homePage, qualityPage, sourcePage } from '~/lib/site/overview-pages';
import { leaderPage, unitPage } from '~/lib/site/owner-page';
import { reportPage } from '~/lib/site/report-page';
import { taskPage } from '~/lib/site/task-page';
import { latestSentence } from '~/lib/site/task-latest';
import { yearPage } from '~/lib/site/year-page';
import { needsAttention } from '~/lib/site/attention';
import { repoDataset } from './helpers/repo-dataset';
import { globalAggregates } from '~/lib/dataset/global-aggregates';

const data = repoDataset().dataset;
const ix = indexDataset(data);
const agg = globalAggregates(ix);

describe('taskPage', () => {
  // zhangdian-2020-015: a numbered row with three sub-target rows under it, in the Q2 bulletin.
  const id = 'zhangdian-2020-015';
  const page = taskPage(ix, id, [{ id: 'linzi-2023-001', score: 0.5 }, { id: 'no-such-task', score: 0.9 }]);

  it('names the task, its district and year, in the title and the breadcrumbs', () => {
    expect(page.task.id).toBe(id);
    expect(page.title).toMatch(/^张店区2020年第15项/);
    expect(page.breadcrumbs).toEqual([{ label: '张店区', href: '/zhangdian/' }, { label: '2020年', href: '/zhangdian/2020/' }, { label: '第15项' }]);
  });

  it('counts the documents and the table rows (sub-target rows each count) of its history', () => {
    const rows = data.progress.filter((p) => p.taskId === id);
    const files = new Set(rows.map((p) => p.reportId));
    expect(rows.length).toBeGreaterThan(files.size);
    expect(page.history.map((h) => h.row.reportId)).toEqual([...files]);
    expect(page.history.flatMap((h) => [h.row, ...h.subs]).map((p) => p.id).toSorted()).toEqual(rows.map((p) => p.id).toSorted());
    expect(page.progressHeading).toBe(`进展记录（${files.size} 份文件，${rows.length} 行：子目标行各计一行）`);
    // One document: no timeline to draw.
    expect(page.timeline).toBeUndefined();
  });

  it('keeps the similar pledges that exist, in the order given, and the latest report', () => {
    expect(page.similar.map((h) => [h.task.id, h.score])).toEqual([['linzi-2023-001', 0.5]]);
    expect(page.latestReport?.id).toBe('zhangdian-2020-q2');
    expect(page.latestSentence).toMatch(/^最新一期（/);
  });

  it('lists the units named in any of its rows, lead first', () => {
    const named = new Set(data.progress.filter((p) => p.taskId === id).flatMap((p) => p.units.map((u) => u.unitId)));
    expect(new Set(page.units.map((u) => u.unitId))).toEqual(named);
    const roles = page.units.map((u) => u.role);
    expect(roles).toEqual(roles.toSorted((a, b) => ['lead', 'assist', 'data', 'unmarked'].indexOf(a) - ['lead', 'assist', 'data', 'unmarked'].indexOf(b)));
  });

  it('refuses an unknown id by name', () => {
    expect(() => taskPage(ix, 'nowhere-1999-001')).toThrow(/nowhere-1999-001/);
  });

  it('lists up to 8 other tasks of the same district-year under each of the task’s lead units, in the unit’s order', () => {
    let listed = 0;
    for (const t of ix.tasks) {
      const expected = (t.leadUnitIds.length ? t.leadUnitIds : t.unitIds)
        .map((unitId) => ({
          unitId,
          name: data.units.find((u) => u.id === unitId)?.name ?? unitId,
          tasks: (data.units.find((u) => u.id === unitId)?.taskIds ?? [])
            .map((id) => data.tasks.find((x) => x.id === id)!)
            .filter((o) => o && o.id !== t.id && o.district === t.district && o.year === t.year)
            .slice(0, 8),
        }))
        .filter((g) => g.tasks.length > 0);
      const page = taskPage(ix, t.id);
      expect(page.sameUnit.map((g) => ({ ...g, tasks: g.tasks.map((x) => x.id) })), t.id).toEqual(expected.map((g) => ({ ...g, tasks: g.tasks.map((x) => x.id) })));
      listed += page.sameUnit.reduce((n, g) => n + g.tasks.length, 0);
    }
    expect(listed).toBeGreaterThan(100);
  });

  it('every task’s first sentence is the one worked out from its own year’s reports (the cadence is shared per district-year)', () => {
    const yearReports = (t: { district: string; year: number }) => data.reports.filter((r) => r.district === t.district && r.year === t.year);
    const sentences = new Set<string>();
    for (const t of ix.tasks) {
      const latest = data.reports.find((r) => r.id === t.latestReportId);
      const row = data.progress.find((p) => p.taskId === t.id && p.reportId === t.latestReportId && p.subIndex === 0);
      const own = latestSentence(t, latest, row, yearReports(t));
      expect(taskPage(ix, t.id).latestSentence, t.id).toBe(own);
      sentences.add(own);
    }
    // Districts and years differ in cadence and coverage: a memo keyed too coarsely would show here.
    expect(sentences.size).toBeGreaterThan(3);
  });
});

describe('reportPage', () => {
  it('a bulletin: every row of its table, status counts that add up, what needs attention first', () => {
    const page = reportPage(ix, 'zhangdian-2020-q2');
    const rows = data.progress.filter((p) => p.reportId === 'zhangdian-2020-q2');
    expect(page.rows.map((x) => x.row.id).toSorted()).toEqual(rows.map((p) => p.id).toSorted());
    expect(page.jump.reduce((n, g) => n + g.count, 0)).toBe(rows.length);
    for (const g of page.open) expect(needsAttention(g.status)).toBe(true);
    const subs = rows.filter((p) => p.subIndex > 0).length;
    expect(subs).toBeGreaterThan(0);
    expect(page.taskCount).toBe(`72 项（表格 77 行，其中 ${subs} 行是任务下分列的具体目标）`);
    expect(page.breadcrumbs.map((c) => c.href)).toEqual(['/zhangdian/', '/zhangdian/2020/', undefined]);
    expect(page.lineHref(12)).toBe('/source/zhangdian/2020-q2-progress-txt/#L12');
  });

  it('a work report: no table, the tasks found in it', () => {
    const page = reportPage(ix, 'zhangdian-2021-work-report');
    expect(page.rows).toEqual([]);
    expect(page.tasks.map((t) => t.id)).toEqual(data.tasks.filter((t) => t.reportIds.includes('zhangdian-2021-work-report')).map((t) => t.id).toSorted());
    expect(page.taskCount).toBe('37 项');
  });
});

describe('yearPage', () => {
  it('every task of the district-year, grouped by latest status without losing one', () => {
    const page = yearPage(ix, 'linzi', 2023);
    const tasks = data.tasks.filter((t) => t.district === 'linzi' && t.year === 2023);
    expect(page.tasks.map((t) => t.id).toSorted()).toEqual(tasks.map((t) => t.id).toSorted());
    expect(new Set(page.byStatus.flatMap((g) => g.tasks.map((t) => t.id)))).toEqual(new Set(tasks.map((t) => t.id)));
    expect(page.hasResults).toBe(true);
    expect(page.title).toBe('临淄区2023年目标任务');
    // Not done before done.
    const order = page.byStatus.map((g) => g.status);
    if (order.includes('notDone') && order.includes('done')) expect(order.indexOf('notDone')).toBeLessThan(order.indexOf('done'));
  });

  it('a year with only targets (a breakdown table) has no results to count', () => {
    expect(yearPage(ix, 'linzi', 2020).hasResults).toBe(false);
    expect(yearPage(ix, 'zhangdian', 2021).hasResults).toBe(false);
  });
});

describe('districtPage', () => {
  it('each year with its task and document counts, a timeline bar per report with rows', () => {
    const page = districtPage(ix, 'linzi');
    const years = [...new Set(data.reports.filter((r) => r.district === 'linzi').map((r) => r.year))].toSorted();
    expect(page.years.map((y) => y.year)).toEqual(years);
    for (const y of page.years) {
      expect(y.tasks).toBe(data.tasks.filter((t) => t.district === 'linzi' && t.year === y.year).length);
      expect(y.reports).toBe(data.reports.filter((r) => r.district === 'linzi' && r.year === y.year).length);
    }
    expect(page.breadcrumbs).toEqual([{ label: '临淄区' }]);
  });
});

describe('unitPage and leaderPage', () => {
  it('a unit: its tasks with the role printed for each, a trail through its district', () => {
    const unit = data.units.toSorted((a, b) => b.taskIds.length - a.taskIds.length)[0]!;
    const page = unitPage(ix, unit.id);
    expect(page.card.tasks.map((x) => x.task.id).toSorted()).toEqual([...unit.taskIds].toSorted());
    for (const x of page.card.tasks) expect(page.roles.get(x.task.id)).toBe(x.role);
    expect(page.breadcrumbs.map((c) => c.label)).toEqual([ix.district.get(unit.district)!.name, '责任单位', unit.name]);
    expect(page.yearLabel({ district: unit.district, year: 2023 })).toBe(`${ix.district.get(unit.district)!.shortName}2023年`);
  });

  it('a leader: the tasks in their charge', () => {
    const leader = data.leaders[0]!;
    const page = leaderPage(ix, leader.id);
    expect(page.card.tasks.map((x) => x.task.id).toSorted()).toEqual([...leader.taskIds].toSorted());
    expect(page.breadcrumbs.at(-1)).toEqual({ label: leader.name });
  });
});

describe('breadcrumbs', () => {
  it('首页 goes first, except on the home page itself; no trail, no breadcrumbs', () => {
    expect(fullTrail([{ label: '搜索' }])).toEqual([{ label: '首页', href: '/' }, { label: '搜索' }]);
    expect(fullTrail([{ label: '首页' }])).toEqual([{ label: '首页' }]);
    expect(fullTrail([])).toEqual([]);
  });
});

describe('homePage and qualityPage', () => {
  it('home: every district with its report count and years; the five newest progress documents', () => {
    const page = homePage(ix, agg);
    expect(page.districts.map((x) => [x.district.id, x.reports])).toEqual(data.districts.map((d) => [d.id, data.reports.filter((r) => r.district === d.id).length]));
    expect(page.latest.every((r) => r.kind !== 'work-report')).toBe(true);
    const newest = data.reports.filter((r) => r.kind !== 'work-report').map((r) => r.year * 100 + r.periodEndMonth).toSorted((a, b) => b - a).slice(0, 5);
    expect(page.latest.map((r) => r.year * 100 + r.periodEndMonth)).toEqual(newest);
  });

  it('quality: every anomaly counted once by kind, and listed under its report', () => {
    const page = qualityPage(ix, agg);
    expect([...page.kinds.values()].reduce((a, b) => a + b, 0)).toBe(data.anomalies.length);
    expect(page.total).toBe(data.anomalies.length);
    expect(page.groups.map((g) => [g.r.id, g.count])).toEqual(data.reports.filter((r) => data.anomalies.some((a) => a.reportId === r.id)).toSorted((a, b) => ix.reports.indexOf(a) - ix.reports.indexOf(b)).map((r) => [r.id, data.anomalies.filter((a) => a.reportId === r.id).length]));
    for (const g of page.groups) {
      expect(g.summary.shown.length + g.summary.hidden).toBe(g.count);
      for (const a of g.summary.shown) expect(a.reportId).toBe(g.r.id);
    }
  });
});

describe.skipIf(!existsSync('generated/renderings'))('sourcePage (reads generated/renderings)', () => {
  it('a file’s lines, with the anomalies on their lines', () => {
    const r = data.reports.find((x) => data.anomalies.some((a) => a.reportId === x.id))!;
    const page = sourcePage(ix, [r.id]);
    expect(page.rendering.lines.length).toBeGreaterThan(0);
    for (const a of data.anomalies.filter((x) => x.reportId === r.id)) expect(page.anomalies.get(a.line)?.length).toBeGreaterThan(0);
    expect(page.breadcrumbs.at(-1)).toEqual({ label: '原文逐行' });
  });
});

describe('changesPage', () => {
  const page = changesPage(sortDataset(data), agg);
  const year = (district: string, y: number) => page.cadences.find((c) => c.district === district)!.years.find((x) => x.year === y)!;

  it('says how each year’s expected bulletins were worked out and which are in', () => {
    // 临淄 2023 has the September bulletin only: monthly, the other eleven months missing.
    expect([cadenceBasisText(year('linzi', 2023)), receivedText(year('linzi', 2023)), page.missingText(year('linzi', 2023))]).toEqual(['按月通报（据已收录的月度通报）', '9月', '1月至8月、10月至12月']);
    // 临淄 2020 has only the breakdown table; 张店 2021 only the work report.
    expect([cadenceBasisText(year('linzi', 2020)), receivedText(year('linzi', 2020))]).toEqual(['任务分解表列出的期别', '无']);
    expect(cadenceBasisText(year('zhangdian', 2021))).toBe('尚无通报，按季度推算');
  });

  it('names districts and keeps only the reports it has', () => {
    expect(page.districtName('linzi')).toBe('临淄区');
    expect(page.reports(['linzi-2023-m09', 'no-such-report']).map((r) => r.id)).toEqual(['linzi-2023-m09']);
  });
});

describe('dataPage', () => {
  const sorted = sortDataset(data);
  const page = dataPage(sorted, new Downloads(sorted, 'https://example.org/'));

  it('a row per district, year and report, each linking its four files', () => {
    const districts = page.scopes.filter((g) => g.kind === 'district');
    expect(districts.map((g) => g.label)).toEqual(sorted.districts.map((d) => `${d.name}（全部年度）`));
    expect(page.scopes.filter((g) => g.kind === 'report')).toHaveLength(sorted.reports.length);
    for (const g of page.scopes) {
      expect(g.cells).toHaveLength(4);
      // Every scope has its tasks and its JSON; a CSV cell says how many rows it holds.
      expect(g.cells[0]?.text).toMatch(/^\d+ 行$/);
      expect(g.cells[3]?.text).toBe('JSON');
    }
    const linzi2023 = page.scopes.find((g) => g.kind === 'year' && g.cells[0]?.href.includes('/linzi/2023/'))!;
    expect(linzi2023.label).toBe('2023年');
    expect(linzi2023.cells[0]?.text).toBe(`${sorted.tasks.filter((t) => t.district === 'linzi' && t.year === 2023).length} 行`);
  });

  it('the whole-dataset files first, measured; every source file listed', () => {
    expect(page.all?.files.every((f) => f.size !== undefined)).toBe(true);
    expect(page.sources.map((s) => s.report.id)).toEqual(sorted.reports.map((r) => r.id));
    expect(page.asOf).toBeDefined();
  });
});
