// Everything a district-year page shows (src/pages/[district]/[year]/): the tasks by latest status, not
// done first, and by unit; the charts; whether there is any result to count at all.
import { statusStack, unitBars } from '~/lib/charts';
import { dyKey, type SiteIndex } from '~/lib/dataset/site-index';
import { districtCrumb, type Crumb } from './breadcrumbs';
import { tasksByUnit } from './scorecard';
import { partsNote, statusGroupsForReaders, taskMix, taskMixNoun } from './status-mix';

export function yearPage(ix: SiteIndex, districtId: string, year: number) {
  const district = ix.district.get(districtId);
  if (!district) throw new Error(`yearPage: 没有代码为 ${districtId} 的区县。`);
  const tasks = ix.tasksByDistrictYear.get(dyKey(districtId, year)) ?? [];
  const reports = ix.reportsByDistrictYear.get(dyKey(districtId, year)) ?? [];
  // Not done and partly done first: what a reader came to find is one tap away, with counts.
  const byStatus = statusGroupsForReaders(ix, tasks);
  const { byLead, unmarked, groups } = tasksByUnit(ix, tasks);
  const showUnits = groups.some((g) => g.unitId);
  return {
    district,
    year,
    title: `${district.name}${year}年目标任务`,
    breadcrumbs: [districtCrumb(district.id, district.name), { label: `${year}年` }] as Crumb[],
    tasks,
    reports,
    // A year whose documents list only targets (a work report, a breakdown table) has no status to count:
    // the page says so rather than draw charts of zeros.
    hasResults: reports.some((r) => r.kind === 'progress'),
    mix: statusStack(taskMix(ix, tasks), { id: 'year-mix', noun: taskMixNoun(ix, tasks) }),
    partsNote: partsNote(ix, tasks),
    byStatus,
    jump: byStatus.map((g) => ({ status: g.status, label: g.label, count: g.tasks.length, inferred: 0, href: `#status-${g.key}` })),
    /** Tasks by lead unit (or by any unit when the year's documents mark no lead). */
    byLead,
    unmarked,
    unitGroups: groups,
    showUnits,
    unitBars: showUnits ? unitBars(groups.map((g) => ({ label: g.name, counts: taskMix(ix, g.tasks) })), { id: 'year-units' }) : undefined,
  };
}
