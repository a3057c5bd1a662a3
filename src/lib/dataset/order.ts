// The one order of reports and tasks, and the fixed order of the published files.
//
// Strings compare by UTF-16 code unit (`cmp`), never with localeCompare: the order must not depend on
// the machine's ICU data, and ICU collation is slow on tens of thousands of entries. Ids and slugs are
// ASCII (pinyin and digits), where this is plain alphabetical order; the built pages have used it for
// reports and tasks all along (and the download files agree on every id the ingest writes).
import type { Dataset, Report, Task } from '../schema';

/** Code-unit order of two strings. */
export const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const byId = (a: { id: string }, b: { id: string }) => cmp(a.id, b.id);

/** Reports in reading order: district, year, the last month covered (work report first), then slug. */
export function reportOrder(a: Report, b: Report): number {
  return cmp(a.district, b.district) || a.year - b.year || a.periodEndMonth - b.periodEndMonth || cmp(a.slug, b.slug);
}

/** Tasks by district, year and number as printed. */
export function taskOrder(a: Task, b: Task): number {
  return cmp(a.district, b.district) || a.year - b.year || a.number - b.number || byId(a, b);
}

/** A copy with every collection in a fixed order, so every file written from it has stable bytes. */
export function sortDataset(d: Dataset): Dataset {
  return {
    districts: [...d.districts].sort(byId),
    reports: [...d.reports].sort(reportOrder),
    tasks: [...d.tasks].sort(taskOrder),
    // Progress keeps report order, then table order (number, sub-row).
    progress: [...d.progress].sort((a, b) => cmp(a.reportId, b.reportId) || a.number - b.number || a.subIndex - b.subIndex || byId(a, b)),
    units: [...d.units].sort(byId),
    leaders: [...d.leaders].sort(byId),
    anomalies: [...d.anomalies].sort((a, b) => cmp(a.reportId, b.reportId) || a.line - b.line || byId(a, b)),
    indicators: [...d.indicators].sort((a, b) => cmp(a.district, b.district) || a.year - b.year || byId(a, b)),
  };
}

/**
 * The collections in the order the content layer hands them out: Astro's data store sorts each
 * collection's entries by id with localeCompare (astro/dist/content/data-store-writer.js), so
 * getCollection's order is that, not the file's. Whatever reads rows outside the content layer for
 * the pages (the global aggregates, the global shard's whole dataset) puts them in this order first.
 */
export function contentLayerOrder(d: Dataset): Dataset {
  const out: Partial<Record<keyof Dataset, unknown[]>> = {};
  for (const [name, rows] of Object.entries(d) as [keyof Dataset, { id: string }[]][]) out[name] = [...rows].sort((a, b) => a.id.localeCompare(b.id));
  return out as Dataset;
}
