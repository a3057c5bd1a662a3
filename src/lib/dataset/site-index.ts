// The dataset, indexed once per build (or once per test). Every page looks things up here in O(1)
// instead of filtering whole collections (which would make the build quadratic in the number of pages).
// The collections keep the order they were read in, except reports and tasks, which are put in the one
// order of order.ts.
import type { Anomaly, Dataset, District, Leader, Progress, Report, Task, Unit, UnitRole } from '../schema';
import { cmp, reportOrder, taskOrder } from './order';

export interface SiteIndex extends Dataset {
  district: Map<string, District>;
  report: Map<string, Report>;
  task: Map<string, Task>;
  progressById: Map<string, Progress>;
  unit: Map<string, Unit>;
  leader: Map<string, Leader>;
  /** Reports of a district in time order (year, then the last month covered). */
  reportsByDistrict: Map<string, Report[]>;
  /** Years of a district, ascending. */
  yearsByDistrict: Map<string, number[]>;
  /** `${district}-${year}` → tasks by number. */
  tasksByDistrictYear: Map<string, Task[]>;
  reportsByDistrictYear: Map<string, Report[]>;
  /** Rows of a report in table order (numbered and sub-target rows). */
  rowsByReport: Map<string, Progress[]>;
  /** `${reportId}#${number}` → the sub-target rows (subIndex > 0) under that numbered row. */
  subRows: Map<string, Progress[]>;
  anomaliesByReport: Map<string, Anomaly[]>;
  /** `${unitId}|${taskId}` → the role printed in the latest report that names the unit for the task. */
  unitRole: Map<string, UnitRole>;
  unitsByDistrict: Map<string, Unit[]>;
}

export const dyKey = (district: string, year: number) => `${district}-${year}`;

function push<K, V>(m: Map<K, V[]>, k: K, v: V) {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

const byId = <T extends { id: string }>(xs: T[]) => new Map(xs.map((x) => [x.id, x]));

export function indexDataset(data: Dataset): SiteIndex {
  const reports = [...data.reports].sort(reportOrder);
  const tasks = [...data.tasks].sort(taskOrder);
  const reportsByDistrict = new Map<string, Report[]>();
  const reportsByDistrictYear = new Map<string, Report[]>();
  for (const r of reports) {
    push(reportsByDistrict, r.district, r);
    push(reportsByDistrictYear, dyKey(r.district, r.year), r);
  }
  const tasksByDistrictYear = new Map<string, Task[]>();
  for (const t of tasks) push(tasksByDistrictYear, dyKey(t.district, t.year), t);
  const yearsByDistrict = new Map<string, number[]>();
  for (const key of new Set([...reportsByDistrictYear.keys(), ...tasksByDistrictYear.keys()])) {
    const i = key.lastIndexOf('-');
    push(yearsByDistrict, key.slice(0, i), Number(key.slice(i + 1)));
  }
  for (const ys of yearsByDistrict.values()) ys.sort((a, b) => a - b);

  const progressById = byId(data.progress);
  const rowsByReport = new Map<string, Progress[]>();
  const subRows = new Map<string, Progress[]>();
  for (const r of reports) {
    const rows = r.progressIds.map((id) => progressById.get(id)).filter((p): p is Progress => !!p);
    rowsByReport.set(r.id, rows);
    for (const p of rows) if (p.subIndex > 0) push(subRows, `${p.reportId}#${p.number}`, p);
  }
  const anomaliesByReport = new Map<string, Anomaly[]>();
  for (const a of [...data.anomalies].sort((a, b) => cmp(a.file, b.file) || a.line - b.line)) push(anomaliesByReport, a.reportId, a);

  // Roles: walk each task's rows in time order so the latest report naming a unit wins.
  const reportRank = new Map(reports.map((r, i) => [r.id, i]));
  const unitRole = new Map<string, UnitRole>();
  const rowsInTime = [...data.progress].sort((a, b) => (reportRank.get(a.reportId) ?? 0) - (reportRank.get(b.reportId) ?? 0));
  for (const p of rowsInTime) for (const u of p.units) unitRole.set(`${u.unitId}|${p.taskId}`, u.role);
  for (const t of tasks) for (const u of t.leadUnitIds) if (!unitRole.has(`${u}|${t.id}`)) unitRole.set(`${u}|${t.id}`, 'lead');

  const unitsByDistrict = new Map<string, Unit[]>();
  for (const u of data.units) push(unitsByDistrict, u.district, u);

  return {
    ...data,
    unitsByDistrict,
    reports,
    tasks,
    district: byId(data.districts),
    report: byId(reports),
    task: byId(tasks),
    progressById,
    unit: byId(data.units),
    leader: byId(data.leaders),
    reportsByDistrict,
    yearsByDistrict,
    tasksByDistrictYear,
    reportsByDistrictYear,
    rowsByReport,
    subRows,
    anomaliesByReport,
    unitRole,
  };
}

/** The numbered rows of a task in time order, each with the sub-target rows printed under it. */
export function taskHistory(ix: SiteIndex, task: Task): { row: Progress; report: Report | undefined; subs: Progress[] }[] {
  return task.progressIds
    .map((id) => ix.progressById.get(id))
    .filter((p): p is Progress => !!p)
    .map((row) => ({ row, report: ix.report.get(row.reportId), subs: ix.subRows.get(`${row.reportId}#${row.number}`) ?? [] }));
}
