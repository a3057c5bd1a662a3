// Page-data helpers (src/lib/site) on the real dataset: what the report, task, year and unit pages
// are built from.
import { beforeAll, describe, expect, it } from 'vitest';
import { bulletinRows, rowAnchor } from '../src/lib/site/bulletin';
import { reportTableRows } from '../src/lib/site/overview';
import { tasksByUnit, unitScorecard } from '../src/lib/site/scorecard';
import { statusDisplay } from '../src/lib/site/status-display';
import { stated, statusMix } from '../src/lib/site/status-mix';
import { STATUS_ORDER } from '../src/lib/schema';
import { taskTimelineEntries, taskUnits } from '../src/lib/site/task-page';
import { loadDataset } from './helpers/built-site';
import { indexDataset, taskHistory, type SiteIndex } from '~/lib/dataset/site-index';

describe('statusDisplay', () => {
  it('marks an inferred status and names the deciding phrase', () => {
    expect(statusDisplay('partial', 'inferred', '正在').text).toBe('推断：部分完成（依据“正在”）');
    // A partial verdict from a mix names both sides: what was not done and what tipped it to partial.
    expect(statusDisplay('partial', 'inferred', '未取得、暂未开工；竣工、正在').text).toBe('推断：部分完成（依据：未完成的“未取得、暂未开工”，已完成或在推进的“竣工、正在”）');
  });
  it('shows the government’s own word as printed', () => {
    expect(statusDisplay('transferred', 'stated', '已移交经开区').text).toBe('已移交经开区');
    expect(statusDisplay('done', 'stated', '完成').text).toBe('完成');
  });
  it('never words a status without a source as stated', () => {
    expect(statusDisplay('planned', 'none').text).toBe('计划（仅有目标）');
    expect(statusDisplay('unstated', 'none').text).toBe('未标注');
  });
});

describe('page data on the real dataset', () => {
  let ix: SiteIndex;
  beforeAll(() => {
    ix = indexDataset(loadDataset());
  });

  it('counts 临淄 2023-09 as 104 / 13 / 7 from its rows', () => {
    const mix = statusMix(ix.rowsByReport.get('linzi-2023-m09')!);
    expect([stated(mix, 'done'), stated(mix, 'partial'), stated(mix, 'notDone')]).toEqual([104, 13, 7]);
  });

  it('report index rows agree with the counts the ingest recorded', () => {
    for (const row of reportTableRows(ix)) {
      const c = row.report.statusCounts as Record<string, number>;
      for (const t of row.stated) expect(t.count, `${row.report.id} ${t.status}`).toBe(c[t.status]);
      const inf = row.report.inferredCounts as Record<string, number>;
      for (const t of row.inferred) expect(t.count, `${row.report.id} inferred ${t.status}`).toBe(inf[t.status]);
      // Every row counted once: stated, inferred or neither.
      const all = [...row.stated, ...row.inferred].reduce((a, t) => a + t.count, 0) + row.other;
      expect(all, row.report.id).toBe(row.report.rowCount);
      // A work report or a breakdown table reports no results: no zeros drawn for it.
      if (row.report.kind !== 'progress') expect([row.hasResults, row.stated, row.inferred], row.report.id).toEqual([false, [], []]);
    }
  });

  it('the bulletin has a cell for every source column on every row, with unique row anchors', () => {
    for (const r of ix.reports) {
      const rows = bulletinRows(ix, r);
      expect(rows.length, r.id).toBe(r.rowCount);
      const anchors = new Set(rows.map((x) => x.anchor));
      expect(anchors.size, r.id).toBe(rows.length);
      for (const x of rows) {
        expect(x.cells.length).toBeGreaterThanOrEqual(r.columns.length);
        const resultCol = r.columns.findIndex((c) => c.key === 'result');
        if (resultCol >= 0) expect(x.cells[resultCol]!.html).toBe(x.row.result?.html ?? '');
        const numCol = r.columns.findIndex((c) => c.key === 'number');
        if (numCol >= 0) expect(x.cells[numCol]!.html).toBe(x.row.subIndex === 0 ? String(x.row.number) : '');
      }
    }
  });

  it('keeps sub-target rows under their numbered row (zhangdian-2020-015)', () => {
    const t = ix.task.get('zhangdian-2020-015')!;
    const [entry] = taskHistory(ix, t);
    expect(entry!.subs.map((s) => s.subIndex)).toEqual([1, 2, 3]);
    expect(entry!.row.statusPhrase).toBe('已移交齐鲁化工区');
    expect(entry!.subs.map(rowAnchor)).toEqual(['row-15-s1', 'row-15-s2', 'row-15-s3']);
  });

  it('prints 000’s sub-goals (a merged cell without a header) in the pledge column', () => {
    const r = ix.report.get('zhangdian-2020-q2')!;
    const pledgeCol = r.columns.findIndex((c) => c.key === 'pledge');
    const rows = bulletinRows(ix, r).filter((x) => x.row.subGoal);
    expect(rows.length).toBeGreaterThan(0);
    for (const x of rows) expect(x.cells[pledgeCol]!.html, x.anchor).toContain(x.row.subGoal!.html);
  });

  it('lists a task’s units with roles and printed forms (linzi-2023-001)', () => {
    const units = taskUnits(ix, ix.task.get('linzi-2023-001')!);
    expect(units[0]!.name).toBe('区发改局');
    expect(units[0]!.role).toBe('lead');
    const stats = units.find((u) => u.name === '区统计局');
    expect(stats?.role).toBe('data');
  });

  it('unit scorecards split tasks into led / assisted / listed that add up', () => {
    let led = 0;
    for (const u of ix.units) {
      const card = unitScorecard(ix, u.id);
      expect(card.led + card.assisted + card.listed, u.id).toBe(u.taskIds.length);
      expect(card.rows.reduce((a, r) => a + r.total, 0)).toBe(u.taskIds.length);
      led += card.led;
    }
    // Only units printed with 牵头 lead (a sole unit is a 责任单位): 临淄 marks a few dozen.
    expect(led).toBeGreaterThan(20);
  });

  it('groups a year by lead unit, every task in at least one group', () => {
    const tasks = ix.tasksByDistrictYear.get('linzi-2023')!;
    const { byLead, groups } = tasksByUnit(ix, tasks);
    expect(byLead).toBe(true);
    const seen = new Set(groups.flatMap((g) => g.tasks.map((t) => t.id)));
    expect(seen.size).toBe(tasks.length);
  });

  it('tasks without a marked lead count under every listed unit (张店 2020 lost its bold marking)', () => {
    const tasks = ix.tasksByDistrictYear.get('zhangdian-2020')!;
    const { unmarked, groups } = tasksByUnit(ix, tasks);
    const noLead = tasks.filter((t) => t.leadUnitIds.length === 0 && t.unitIds.length > 0);
    expect(unmarked).toBe(noLead.length);
    expect(unmarked).toBeGreaterThan(0);
    for (const t of noLead) for (const u of t.unitIds) expect(groups.find((g) => g.unitId === u)!.tasks).toContain(t);
  });

  it('task timelines follow report time order and keep inferred apart', () => {
    const inferredTask = ix.tasks.find((t) => t.latestStatusSource === 'inferred')!;
    const entries = taskTimelineEntries(ix, inferredTask);
    expect(entries.at(-1)!.inferred).toBe(true);
  });
});
