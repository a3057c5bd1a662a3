// The lists a reader can browse without JavaScript: each district-year's tasks and each unit's tasks.
import type { District, Task, Unit } from '../schema';
import { paths } from '../urls';

export interface BrowseLinks {
  years: { label: string; path: string; count: number }[];
  units: { district: string; items: { label: string; path: string; count: number }[] }[];
}

export function browseLinks(districts: District[], tasks: Task[], units: Unit[]): BrowseLinks {
  const years: BrowseLinks['years'] = [];
  for (const d of districts) {
    const byYear = new Map<number, number>();
    for (const t of tasks) if (t.district === d.id) byYear.set(t.year, (byYear.get(t.year) ?? 0) + 1);
    for (const [year, count] of [...byYear].sort((a, b) => b[0] - a[0])) years.push({ label: `${d.name} ${year}年`, path: paths.year(d.id, year), count });
  }
  const unitGroups = districts.map((d) => ({
    district: d.name,
    items: units
      .filter((u) => u.district === d.id && u.taskIds.length > 0)
      .sort((a, b) => b.taskIds.length - a.taskIds.length || a.name.localeCompare(b.name, 'zh-CN'))
      .map((u) => ({ label: u.name, path: paths.unit(u.id), count: u.taskIds.length })),
  }));
  return { years, units: unitGroups.filter((g) => g.items.length > 0) };
}
