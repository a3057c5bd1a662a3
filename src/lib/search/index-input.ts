// The dataset → documents + the lists buildIndex needs. Shared by the site build and the tests.
import { buildDocuments, compareDocs, type SearchData, type SearchDoc } from './documents';
import type { DistrictDocuments, DocumentCache } from './document-cache';
import { statusDisplay } from '../site/status-display';
import { partsMix } from '../site/task-parts';
import { MIXED_PARTS } from './status-facet';
import { buildIndex, indexFiles, type BuildOptions, type IndexFiles } from './build-index';
import { buildLexicon, buildReadings } from './lexicon-build';
import { searchText } from './documents';
import { readSynonyms } from './synonyms-file';
import { indexHash } from './index-hash';

const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

export function indexInput(input: SearchData, root = '.', cache?: DocumentCache): { docs: SearchDoc[]; opts: BuildOptions } {
  // In id order first: the index is a function of the dataset, not of the order a loader returns it in
  // (the content collections and the build worker's file read differ), so both build the same bytes.
  const data: SearchData = {
    districts: byId(input.districts), reports: byId(input.reports), tasks: byId(input.tasks),
    progress: byId(input.progress), units: byId(input.units), leaders: byId(input.leaders),
  };
  const { docs, texts } = (cache && documentsByDistrict(data, cache)) || documentsOf(data);
  const used = new Set(docs.flatMap((d) => d.unitIds));
  const units = data.units
    .filter((u) => used.has(u.id))
    .map((u) => ({ id: u.id, name: u.name, district: u.district, aliases: u.aliases }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const names = buildLexicon({ synonyms: readSynonyms(root), units: data.units, leaders: data.leaders, texts });
  const lexicon = { ...names, readings: buildReadings(texts) };
  return { docs, opts: { districts: data.districts.map((d) => ({ id: d.id, name: d.name })), units, lexicon, texts: new Map(docs.map((d, i) => [d, texts[i]!])) } };
}

/** The documents of `data` (buildDocuments' order) with the statuses as the pages word them, and their texts. */
function documentsOf(data: SearchData): DistrictDocuments {
  // Word statuses as the other pages do; done here (build only) so the browser bundles stay zod-free.
  // A task with parts shows the mix of its latest report's parts, as its page does (site/task-parts.ts).
  const latestReport = new Map(data.tasks.map((t) => [t.id, t.latestReportId]));
  const parts = Map.groupBy(data.progress.filter((p) => latestReport.get(p.taskId) === p.reportId), (p) => p.taskId);
  const docs = buildDocuments(data).map((d) => {
    const mine = parts.get(d.id) ?? [];
    if (mine.length > 1) {
      const groups = partsMix(mine).map((g) => ({ g, shown: statusDisplay(g.status, g.source, g.phrase) }));
      const text = `${groups.map(({ g, shown }) => `${shown.text} ${g.count}`).join(' · ')}（共 ${mine.length} 个部分）`;
      const mixed = groups.length > 1 ? { statusFacet: MIXED_PARTS } : {};
      return { ...d, statusText: text, statusNote: groups.map(({ g, shown }) => `${g.count} 个部分：${shown.note}`).join(' '), ...mixed };
    }
    const shown = statusDisplay(d.status, d.statusSource, d.statusPhrase);
    return { ...d, statusText: shown.text, statusNote: shown.note };
  });
  return { docs, texts: docs.map(searchText) };
}

/**
 * documentsOf, district by district: each district's from the cache or built from its own rows, then put in
 * buildDocuments' order (a total order, ties broken by id), so the same documents as documentsOf(data).
 * Undefined (build them whole) when a district's tasks name a report, unit or leader of another district:
 * its documents would then depend on rows its key does not cover.
 */
function documentsByDistrict(data: SearchData, cache: DocumentCache): DistrictDocuments | undefined {
  const byDistrict = new Map<string, SearchData>(data.districts.map((d) => [d.id, { districts: [d], reports: [], tasks: [], progress: [], units: [], leaders: [] }]));
  for (const name of ['reports', 'tasks', 'progress', 'units', 'leaders'] as const) {
    for (const row of data[name]) {
      const mine = byDistrict.get(row.district);
      if (!mine) return undefined;
      (mine[name] as (typeof row)[]).push(row);
    }
  }
  const districtOf = (rows: readonly { id: string; district: string }[]) => new Map(rows.map((r) => [r.id, r.district]));
  const [reportAt, unitAt, leaderAt] = [districtOf(data.reports), districtOf(data.units), districtOf(data.leaders)];
  const elsewhere = (at: ReadonlyMap<string, string>, id: string, district: string) => at.has(id) && at.get(id) !== district;
  for (const t of data.tasks) {
    if (elsewhere(reportAt, t.latestReportId, t.district) || t.unitIds.some((id) => elsewhere(unitAt, id, t.district)) || t.leaderIds.some((id) => elsewhere(leaderAt, id, t.district))) return undefined;
  }
  for (const p of data.progress) if (elsewhere(reportAt, p.reportId, p.district)) return undefined;
  const pairs: [SearchDoc, string][] = [];
  for (const [district, rows] of byDistrict) {
    let mine = cache.get(district);
    if (!mine) cache.set(district, (mine = documentsOf(rows)));
    mine.docs.forEach((d, i) => pairs.push([d, mine.texts[i]!]));
  }
  cache.prune();
  const order = compareDocs(data.districts.map((d) => d.id));
  pairs.sort((a, b) => order(a[0], b[0]));
  return { docs: pairs.map((p) => p[0]), texts: pairs.map((p) => p[1]) };
}

export { indexHash } from './index-hash';

/** The site's search index and its hash: what the build worker writes and the dev server serves. */
export function searchIndexOf(data: SearchData): { hash: string; files: IndexFiles } {
  const { docs, opts } = indexInput(data);
  const files = buildIndex(docs, opts);
  return { hash: indexHash(files), files };
}

/** The site's search index files one at a time, in buildIndex's order (for writeIndexFiles); documents kept per district in `cache`. */
export function* searchIndexFiles(data: SearchData, cache?: DocumentCache): Generator<[string, string]> {
  const { docs, opts } = indexInput(data, '.', cache);
  yield* indexFiles(docs, opts);
}
