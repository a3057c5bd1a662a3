// The search page's browse-by-status list, usable without JavaScript: for each district-year whose
// documents report progress, its tasks' latest statuses with counts, not done first, each a link to the
// matching section of the year page (which groups and counts the same way).
import type { Status } from '~/lib/schema/status';
import { STATUS_LABELS } from '~/lib/schema/status';
import { attentionOrder } from '~/lib/site/attention';
import { dyKey, type SiteIndex } from '~/lib/dataset/site-index';
import { statusGroups } from '~/lib/site/status-mix';
import { paths } from '~/lib/urls';

export interface StatusBrowse {
  label: string;
  path: string;
  groups: { status: Status; label: string; count: number; path: string }[];
}

export function browseByStatus(ix: SiteIndex): StatusBrowse[] {
  const attention = attentionOrder();
  return [...ix.yearsByDistrict].flatMap(([district, years]) => {
    const name = ix.district.get(district)?.name ?? district;
    return [...years]
      .sort((a, b) => b - a)
      .filter((year) => (ix.reportsByDistrictYear.get(dyKey(district, year)) ?? []).some((r) => r.kind === 'progress'))
      .map((year) => {
        const path = paths.year(district, year);
        const groups = statusGroups(ix, ix.tasksByDistrictYear.get(dyKey(district, year)) ?? [])
          .sort((a, b) => attention.indexOf(a.status) - attention.indexOf(b.status) || Number(a.inferred) - Number(b.inferred))
          .map((g) => ({ status: g.status, label: g.inferred ? `推断·${STATUS_LABELS[g.status]}` : STATUS_LABELS[g.status], count: g.count, path: `${path}#status-${g.key}` }));
        return { label: `${name} ${year}年`, path, groups };
      });
  });
}
