// Which pages this build renders, for the routes' getStaticPaths (one `.filter(inSlice)` each). A shard
// build (npm run build:shard) sets PORTAL_SLICE; a whole build renders everything.
//
// Stop-gap until the dataset layer (src/lib/dataset/) hands routes only the slice's rows: then the
// district routes need no filter and this module shrinks to the cross-district checks.
import { currentSlice, rendersDistrict, rendersGlobal } from '~/lib/dataset/slice';

const slice = currentSlice();

/** Whether this build renders pages of `district`. */
export const inSlice = (x: { district: string } | string): boolean => rendersDistrict(slice, typeof x === 'string' ? x : x.district);

/** Whether this build renders the cross-district pages (home, search, data catalogue, all-district feeds and charts). */
export const globalInSlice = (): boolean => rendersGlobal(slice);

/**
 * An embeddable chart belongs to a district when its page is under that district and it counts only that
 * district's reports (district, year, report and district-indicator charts); the rest are cross-district.
 */
export function chartInSlice(c: { pagePath: string; reports: readonly { district: string }[] }): boolean {
  const first = c.pagePath.split('/')[0]!;
  const owner = c.reports.length > 0 && c.reports.every((r) => r.district === first) ? first : undefined;
  return owner === undefined ? globalInSlice() : inSlice(owner);
}
