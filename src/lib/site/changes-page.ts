// Everything /changes/ shows (src/pages/changes/index.astro): the reporting cadence of each district and
// what changed between consecutive reports of each district-year, from the published (sorted) dataset.
import type { Dataset, Report } from '../schema';
import type { GlobalAggregates } from '../schema/global-aggregates';
import { allCadences, foldSlots, type YearCadence } from '../opendata/cadence';
import type { DistrictYearChanges } from '../opendata/changes';
import { kindLabel } from '../opendata/scopes';
import { href, paths } from '../urls';

/** How a year's expected bulletins were worked out. */
export function cadenceBasisText(y: Pick<YearCadence, 'basis' | 'cadence'>): string {
  if (y.basis === 'observed') return y.cadence === 'monthly' ? '按月通报（据已收录的月度通报）' : '按季度通报（据已收录的季度通报）';
  return y.basis === 'breakdown' ? '任务分解表列出的期别' : '尚无通报，按季度推算';
}

/** The periods of a year whose bulletin is in the dataset (第一季度、第二季度), or 无. */
export function receivedText(y: Pick<YearCadence, 'year' | 'slots'>): string {
  return y.slots.filter((s) => s.reportIds.length).map((s) => s.label.replace(`${y.year}年`, '')).join('、') || '无';
}

/** /changes/ from the districts and reports (in published order) and the changes counted in the global aggregates. */
export function changesPage(d: Pick<Dataset, 'districts' | 'reports'>, agg: Pick<GlobalAggregates, 'changes'>) {
  const name = new Map(d.districts.map((x) => [x.id, x.name]));
  const reportById = new Map(d.reports.map((r) => [r.id, r]));
  const report = (id: string): Report => reportById.get(id)!;
  const changes: DistrictYearChanges[] = agg.changes.map(({ district, year, reportIds, pairs }) => ({
    district,
    year,
    reports: reportIds.map(report),
    pairs: pairs.map(({ fromId, toId, ...rest }) => ({ from: report(fromId), to: report(toId), ...rest })),
  }));
  return {
    changes,
    cadences: allCadences(d),
    districtName: (id: string) => name.get(id),
    /** The reports of these ids that are in the dataset. */
    reports: (ids: readonly string[]) => ids.flatMap((id) => reportById.get(id) ?? []),
    taskHref: (id: string, district: string, year: number) => href(paths.task({ id, district, year })),
    /** A report as this page names it: the work report by kind, a bulletin by period and kind. */
    reportName: (r: { periodLabel: string; kind: 'work-report' | 'breakdown' | 'progress' }) => (r.kind === 'work-report' ? kindLabel(r) : `${r.periodLabel}${kindLabel(r)}`),
    missingText: (y: Pick<YearCadence, 'missing'>) => foldSlots(y.missing),
  };
}
