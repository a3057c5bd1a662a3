// Build the search index files from the documents. Pure and deterministic: the same documents
// always give the same bytes (keys sorted, no timestamps), so builds are reproducible.
import { compareDocs, searchText, type SearchDoc } from './documents';
import { gramPostings } from './gram-postings';
import { statusFacetKey, statusFacetValues } from './status-facet';
import {
  INDEX_VERSION,
  bucketOf,
  encodePosting,
  facetChar,
  type IndexFacets,
  type IndexLexicon,
  type IndexMeta,
  type IndexReadings,
  type IndexSounds,
} from './index-format';

export interface BuildOptions {
  /** Up to this many documents ship as one chunk with no gram files (a scan is fastest). */
  singleMax?: number;
  chunkSize?: number;
  /** Aim for gram buckets of about this many raw bytes. */
  bucketBytes?: number;
  gramLimit?: number;
  districts: { id: string; name: string }[];
  units: { id: string; name: string; district: string; aliases: string[] }[];
  /** Each document's searchText, where the caller has already made it (indexInput): not normalised twice. */
  texts?: ReadonlyMap<SearchDoc, string>;
  /** Other names, pinyin and readings (lexicon-build.ts); without them search is exact only. */
  lexicon?: { lexicon: IndexLexicon; sounds: IndexSounds; readings: IndexReadings };
}

/** path (relative to the index directory) → file content. */
export type IndexFiles = Map<string, string>;

export function buildIndex(input: readonly SearchDoc[], opts: BuildOptions): IndexFiles {
  return new Map(indexFiles(input, opts));
}

/**
 * The index files one at a time, in the order buildIndex holds them (so their hash is the same): the
 * build worker writes each as it comes instead of holding every file of the index at once (~100 MB of
 * strings at 100× the seeds).
 */
export function* indexFiles(input: readonly SearchDoc[], opts: BuildOptions): Generator<[string, string]> {
  const singleMax = opts.singleMax ?? 600;
  const docs = input.slice().sort(compareDocs(opts.districts.map((d) => d.id)));
  const single = docs.length <= singleMax;
  const chunkSize = single ? Math.max(1, docs.length) : (opts.chunkSize ?? 4);
  const years = [...new Set(docs.map((d) => d.year))].sort((a, b) => b - a);
  const yearIndex = firstIndex(years);
  const unitIndex = new Map(opts.units.map((u, i) => [u.id, i]));

  const facets: IndexFacets = { district: '', year: '', status: '' };
  const districtIndex = new Map(opts.districts.map((d, i) => [d.id, i]));
  const statusKeys = statusFacetValues().map((v) => v.key);
  const statusIndex = firstIndex(statusKeys);
  for (const d of docs) {
    facets.district += facetChar(districtIndex.get(d.district) ?? 0);
    facets.year += facetChar(yearIndex.get(d.year)!);
    facets.status += facetChar(statusIndex.get(d.statusFacet ?? statusFacetKey(d.status, d.statusSource)) ?? -1);
  }
  const docUnits = docs.map((d) => d.unitIds.map((id) => unitIndex.get(id)).filter((i): i is number => i !== undefined));

  // The gram files first (their postings, the largest thing the build holds, go once they are written).
  const buckets = single ? 0 : yield* gramFiles(docs, docUnits, opts);

  const meta: IndexMeta = {
    version: INDEX_VERSION,
    count: docs.length,
    mode: single ? 'single' : 'sharded',
    buckets,
    chunkSize,
    gramLimit: opts.gramLimit ?? 4,
    districts: opts.districts,
    years,
    statuses: statusKeys,
    statusLabels: Object.fromEntries(statusFacetValues().map((v) => [v.key, v.label])),
  };
  yield ['meta.json', JSON.stringify(meta)];
  yield ['facets.json', JSON.stringify(facets)];
  yield ['unit-list.json', JSON.stringify(opts.units)];
  yield ['units.json', JSON.stringify(docUnits)];
  if (opts.lexicon) {
    yield ['lexicon.json', JSON.stringify(opts.lexicon.lexicon)];
    yield ['sounds.json', JSON.stringify(opts.lexicon.sounds)];
    yield ['readings.json', JSON.stringify(opts.lexicon.readings)];
  }
  for (let c = 0; c * chunkSize < Math.max(1, docs.length); c++) {
    yield [`d/${c}.json`, JSON.stringify(docs.slice(c * chunkSize, (c + 1) * chunkSize))];
  }
}

/** Position of each value as indexOf gives it (the first), looked up instead of searched for each document. */
function firstIndex<T>(xs: readonly T[]): Map<T, number> {
  const at = new Map<T, number>();
  xs.forEach((x, i) => at.has(x) || at.set(x, i));
  return at;
}

/** g/<b>.json for every bucket, in bucket order; returns the number of buckets. */
function* gramFiles(docs: readonly SearchDoc[], docUnits: readonly number[][], opts: BuildOptions): Generator<[string, string], number> {
  const { keys, lists } = gramPostings(docs.map((d) => opts.texts?.get(d) ?? searchText(d)), docUnits);
  let rawBytes = 0;
  for (let i = 0; i < keys.length; i++) rawBytes += keys[i]!.length * 3 + 6 + Math.min(lists[i]!.length * 2.5, docs.length / 6);
  let buckets = 1;
  while (buckets * (opts.bucketBytes ?? 8_000) < rawBytes) buckets *= 2;
  const byBucket: number[][] = Array.from({ length: buckets }, () => []);
  for (let i = 0; i < keys.length; i++) byBucket[bucketOf(keys[i]!, buckets)]!.push(i);
  for (const [b, ids] of byBucket.entries()) yield [`g/${b}.json`, bucketJson(keys, lists, ids, docs.length)];
  return buckets;
}

/** A digit string JSON.stringify lists first, in numeric order, as an array index (grams are ≤ 3 long). */
const INDEX_KEY = /^(?:0|[1-9][0-9]*)$/;

/**
 * g/<b>.json: what JSON.stringify(IndexBucket) gives for these keys inserted in sorted order (index-like
 * keys first, numerically, as JSON.stringify orders an object's keys), without building the object.
 */
function bucketJson(keys: readonly string[], lists: readonly ArrayLike<number>[], ids: number[], count: number): string {
  const byKey = (x: number, y: number) => (keys[x]! < keys[y]! ? -1 : keys[x]! > keys[y]! ? 1 : 0);
  const numeric = ids.filter((i) => INDEX_KEY.test(keys[i]!)).sort((x, y) => Number(keys[x]) - Number(keys[y]));
  const rest = ids.filter((i) => !INDEX_KEY.test(keys[i]!)).sort(byKey);
  const parts: string[] = [];
  for (const i of [...numeric, ...rest]) {
    const p = encodePosting(lists[i]!, count);
    parts.push(`${JSON.stringify(keys[i])}:${typeof p === 'string' ? `"${p}"` : `[${p.join(',')}]`}`);
  }
  return `{${parts.join(',')}}`;
}
