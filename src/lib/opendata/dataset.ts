// The whole dataset as one value, so every open-data module is a pure function of it.
// Pages fill it from the content collections; tests fill it from generated/*.json.
import type { Dataset, District, Leader, Progress, Report, Task, Unit } from '../schema';

export type { Dataset } from '../schema';

export const DATASET_KEYS = ['districts', 'reports', 'tasks', 'progress', 'units', 'leaders', 'anomalies', 'indicators'] as const;
export type DatasetKey = (typeof DATASET_KEYS)[number];

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Reports in reading order: district, year, then the period they cover (work report first). */
function compareReports(a: Report, b: Report): number {
  return a.district.localeCompare(b.district, 'en') || a.year - b.year || a.periodEndMonth - b.periodEndMonth || byId(a, b);
}

/** A copy with every collection in a fixed order, so every file written from it has stable bytes. */
export function sortDataset(d: Dataset): Dataset {
  return {
    districts: [...d.districts].sort(byId),
    reports: [...d.reports].sort(compareReports),
    tasks: [...d.tasks].sort((a, b) => a.district.localeCompare(b.district, 'en') || a.year - b.year || a.number - b.number || byId(a, b)),
    // Progress keeps report order, then table order (number, sub-row).
    progress: [...d.progress].sort((a, b) => byId({ id: a.reportId }, { id: b.reportId }) || a.number - b.number || a.subIndex - b.subIndex || byId(a, b)),
    units: [...d.units].sort(byId),
    leaders: [...d.leaders].sort(byId),
    anomalies: [...d.anomalies].sort((a, b) => byId({ id: a.reportId }, { id: b.reportId }) || a.line - b.line || byId(a, b)),
    indicators: [...d.indicators].sort((a, b) => a.district.localeCompare(b.district, 'en') || a.year - b.year || byId(a, b)),
  };
}

/** Lookups the flatteners need. */
export interface DatasetIndex {
  district: Map<string, District>;
  report: Map<string, Report>;
  task: Map<string, Task>;
  unit: Map<string, Unit>;
  leader: Map<string, Leader>;
  /** Tasks with parts: the rows (numbered row and sub-target rows) of their latest report, in table order. */
  latestParts: Map<string, Progress[]>;
}

export function indexDataset(d: Dataset): DatasetIndex {
  const m = <T extends { id: string }>(xs: T[]) => new Map(xs.map((x) => [x.id, x]));
  const task = m(d.tasks);
  const latestParts = new Map<string, Progress[]>();
  for (const p of d.progress) {
    if (task.get(p.taskId)?.latestReportId !== p.reportId) continue;
    const rows = latestParts.get(p.taskId);
    if (rows) rows.push(p);
    else latestParts.set(p.taskId, [p]);
  }
  for (const [id, rows] of latestParts) {
    if (rows.length < 2) latestParts.delete(id);
    else rows.sort((a, b) => a.subIndex - b.subIndex);
  }
  return { district: m(d.districts), report: m(d.reports), task, unit: m(d.units), leader: m(d.leaders), latestParts };
}
