// Everything a task page shows beyond the task itself: units with roles, leaders, the timeline,
// other tasks of the same units and similar pledges in other years.
import type { TaskTimelineEntry } from '../charts';
import type { LeaderRef, Task, UnitRef } from '../schema';
import type { SiteIndex } from '../dataset/site-index';
import { taskHistory } from '../dataset/site-index';
import { reportAxisLabel } from './labels';

/** Units named for the task across its reports; the latest report's role wins; every printed form kept. */
export function taskUnits(ix: SiteIndex, task: Task): (UnitRef & { printedForms: string[] })[] {
  const byId = new Map<string, UnitRef & { printedForms: string[] }>();
  for (const { row, subs } of taskHistory(ix, task)) {
    for (const u of [...row.units, ...subs.flatMap((s) => s.units)]) {
      const prev = byId.get(u.unitId);
      const forms = new Set([...(prev?.printedForms ?? []), u.printed]);
      byId.set(u.unitId, { ...u, printedForms: [...forms] });
    }
  }
  const order = { lead: 0, assist: 1, data: 2, unmarked: 3 } as const;
  return [...byId.values()].sort((a, b) => order[a.role] - order[b.role]);
}

export function taskLeaders(ix: SiteIndex, task: Task): (LeaderRef & { printedForms: string[] })[] {
  const byId = new Map<string, LeaderRef & { printedForms: string[] }>();
  for (const { row } of taskHistory(ix, task)) {
    for (const l of row.leaders) {
      const prev = byId.get(l.leaderId);
      byId.set(l.leaderId, { ...l, printedForms: [...new Set([...(prev?.printedForms ?? []), l.printed])] });
    }
  }
  return [...byId.values()];
}

/** Leader names printed for the task that match no known person: as printed, with the anomaly that flags them. */
export function taskUncertainLeaders(ix: SiteIndex, task: Task): { printed: string; anomalyId: string }[] {
  const seen = new Map<string, { printed: string; anomalyId: string }>();
  for (const { row } of taskHistory(ix, task)) for (const l of row.uncertainLeaders ?? []) if (!seen.has(l.printed)) seen.set(l.printed, l);
  return [...seen.values()];
}

export function taskTimelineEntries(ix: SiteIndex, task: Task): TaskTimelineEntry[] {
  return taskHistory(ix, task).map(({ row, report }) => ({
    label: report ? reportAxisLabel(report) : [String(row.year), ''],
    status: row.status,
    inferred: row.statusSource === 'inferred',
  }));
}

/** Other tasks of the same district-year sharing a lead unit (or any unit when none is marked). */
export function sameUnitTasks(ix: SiteIndex, task: Task, limit = 8): { unitId: string; name: string; tasks: Task[] }[] {
  const ids = task.leadUnitIds.length ? task.leadUnitIds : task.unitIds;
  return ids
    .map((unitId) => {
      const unit = ix.unit.get(unitId);
      const tasks: Task[] = [];
      // A unit can name thousands of tasks across years: stop at the limit instead of filtering them all.
      for (const id of unit?.taskIds ?? []) {
        if (tasks.length >= limit) break;
        const t = id === task.id ? undefined : ix.task.get(id);
        if (t && t.district === task.district && t.year === task.year) tasks.push(t);
      }
      return { unitId, name: unit?.name ?? unitId, tasks };
    })
    .filter((g) => g.tasks.length > 0);
}
