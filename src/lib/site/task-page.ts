// Everything a task page shows beyond the task itself: units with roles, leaders, the timeline,
// other tasks of the same units and similar pledges in other years.
import type { TaskTimelineEntry } from '../charts';
import type { LeaderRef, Report, Task, UnitRef } from '../schema';
import type { SiteIndex } from '../dataset/site-index';
import { dyKey, taskHistory } from '../dataset/site-index';
import { districtCrumb, yearCrumb, type Crumb } from './breadcrumbs';
import { clip, reportAxisLabel, taskLabel } from './labels';
import type { SimilarHit } from './similar';
import { latestSentence } from './task-latest';
import { yearCadence, type YearCadence } from '../opendata/cadence';

/** Each district-year's reporting cadence, worked out once per index: all of the year's task pages ask for it. */
const cadences = new WeakMap<SiteIndex, Map<string, YearCadence>>();
function cadenceOf(ix: SiteIndex, district: string, year: number, yearReports: Report[]): YearCadence {
  let byYear = cadences.get(ix);
  if (!byYear) cadences.set(ix, (byYear = new Map()));
  const key = dyKey(district, year);
  let c = byYear.get(key);
  if (!c) byYear.set(key, (c = yearCadence(district, year, yearReports)));
  return c;
}

/** Units named for the task across its reports; the latest report's role wins; every printed form kept. */
type History = ReturnType<typeof taskHistory>;

export function taskUnits(ix: SiteIndex, task: Task, history: History = taskHistory(ix, task)): (UnitRef & { printedForms: string[] })[] {
  const byId = new Map<string, UnitRef & { printedForms: string[] }>();
  for (const { row, subs } of history) {
    for (const u of [...row.units, ...subs.flatMap((s) => s.units)]) {
      const prev = byId.get(u.unitId);
      const forms = new Set([...(prev?.printedForms ?? []), u.printed]);
      byId.set(u.unitId, { ...u, printedForms: [...forms] });
    }
  }
  const order = { lead: 0, assist: 1, data: 2, unmarked: 3 } as const;
  return [...byId.values()].sort((a, b) => order[a.role] - order[b.role]);
}

export function taskLeaders(ix: SiteIndex, task: Task, history: History = taskHistory(ix, task)): (LeaderRef & { printedForms: string[] })[] {
  const byId = new Map<string, LeaderRef & { printedForms: string[] }>();
  for (const { row } of history) {
    for (const l of row.leaders) {
      const prev = byId.get(l.leaderId);
      byId.set(l.leaderId, { ...l, printedForms: [...new Set([...(prev?.printedForms ?? []), l.printed])] });
    }
  }
  return [...byId.values()];
}

/** Leader names printed for the task that match no known person: as printed, with the anomaly that flags them. */
export function taskUncertainLeaders(ix: SiteIndex, task: Task, history: History = taskHistory(ix, task)): { printed: string; anomalyId: string }[] {
  const seen = new Map<string, { printed: string; anomalyId: string }>();
  for (const { row } of history) for (const l of row.uncertainLeaders ?? []) if (!seen.has(l.printed)) seen.set(l.printed, l);
  return [...seen.values()];
}

export function taskTimelineEntries(ix: SiteIndex, task: Task, history: History = taskHistory(ix, task)): TaskTimelineEntry[] {
  return history.map(({ row, report }) => ({
    label: report ? reportAxisLabel(report) : [String(row.year), ''],
    status: row.status,
    inferred: row.statusSource === 'inferred',
  }));
}

/** Each unit's tasks by district-year, in the unit's order, worked out once per index and unit. */
const unitYears = new WeakMap<SiteIndex, Map<string, Map<string, Task[]>>>();
function unitTasksOfYear(ix: SiteIndex, unitId: string, district: string, year: number): readonly Task[] {
  let units = unitYears.get(ix);
  if (!units) unitYears.set(ix, (units = new Map()));
  let byYear = units.get(unitId);
  if (!byYear) {
    units.set(unitId, (byYear = new Map()));
    for (const id of ix.unit.get(unitId)?.taskIds ?? []) {
      const t = ix.task.get(id);
      if (!t) continue;
      const key = dyKey(t.district, t.year);
      const list = byYear.get(key);
      if (list) list.push(t);
      else byYear.set(key, [t]);
    }
  }
  return byYear.get(dyKey(district, year)) ?? [];
}

/** Other tasks of the same district-year sharing a lead unit (or any unit when none is marked). */
export function sameUnitTasks(ix: SiteIndex, task: Task, limit = 8): { unitId: string; name: string; tasks: Task[] }[] {
  const ids = task.leadUnitIds.length ? task.leadUnitIds : task.unitIds;
  return ids
    .map((unitId) => {
      const unit = ix.unit.get(unitId);
      // A unit can name thousands of tasks across years: every page of a year looks only at that year's.
      const tasks: Task[] = [];
      for (const t of unitTasksOfYear(ix, unitId, task.district, task.year)) {
        if (tasks.length >= limit) break;
        if (t.id !== task.id) tasks.push(t);
      }
      return { unitId, name: unit?.name ?? unitId, tasks };
    })
    .filter((g) => g.tasks.length > 0);
}

/** Everything the task page shows, worked out from the index (src/pages/[district]/[year]/tasks/[task]/). */
export function taskPage(ix: SiteIndex, id: string, similarHits: readonly SimilarHit[] = []) {
  const task = ix.task.get(id);
  if (!task) throw new Error(`taskPage: 没有编号为 ${id} 的任务。`);
  const districtName = ix.district.get(task.district)?.name ?? task.district;
  const history = taskHistory(ix, task);
  const latestReport = ix.report.get(task.latestReportId);
  // The task's own row of its latest report (not a sub-target row), for the first sentence.
  const latestRow = history.find((h) => h.row.reportId === task.latestReportId)?.row;
  const rowCount = history.reduce((n, h) => n + 1 + h.subs.length, 0);
  const yearReports = ix.reportsByDistrictYear.get(dyKey(task.district, task.year)) ?? [];
  const title = `${districtName}${task.year}年${taskLabel(task)}${task.title ? `：${task.title}` : '任务'}`;
  const withTask = <T extends { taskId: string }>(xs: readonly T[]) => xs.flatMap((x) => {
    const t = ix.task.get(x.taskId);
    return t ? [{ ...x, task: t }] : [];
  });
  return {
    task,
    title,
    /** The <title>: a task without a title of its own is named by the start of its pledge. */
    pageTitle: task.title ? title : `${title}：${clip(task.pledge.text, 24)}`,
    description: clip(task.pledge.text, 120),
    breadcrumbs: [districtCrumb(task.district, districtName), yearCrumb(task.district, task.year), { label: taskLabel(task) }] as Crumb[],
    latestReport,
    latestSentence: latestSentence(task, latestReport, latestRow, yearReports, cadenceOf(ix, task.district, task.year, yearReports)),
    history,
    progressHeading: `进展记录（${rowCount === history.length ? history.length : `${history.length} 份文件，${rowCount} 行：子目标行各计一行`}）`,
    /** Status by report, drawn when there are two or more. */
    timeline: history.length > 1 ? taskTimelineEntries(ix, task, history) : undefined,
    units: taskUnits(ix, task, history),
    leaders: taskLeaders(ix, task, history),
    uncertain: taskUncertainLeaders(ix, task, history),
    sameUnit: sameUnitTasks(ix, task),
    linked: withTask(task.links ?? []),
    similar: withTask(similarHits.map((h) => ({ ...h, taskId: h.id }))),
  };
}

export type TaskPage = ReturnType<typeof taskPage>;
