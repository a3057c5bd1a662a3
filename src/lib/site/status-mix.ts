// Status mixes for charts and tables, counted from rows so stated and inferred stay apart.
import type { StatusCount } from '../charts/types';
import { STATUS_LABELS, STATUS_ORDER, type Status, type StatusSource } from '~/lib/schema/status';
import { attentionOrder } from './attention';
import type { Task } from '../schema';
import type { SiteIndex } from '../dataset/site-index';
import { partRows } from './task-parts';

interface HasStatus {
  status: Status;
  statusSource: StatusSource;
}

/** Count rows by (status, inferred). Every status appears, zeros included, in STATUS_ORDER. */
export function statusMix(rows: Iterable<HasStatus>): StatusCount[] {
  const counts = new Map<string, number>();
  for (const r of rows) {
    const k = `${r.status}|${r.statusSource === 'inferred'}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return STATUS_ORDER.flatMap((status) =>
    [false, true].map((inferred) => ({ status, inferred, count: counts.get(`${status}|${inferred}`) ?? 0 })),
  ).filter((c) => !c.inferred || c.count > 0);
}

/** Tasks by their latest status; a task with parts counts each part (as the report page counts rows). */
export function taskMix(ix: SiteIndex, tasks: Iterable<Task>): StatusCount[] {
  return statusMix(partRows(ix, tasks));
}

/** What taskMix counted: tasks, or 项 when some task was counted by its parts (see partsNote). */
export function taskMixNoun(ix: SiteIndex, tasks: readonly Task[]): string {
  return partRows(ix, tasks).length === tasks.length ? '项任务' : '项';
}

/** The sentence under a chart that counted some task by its parts; undefined when none has parts. */
export function partsNote(ix: SiteIndex, tasks: readonly Task[]): string | undefined {
  const n = partRows(ix, tasks).length;
  return n === tasks.length ? undefined : `有子目标的任务按各部分（子目标行）分别计数，与报告页按表格行计数相同：${tasks.length} 项任务共计 ${n} 项。`;
}

/** Stated count of one status (the government's words only). */
export function stated(mix: StatusCount[], status: Status): number {
  return mix.filter((c) => c.status === status && !c.inferred).reduce((a, c) => a + c.count, 0);
}

export function inferredTotal(mix: StatusCount[]): number {
  return mix.filter((c) => c.inferred).reduce((a, c) => a + c.count, 0);
}

/**
 * Statuses a per-year scorecard table gives a column: 完成, 部分完成, 未完成 always, and any other stated status
 * (有序推进, 滞后, 暂缓实施…) that one of the rows has, in STATUS_ORDER.
 */
export function scorecardStatuses(mixes: StatusCount[][]): Status[] {
  const always: Status[] = ['done', 'partial', 'notDone'];
  const extra: Status[] = ['onTrack', 'behind', 'suspended'];
  return STATUS_ORDER.filter((s) => always.includes(s) || (extra.includes(s) && mixes.some((m) => stated(m, s) > 0)));
}

/**
 * Tasks grouped by status for a list: the stated status and the same status inferred are two groups
 * (推断·部分完成 apart from 部分完成). A task with parts is listed in the group of each of its parts'
 * statuses; `count` counts parts, as the chart above the list does.
 */
export function statusGroups(ix: SiteIndex, tasks: readonly Task[]): { key: string; status: Status; inferred: boolean; count: number; tasks: Task[] }[] {
  const groups = new Map<string, { key: string; status: Status; inferred: boolean; count: number; tasks: Task[] }>();
  for (const t of tasks) {
    for (const p of partRows(ix, [t])) {
      const inferred = p.statusSource === 'inferred';
      const key = inferred ? `${p.status}-inferred` : p.status;
      const g = groups.get(key) ?? { key, status: p.status, inferred, count: 0, tasks: [] };
      g.count++;
      if (g.tasks.at(-1) !== t) g.tasks.push(t);
      groups.set(key, g);
    }
  }
  const rank = (g: { status: Status; inferred: boolean }) => STATUS_ORDER.indexOf(g.status) * 2 + (g.inferred ? 1 : 0);
  return [...groups.values()].sort((a, b) => rank(a) - rank(b));
}

/** statusGroups in the order a reader looks for them (not done first, each stated group before its inferred one), each labelled (推断· marks inferred). */
export function statusGroupsForReaders(ix: SiteIndex, tasks: readonly Task[]) {
  const attention = attentionOrder();
  return statusGroups(ix, tasks)
    .sort((a, b) => attention.indexOf(a.status) - attention.indexOf(b.status) || Number(a.inferred) - Number(b.inferred))
    .map((g) => ({ ...g, label: g.inferred ? `推断·${STATUS_LABELS[g.status]}` : STATUS_LABELS[g.status] }));
}
