// "What changed" between consecutive reports of one district-year: tasks whose status changed, new
// and dropped tasks, and pledges whose wording changed (work report → breakdown → bulletins).
// Tasks are matched by task id (the same 序号 across bulletins), or through task.links (a work-report
// pledge and the bulletin task the linking step found to be the same pledge).
import { diffChars } from 'diff';
import type { Progress, Report, Status, StatusSource, Task } from '../schema';
import type { Dataset } from '../schema';

/** What one report says about one task (its numbered row). */
export interface TaskSnapshot {
  taskId: string;
  number: number;
  /** The pledge as this report prints it (plain text). */
  pledge: string;
  status: Status;
  statusSource: StatusSource;
  statusPhrase?: string;
  /** Source line of the row in this report. */
  line: number;
}

export interface ReportSnapshot { report: Report; tasks: TaskSnapshot[] }

export interface DiffPart { kind: 'same' | 'added' | 'removed'; text: string }

export interface PairChanges {
  from: Report;
  to: Report;
  statusChanged: { taskId: string; number: number; pledge: string; before: TaskSnapshot; after: TaskSnapshot }[];
  added: TaskSnapshot[];
  dropped: TaskSnapshot[];
  reworded: { taskId: string; number: number; before: TaskSnapshot; after: TaskSnapshot; diff: DiffPart[] }[];
  /** Tasks in both with the same status and wording. */
  unchanged: number;
}

/**
 * Wording is compared after removing what PDF/Word extraction changes without anyone rewording:
 * whitespace, and full-/half-width forms of the same punctuation and digits.
 */
export function normaliseWording(s: string): string {
  return s
    .normalize('NFKC') // full-width digits, letters and brackets → half-width
    .replace(/\s+/g, '')
    .replace(/[“”]/g, '"')
    .replace(/[‘’]/g, "'");
}

/** Reading order within a district-year: the work report sets the pledges, a breakdown plans them, bulletins follow by period. */
function compareInYear(a: Report, b: Report): number {
  const rank = (r: Report) => (r.kind === 'work-report' ? 0 : r.kind === 'breakdown' ? 1 : 2);
  return rank(a) - rank(b) || a.periodEndMonth - b.periodEndMonth || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The pledge text a progress row prints. Uses the row's own `pledge` when the ingest records it;
 * otherwise the task's pledge (as first printed) — then wording changes cannot be seen.
 */
function pledgeOfRow(p: Progress, task: Task | undefined): string {
  const own = (p as Progress & { pledge?: { text: string } }).pledge?.text;
  return own ?? task?.pledge.text ?? '';
}

export function snapshotOf(report: Report, progress: Progress[], tasks: Map<string, Task>): ReportSnapshot {
  const rows = progress.filter((p) => p.reportId === report.id && p.subIndex === 0);
  if (rows.length === 0 && report.kind === 'work-report') {
    // A work report has no table rows: its pledges are tasks of their own, printed at task.source.
    const own = report.taskIds.map((id) => tasks.get(id)).filter((t): t is Task => t !== undefined);
    return {
      report,
      tasks: own.map((t) => ({ taskId: t.id, number: t.number, pledge: t.pledge.text, status: t.latestStatus, statusSource: t.latestStatusSource, line: t.source.lines[0] })),
    };
  }
  return {
    report,
    tasks: rows.map((p) => ({
      taskId: p.taskId, number: p.number, pledge: pledgeOfRow(p, tasks.get(p.taskId)),
      status: p.status, statusSource: p.statusSource, statusPhrase: p.statusPhrase, line: p.source.lines[0],
    })),
  };
}

/** taskId → the task ids linked to it as the same pledge (symmetric). */
export type PledgeLinks = Map<string, string[]>;

function linksOf(tasks: Iterable<Task>): PledgeLinks {
  const m: PledgeLinks = new Map();
  for (const t of tasks) if (t.links?.length) m.set(t.id, t.links.map((l) => l.taskId));
  return m;
}

export function changesBetween(a: ReportSnapshot, b: ReportSnapshot, links: PledgeLinks = new Map()): PairChanges {
  const before = new Map(a.tasks.map((t) => [t.taskId, t]));
  const matched = new Set<string>();
  const out: PairChanges = { from: a.report, to: b.report, statusChanged: [], added: [], dropped: [], reworded: [], unchanged: 0 };
  for (const t of b.tasks) {
    const old = before.get(t.taskId) ?? (links.get(t.taskId) ?? []).map((id) => before.get(id)).find((x) => x && !matched.has(x.taskId));
    if (!old) { out.added.push(t); continue; }
    matched.add(old.taskId);
    let changed = false;
    if (old.status !== t.status || old.statusSource !== t.statusSource) {
      out.statusChanged.push({ taskId: t.taskId, number: t.number, pledge: t.pledge, before: old, after: t });
      changed = true;
    }
    if (normaliseWording(old.pledge) !== normaliseWording(t.pledge)) {
      const diff = diffChars(old.pledge, t.pledge).map((c): DiffPart => ({ kind: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value }));
      out.reworded.push({ taskId: t.taskId, number: t.number, before: old, after: t, diff });
      changed = true;
    }
    if (!changed) out.unchanged++;
  }
  for (const t of a.tasks) if (!matched.has(t.taskId)) out.dropped.push(t);
  return out;
}

export interface DistrictYearChanges {
  district: string;
  year: number;
  /** Reports of the district-year in reading order. */
  reports: Report[];
  /** One entry per consecutive pair; empty when the year has a single report. */
  pairs: PairChanges[];
}

export function allChanges(d: Dataset): DistrictYearChanges[] {
  const tasks = new Map(d.tasks.map((t) => [t.id, t]));
  const links = linksOf(d.tasks);
  const groups = Map.groupBy(d.reports, (r) => `${r.district}\u0000${r.year}`);
  // Each report's rows, found once: scanning every row for every report grew with reports × rows
  // (2.5 s of the build at 100× the seeds, where it was 25 ms at 1×).
  const rowsOf = Map.groupBy(d.progress, (p) => p.reportId);
  const out: DistrictYearChanges[] = [];
  for (const reports of groups.values()) {
    reports.sort(compareInYear);
    const snaps = reports.map((r) => snapshotOf(r, rowsOf.get(r.id) ?? [], tasks));
    const pairs = snaps.slice(1).map((s, i) => changesBetween(snaps[i]!, s, links));
    out.push({ district: reports[0]!.district, year: reports[0]!.year, reports, pairs });
  }
  return out.sort((x, y) => x.district.localeCompare(y.district, 'en') || x.year - y.year);
}
