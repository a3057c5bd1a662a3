// Everything a district page shows (src/pages/[district]/): its years, the status of each report over
// time, its documents and the units that lead the most tasks.
import { districtTimeline } from '../charts';
import { dyKey, type SiteIndex } from '../dataset/site-index';
import type { Crumb } from './breadcrumbs';
import { reportAxisLabel } from './labels';
import { topUnits } from './scorecard';
import { statusMix } from './status-mix';

export function districtPage(ix: SiteIndex, id: string) {
  const district = ix.district.get(id);
  if (!district) throw new Error(`districtPage: 没有代码为 ${id} 的区县。`);
  const reports = ix.reportsByDistrict.get(id) ?? [];
  const withRows = reports.filter((r) => (ix.rowsByReport.get(r.id)?.length ?? 0) > 0);
  return {
    district,
    breadcrumbs: [{ label: district.name }] as Crumb[],
    reports,
    years: (ix.yearsByDistrict.get(id) ?? []).map((year) => ({
      year,
      tasks: (ix.tasksByDistrictYear.get(dyKey(id, year)) ?? []).length,
      reports: (ix.reportsByDistrictYear.get(dyKey(id, year)) ?? []).length,
    })),
    /** The status mix of every report with rows, in time order. */
    timeline: districtTimeline(withRows.map((r) => ({ label: reportAxisLabel(r), counts: statusMix(ix.rowsByReport.get(r.id) ?? []) })), { id: 'district-timeline' }),
    topUnits: topUnits(ix, id, 10),
  };
}
