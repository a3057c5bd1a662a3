// A task with parts (a numbered row and the sub-target rows under it, zhangdian-2020-015) has a status per
// part. Its headline shows the mix of the latest report's parts (完成 3 · 已移交齐鲁化工区 1), never the
// first part's status alone, and counts are of parts, as the report page counts table rows.
import type { Progress, Status, StatusSource, Task } from '../schema';
import type { SiteIndex } from '../dataset/site-index';

/** The latest report's rows of the task: the numbered row, then its sub-target rows. */
export function latestParts(ix: SiteIndex, task: Task): Progress[] {
  const row = ix.progressById.get(task.progressIds.at(-1) ?? '');
  if (!row) return [];
  return [row, ...(ix.subRows.get(`${row.reportId}#${row.number}`) ?? [])];
}

export interface PartsGroup {
  status: Status;
  source: StatusSource;
  /** Stated: the word as printed (已移交齐鲁化工区); inferred: every deciding phrase of the group's parts. */
  phrase?: string;
  count: number;
}

/** Parts grouped by what a reader sees: status, stated or inferred, and the printed word. First-seen order. */
export function partsMix(parts: readonly Progress[]): PartsGroup[] {
  const groups = new Map<string, PartsGroup>();
  for (const p of parts) {
    const key = `${p.status}|${p.statusSource}|${p.statusSource === 'stated' ? p.statusPhrase ?? '' : ''}`;
    const g = groups.get(key);
    if (g) {
      g.count++;
      if (p.statusSource === 'inferred' && p.statusPhrase) g.phrase = g.phrase ? `${g.phrase}；${p.statusPhrase}` : p.statusPhrase;
    } else {
      groups.set(key, { status: p.status, source: p.statusSource, ...(p.statusPhrase ? { phrase: p.statusPhrase } : {}), count: 1 });
    }
  }
  return [...groups.values()];
}

/** Every part of the tasks' latest reports, for counting by status the way the report page does. */
export function partRows(ix: SiteIndex, tasks: Iterable<Task>): { status: Status; statusSource: StatusSource }[] {
  const out: { status: Status; statusSource: StatusSource }[] = [];
  for (const t of tasks) {
    const parts = latestParts(ix, t);
    if (parts.length === 0) out.push({ status: t.latestStatus, statusSource: t.latestStatusSource });
    else for (const p of parts) out.push(p);
  }
  return out;
}

/** Whether the source stops short in any cell of the task's rows (RichText.truncated). */
export function taskCutOff(ix: SiteIndex, task: Task): boolean {
  if (task.pledge.truncated) return true;
  return task.progressIds.some((id) => {
    const row = ix.progressById.get(id);
    if (!row) return false;
    return [row, ...(ix.subRows.get(`${row.reportId}#${row.number}`) ?? [])].some((p) =>
      [p.pledge, p.subGoal, p.result, ...p.targets.map((t) => t.text)].some((c) => c?.truncated));
  });
}

/** The anomaly that records where the source stops short in a row (its quality-page anchor), if any. */
export function cutOffAnomalyId(ix: SiteIndex, row: Progress): string | undefined {
  const [a, b] = row.source.lines;
  return (ix.anomaliesByReport.get(row.reportId) ?? []).find((x) => (x.kind === 'row-cut-off' || x.kind === 'truncated-cell') && x.line >= a && x.line <= b)?.id;
}
