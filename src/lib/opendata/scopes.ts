// Download scopes: the whole dataset, each district, each district-year, each report. Each scope
// gets CSV tables and one JSON file; this module decides which entities belong to which scope and
// where its files live (all paths relative to /data/).
import type { Report } from '../schema';
import type { Dataset } from '../schema';
import type { TableName } from './tables';

export interface Scope {
  /** Directory under data/, e.g. "all", "linzi", "linzi/2023", "linzi/2023/m09". */
  dir: string;
  kind: 'all' | 'district' | 'year' | 'report';
  /** Chinese label, e.g. 临淄区 2023年 9月通报. */
  label: string;
  district?: string;
  year?: number;
  reportId?: string;
  /** The slice of the dataset this scope holds. Tables not listed are not written for the scope. */
  data: Partial<Dataset>;
}

/** Tables written as CSV per scope kind: the whole dataset has everything; smaller scopes the rows a reader filters. */
export const SCOPE_TABLES: Record<Scope['kind'], TableName[]> = {
  all: ['districts', 'reports', 'tasks', 'progress', 'indicators', 'units', 'leaders', 'anomalies'],
  district: ['reports', 'tasks', 'progress', 'indicators', 'anomalies'],
  year: ['reports', 'tasks', 'progress', 'indicators', 'anomalies'],
  report: ['reports', 'tasks', 'progress', 'indicators', 'anomalies'],
};

function groupBy<T>(xs: T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = m.get(k);
    if (list) list.push(x);
    else m.set(k, [x]);
  }
  return m;
}

/**
 * Every scope, in a fixed order. The dataset must already be sorted (sortDataset). Each collection is
 * grouped once, so slicing costs O(rows), not O(scopes × rows).
 */
export function scopesOf(d: Dataset): Scope[] {
  const dy = (x: { district: string; year: number }) => `${x.district}|${x.year}`;
  const reportsBy = { district: groupBy(d.reports, (r) => r.district), year: groupBy(d.reports, dy) };
  const tasksBy = { district: groupBy(d.tasks, (t) => t.district), year: groupBy(d.tasks, dy) };
  const progressBy = { district: groupBy(d.progress, (p) => p.district), year: groupBy(d.progress, dy), report: groupBy(d.progress, (p) => p.reportId) };
  const anomaliesByReport = groupBy(d.anomalies, (a) => a.reportId);
  // An indicator belongs to the year it is about (a 2021 work report's 2020 actuals go to 2020) and to the report that states it.
  const indicatorsBy = { district: groupBy(d.indicators, (p) => p.district), year: groupBy(d.indicators, dy), report: groupBy(d.indicators, (p) => p.reportId) };
  const task = new Map(d.tasks.map((t) => [t.id, t]));
  const anomaliesOf = (reports: Report[]) => reports.flatMap((r) => anomaliesByReport.get(r.id) ?? []);

  const scopes: Scope[] = [{ dir: 'all', kind: 'all', label: '全部数据', data: d }];
  for (const district of d.districts) {
    const reports = reportsBy.district.get(district.id) ?? [];
    if (reports.length === 0) continue;
    scopes.push({
      dir: district.id, kind: 'district', label: district.name, district: district.id,
      data: { reports, tasks: tasksBy.district.get(district.id) ?? [], progress: progressBy.district.get(district.id) ?? [], indicators: indicatorsBy.district.get(district.id) ?? [], anomalies: anomaliesOf(reports) },
    });
    for (const year of [...new Set(reports.map((r) => r.year))].sort((a, b) => a - b)) {
      const key = `${district.id}|${year}`;
      const yearReports = reportsBy.year.get(key) ?? [];
      scopes.push({
        dir: `${district.id}/${year}`, kind: 'year', label: `${district.name} ${year}年`, district: district.id, year,
        data: { reports: yearReports, tasks: tasksBy.year.get(key) ?? [], progress: progressBy.year.get(key) ?? [], indicators: indicatorsBy.year.get(key) ?? [], anomalies: anomaliesOf(yearReports) },
      });
      for (const r of yearReports) {
        scopes.push({
          dir: `${district.id}/${year}/${r.slug}`, kind: 'report', label: `${district.name} ${year}年 ${r.periodLabel}${kindLabel(r)}`,
          district: district.id, year, reportId: r.id,
          data: { reports: [r], tasks: r.taskIds.map((id) => task.get(id)).filter((t) => t !== undefined), progress: progressBy.report.get(r.id) ?? [], indicators: indicatorsBy.report.get(r.id) ?? [], anomalies: anomaliesOf([r]) },
        });
      }
    }
  }
  return scopes;
}

export function kindLabel(r: Pick<Report, 'kind'>): string {
  return r.kind === 'work-report' ? '政府工作报告' : r.kind === 'breakdown' ? '任务目标分解表' : '完成情况通报';
}

/** Path of a scope's file relative to data/, e.g. "linzi/2023/m09/progress.csv". */
export const scopeFile = (scope: Pick<Scope, 'dir'>, file: string) => `${scope.dir}/${file}`;
/** Base-relative directory of a report's downloads (for links from the report page). */
export const reportDataDir = (r: Pick<Report, 'district' | 'year' | 'slug'>) => `data/${r.district}/${r.year}/${r.slug}/`;
