// Status mixes for charts and tables, counted from rows so stated and inferred stay apart.
import type { StatusCount } from '../charts/types';
import { STATUS_ORDER, type Status, type StatusSource } from '../schema/status';

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

/** Tasks by their latest status. */
export function taskMix(tasks: Iterable<{ latestStatus: Status; latestStatusSource: StatusSource }>): StatusCount[] {
  const rows: HasStatus[] = [];
  for (const t of tasks) rows.push({ status: t.latestStatus, statusSource: t.latestStatusSource });
  return statusMix(rows);
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
