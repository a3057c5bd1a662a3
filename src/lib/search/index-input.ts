// The dataset → documents + the lists buildIndex needs. Shared by the site build and the tests.
import { buildDocuments, type SearchData } from './documents';
import { statusDisplay } from '../site/status-display';
import { partsMix } from '../site/task-parts';
import { MIXED_PARTS } from './status-facet';
import { buildIndex, indexFiles, type BuildOptions, type IndexFiles } from './build-index';
import { buildLexicon, buildReadings } from './lexicon-build';
import { searchText } from './documents';
import { readSynonyms } from './synonyms-file';
import { indexHash } from './index-hash';

const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

export function indexInput(input: SearchData, root = '.'): { docs: ReturnType<typeof buildDocuments>; opts: BuildOptions } {
  // In id order first: the index is a function of the dataset, not of the order a loader returns it in
  // (the content collections and the build worker's file read differ), so both build the same bytes.
  const data: SearchData = {
    districts: byId(input.districts), reports: byId(input.reports), tasks: byId(input.tasks),
    progress: byId(input.progress), units: byId(input.units), leaders: byId(input.leaders),
  };
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
  const used = new Set(docs.flatMap((d) => d.unitIds));
  const units = data.units
    .filter((u) => used.has(u.id))
    .map((u) => ({ id: u.id, name: u.name, district: u.district, aliases: u.aliases }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const texts = docs.map(searchText);
  const names = buildLexicon({ synonyms: readSynonyms(root), units: data.units, leaders: data.leaders, texts });
  const lexicon = { ...names, readings: buildReadings(texts) };
  return { docs, opts: { districts: data.districts.map((d) => ({ id: d.id, name: d.name })), units, lexicon, texts: new Map(docs.map((d, i) => [d, texts[i]!])) } };
}

export { indexHash } from './index-hash';

/** The site's search index and its hash: what the build worker writes and the dev server serves. */
export function searchIndexOf(data: SearchData): { hash: string; files: IndexFiles } {
  const { docs, opts } = indexInput(data);
  const files = buildIndex(docs, opts);
  return { hash: indexHash(files), files };
}

/** The site's search index files one at a time, in buildIndex's order (for writeIndexFiles). */
export function* searchIndexFiles(data: SearchData): Generator<[string, string]> {
  const { docs, opts } = indexInput(data);
  yield* indexFiles(docs, opts);
}
