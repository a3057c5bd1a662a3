// Download scopes: the whole dataset, each district, each district-year, each report. Each scope
// gets CSV tables and one JSON file; this module decides which entities belong to which scope and
// where its files live (all paths relative to /data/).
import type { Report } from '../schema';
import type { Dataset } from './dataset';
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
  all: ['districts', 'reports', 'tasks', 'progress', 'units', 'leaders', 'anomalies'],
  district: ['reports', 'tasks', 'progress', 'anomalies'],
  year: ['reports', 'tasks', 'progress', 'anomalies'],
  report: ['reports', 'tasks', 'progress', 'anomalies'],
};

function slice(d: Dataset, keep: { district: string; year?: number; report?: Report }): Partial<Dataset> {
  const inScope = (x: { district: string; year?: number }) => x.district === keep.district && (keep.year === undefined || x.year === keep.year);
  if (keep.report) {
    const r = keep.report;
    const taskIds = new Set(r.taskIds);
    return {
      reports: [r],
      tasks: d.tasks.filter((t) => taskIds.has(t.id)),
      progress: d.progress.filter((p) => p.reportId === r.id),
      anomalies: d.anomalies.filter((a) => a.reportId === r.id),
    };
  }
  const reports = d.reports.filter(inScope);
  const reportIds = new Set(reports.map((r) => r.id));
  return {
    reports,
    tasks: d.tasks.filter(inScope),
    progress: d.progress.filter(inScope),
    anomalies: d.anomalies.filter((a) => reportIds.has(a.reportId)),
  };
}

/** Every scope, in a fixed order. The dataset must already be sorted (sortDataset). */
export function scopesOf(d: Dataset): Scope[] {
  const name = new Map(d.districts.map((x) => [x.id, x.name]));
  const scopes: Scope[] = [{ dir: 'all', kind: 'all', label: '全部数据', data: d }];
  for (const district of d.districts) {
    const reports = d.reports.filter((r) => r.district === district.id);
    if (reports.length === 0) continue;
    scopes.push({ dir: district.id, kind: 'district', label: district.name, district: district.id, data: slice(d, { district: district.id }) });
    for (const year of [...new Set(reports.map((r) => r.year))].sort((a, b) => a - b)) {
      scopes.push({ dir: `${district.id}/${year}`, kind: 'year', label: `${district.name} ${year}年`, district: district.id, year, data: slice(d, { district: district.id, year }) });
      for (const r of reports.filter((x) => x.year === year)) {
        scopes.push({
          dir: `${district.id}/${year}/${r.slug}`, kind: 'report', label: `${name.get(r.district) ?? r.district} ${year}年 ${r.periodLabel}${kindLabel(r)}`,
          district: district.id, year, reportId: r.id, data: slice(d, { district: district.id, year, report: r }),
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
