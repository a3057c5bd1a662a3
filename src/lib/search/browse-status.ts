// The search page's browse-by-status list, usable without JavaScript: for each district-year whose
// documents report progress, its tasks' latest statuses with counts, not done first, each a link to the
// matching section of the year page (which groups and counts the same way).
import type { Status } from '~/lib/schema/status';
import { dyKey, type SiteIndex } from '~/lib/dataset/site-index';
import { statusGroupsForReaders } from '~/lib/site/status-mix';
import { paths } from '~/lib/urls';

export interface StatusBrowse {
  label: string;
  path: string;
  groups: { status: Status; label: string; count: number; path: string }[];
}

export function browseByStatus(ix: SiteIndex): StatusBrowse[] {
  return [...ix.yearsByDistrict].flatMap(([district, years]) => {
    const name = ix.district.get(district)?.name ?? district;
    return [...years]
      .sort((a, b) => b - a)
      .filter((year) => (ix.reportsByDistrictYear.get(dyKey(district, year)) ?? []).some((r) => r.kind === 'progress'))
      .map((year) => {
        const path = paths.year(district, year);
        const groups = statusGroupsForReaders(ix, ix.tasksByDistrictYear.get(dyKey(district, year)) ?? [])
          .map((g) => ({ status: g.status, label: g.label, count: g.count, path: `${path}#status-${g.key}` }));
        return { label: `${name} ${year}年`, path, groups };
      });
  });
}
