// One breadcrumb convention. A page passes its trail below 首页 (BaseLayout puts 首页 first), ending in
// the page itself, which has no link; the pieces that recur (district, year) are made here.
import { href, paths } from '../urls';

export interface Crumb { label: string; href?: string }

export const HOME_LABEL = '首页';

/** The district's crumb, linking its page. */
export const districtCrumb = (id: string, name: string): Crumb => ({ label: name, href: href(paths.district(id)) });

/** The district-year's crumb, linking its page. */
export const yearCrumb = (district: string, year: number): Crumb => ({ label: `${year}年`, href: href(paths.year(district, year)) });

/** The trail as shown: 首页, then the page's trail. The home page's own trail is just 首页 (no link); no trail, no breadcrumbs. */
export function fullTrail(trail: readonly Crumb[]): Crumb[] {
  if (trail.length === 0) return [];
  if (trail.length === 1 && trail[0]!.label === HOME_LABEL && !trail[0]!.href) return [...trail];
  return [{ label: HOME_LABEL, href: href(paths.home()) }, ...trail];
}
