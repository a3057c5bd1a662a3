// Each district's rows of every table, when the whole-dataset files can be put together from them: in the
// sorted dataset (order.ts) every table lists its rows district after district, in the districts' order,
// and every row belongs to a listed district (collections.ts districtOf). Then a whole-dataset file is its
// districts' pieces back to back, and a district's pieces depend on its own rows only, so they can be
// serialised per district and cached by district (download-cache.ts). Ids that break the order (district
// "a" with unit "a-x", district "a-b" with unit "a-b-y": "a-b-y" sorts first) give undefined, and the
// files are serialised as whole tables, as before.
import { COLLECTION_NAMES, districtOf, emptyDataset, reportDistricts } from '../dataset/collections';
import type { Dataset } from '../schema';

/** `d` must be sorted (sortDataset). */
export function districtRuns(d: Dataset): Map<string, Dataset> | undefined {
  const rank = new Map(d.districts.map((x, i) => [x.id, i]));
  const runs = new Map(d.districts.map((x) => [x.id, emptyDataset()]));
  const reports = reportDistricts(d.reports);
  for (const name of COLLECTION_NAMES) {
    let last = -1;
    for (const row of d[name] as object[]) {
      const district = districtOf(name, row, reports);
      const r = district === undefined ? undefined : rank.get(district);
      if (r === undefined || r < last) return undefined;
      last = r;
      (runs.get(district!)![name] as object[]).push(row);
    }
  }
  // A report's download holds its tasks: they must be its district's, or its file would read another district's rows.
  const taskDistrict = new Map(d.tasks.map((t) => [t.id, t.district]));
  for (const r of d.reports) if (r.taskIds.some((id) => taskDistrict.get(id) !== r.district)) return undefined;
  return runs;
}
