// The query engine, the same in the browser (worker) and in Node (tests, bench). It loads only the
// index files a query needs through `fetcher`: gram buckets for the query's grams, facet columns,
// and the document chunks of the page shown. Exact substring matching is the rule; Fuse ranks the
// page and supplies 相近结果 only when nothing matches exactly.
import type { Status, StatusSource } from '../schema';
import { searchText, type SearchDoc } from './documents';
import { facetColumns, facetPass, filterFrom, unitLabel, type FacetColumns, type FacetCount, type FacetDim, type FacetFilter } from './facets';
import { highlight, mapRanges, toSegments, window, type Segment } from './highlight';
import { decodePosting, bucketOf, unitKey, type IndexBucket, type IndexChunk, type IndexDocUnits, type IndexFacets, type IndexMeta, type IndexUnitList } from './index-format';
import { exactByGrams, gramsForTerm, ngrams, normalizeText, normalizeWithMap } from './normalize';
import { intersectAll, range } from './postings';
import { matchesAll, parseQuery } from './query';
import { fuzzyMatches, rankExact } from './rank';
import type { SearchState } from './url-state';

export type Fetcher = (path: string) => Promise<string>;

export interface ResultItem {
  id: string;
  url: string;
  districtName: string;
  year: number;
  report: string;
  reportUrl: string;
  status: Status;
  statusLabel: string;
  statusSource: StatusSource;
  statusPhrase?: string;
  /** As the other pages word it (推断：完成（依据“…”）); absent in synthetic corpora. */
  statusText?: string;
  statusNote?: string;
  /** 民生实事 / 民生实事候选项目. */
  kindLabel?: string;
  pledge: Segment[];
  snippets: { label: string; segments: Segment[] }[];
}

export interface SearchResponse {
  terms: string[];
  /** browse: no terms; exact: substring matches; fuzzy: 相近结果 (no exact match at all). */
  mode: 'browse' | 'exact' | 'fuzzy';
  total: number;
  /** False when a very broad multi-character query was counted from the index without a text check (an upper bound). */
  countExact: boolean;
  /** Matches of the query before facets: when facets hide them all, the page suggests removing one. */
  totalWithoutFacets: number;
  page: number;
  pageCount: number;
  results: ResultItem[];
  facets: Record<FacetDim, FacetCount[] | null>;
  /** Every matching document number, in result order (for tests and the bench). */
  matches: number[];
  /** Units whose name or short name is exactly a query term (offered as a unit filter). */
  unitSuggestions: { value: string; label: string }[];
}

export interface EngineOptions {
  pageSize?: number;
  /** Check candidates against their text when that needs at most this many chunk files. */
  verifyChunkLimit?: number;
  /** Load units.json for unit facet counts (sharded mode; single mode always has them). */
  unitCounts?: boolean;
  fuzzyCandidates?: number;
}

export class SearchEngine {
  private cache = new Map<string, Promise<unknown>>();
  private postingCache = new Map<string, Int32Array>();
  private textCache = new Map<number, string>();
  private docCache = new Map<number, SearchDoc>();
  private columns?: Promise<FacetColumns>;
  readonly opts: Required<EngineOptions>;

  constructor(
    private fetcher: Fetcher,
    opts: EngineOptions = {},
  ) {
    this.opts = { pageSize: 20, verifyChunkLimit: 24, unitCounts: true, fuzzyCandidates: 20, ...opts };
  }

  private json<T>(path: string): Promise<T> {
    let p = this.cache.get(path);
    if (!p) {
      p = this.fetcher(path).then((s) => JSON.parse(s) as T);
      this.cache.set(path, p);
      // A failed fetch (flaky mobile network) must not stick: the next query tries again.
      p.catch(() => this.cache.delete(path));
    }
    return p as Promise<T>;
  }

  meta(): Promise<IndexMeta> {
    return this.json<IndexMeta>('meta.json');
  }

  private async posting(key: string): Promise<Int32Array> {
    const hit = this.postingCache.get(key);
    if (hit) return hit;
    const meta = await this.meta();
    const bucket = await this.json<IndexBucket>(`g/${bucketOf(key, meta.buckets)}.json`);
    const list = decodePosting(bucket[key]);
    this.postingCache.set(key, list);
    return list;
  }

  /** Documents n, fetching their chunks in parallel. */
  async docs(ns: readonly number[]): Promise<SearchDoc[]> {
    const meta = await this.meta();
    const chunks = [...new Set(ns.map((n) => Math.floor(n / meta.chunkSize)))];
    await Promise.all(
      chunks.map(async (c) => {
        const docs = await this.json<IndexChunk>(`d/${c}.json`);
        docs.forEach((d, i) => this.docCache.set(c * meta.chunkSize + i, d));
      }),
    );
    return ns.map((n) => this.docCache.get(n)!);
  }

  private async verify(ns: readonly number[], terms: string[]): Promise<number[]> {
    const docs = await this.docs(ns);
    return ns.filter((n, i) => {
      let t = this.textCache.get(n);
      if (t === undefined) this.textCache.set(n, (t = searchText(docs[i]!)));
      return matchesAll(t, terms);
    });
  }

  /** Candidates for all terms from the gram index; `exact` when no term needs a text check. */
  private async candidates(meta: IndexMeta, terms: string[]): Promise<{ docs: Int32Array; exact: boolean }> {
    if (meta.mode === 'single') return { docs: range(meta.count), exact: false };
    const keys = [...new Set(terms.flatMap((t) => gramsForTerm(t, meta.gramLimit)))];
    const lists = await Promise.all(keys.map((k) => this.posting(k)));
    const exact = terms.every(exactByGrams);
    return { docs: intersectAll(lists), exact };
  }

  /** Run a query. `unitCounts` overrides the engine option (the page asks for unit counts second). */
  async search(state: SearchState, call: { unitCounts?: boolean } = {}): Promise<SearchResponse> {
    const meta = await this.meta();
    const { terms } = parseQuery(state.q);
    // Start every fetch this query needs at once: each is a network round trip in the browser.
    this.columns ??= this.json<IndexFacets>('facets.json').then(facetColumns);
    const needUnits = meta.mode === 'single' || (call.unitCounts ?? this.opts.unitCounts);
    const docUnitsP = needUnits ? this.json<IndexDocUnits>('units.json') : null;
    const unitListP = needUnits || state.unit !== undefined ? this.json<IndexUnitList>('unit-list.json') : null;
    const candP = terms.length ? this.candidates(meta, terms) : null;
    const [columns, docUnits, unitList] = await Promise.all([this.columns, docUnitsP, unitListP]);
    const filter: FacetFilter = filterFrom(meta, state);
    if (state.unit !== undefined) {
      const ui = unitList!.findIndex((u) => u.id === state.unit);
      filter.unitValue = state.unit;
      if (ui < 0) filter.unitDocs = new Set();
      else if (docUnits) filter.unitDocs = new Set(docUnits.flatMap((us, n) => (us.includes(ui) ? [n] : [])));
      else filter.unitDocs = new Set(await this.posting(unitKey(ui)));
    }

    let mode: SearchResponse['mode'] = terms.length ? 'exact' : 'browse';
    let countExact = true;
    let base: Int32Array | number[];
    if (!terms.length) base = range(meta.count);
    else {
      const cand = await candP!;
      base = cand.docs;
      if (!cand.exact) {
        const chunks = new Set<number>();
        for (let i = 0; i < base.length && chunks.size <= this.opts.verifyChunkLimit; i++) chunks.add(Math.floor(base[i]! / meta.chunkSize));
        if (chunks.size <= this.opts.verifyChunkLimit) base = await this.verify(Array.from(base), terms);
        else countExact = false;
      }
    }
    let fuzzy: Awaited<ReturnType<typeof fuzzyMatches>> = [];
    if (terms.length && base.length === 0) {
      fuzzy = await this.fuzzy(meta, terms);
      if (fuzzy.length) mode = 'fuzzy';
      base = fuzzy.map((h) => h.n);
    }
    const totalWithoutFacets = base.length;
    const { matches, facets: counted } = facetPass(meta, columns, filter, base, docUnits, unitList);

    const size = this.opts.pageSize;
    const pageCount = Math.max(1, Math.ceil(matches.length / size));
    const page = Math.min(Math.max(1, state.page), pageCount);
    let pageDocs: number[];
    if (countExact) pageDocs = matches.slice((page - 1) * size, page * size);
    else {
      // Broad query counted from the index: check text only as far as this page needs.
      const found: number[] = [];
      for (let i = 0; i < matches.length && found.length < page * size; i += size * 2) {
        found.push(...(await this.verify(matches.slice(i, i + size * 2), terms)));
      }
      pageDocs = found.slice((page - 1) * size, page * size);
    }
    const docs = await this.docs(pageDocs);
    const byN = new Map(pageDocs.map((n, i) => [n, docs[i]!]));
    const order = mode === 'exact' ? rankExact(pageDocs.map((n) => ({ n, doc: byN.get(n)! })), terms) : pageDocs;
    const fuzzyByN = new Map(fuzzy.map((h) => [h.n, h]));
    const results = order.map((n) => toItem(meta, byN.get(n)!, terms, fuzzyByN.get(n)));
    const unitSuggestions = state.unit || !unitList ? [] : suggestUnits(meta, unitList, terms, counted.unit);
    return { terms, mode, total: matches.length, countExact, totalWithoutFacets, page, pageCount, results, facets: counted, matches, unitSuggestions };
  }

  /** 相近结果: the documents sharing the most bigrams with the query, re-scored by Fuse fuzzy search. */
  private async fuzzy(meta: IndexMeta, terms: string[]) {
    // Near matches share bigrams with the query (a typo breaks at most two of them).
    const keys = [...new Set(terms.flatMap((t) => t.split(/[ \n]+/).flatMap((p) => ngrams(p, 2))))];
    if (!keys.length) return [];
    const hits = new Uint16Array(meta.count);
    if (meta.mode === 'single') {
      const all = Array.from(range(meta.count));
      const docs = await this.docs(all);
      all.forEach((n) => {
        let t = this.textCache.get(n);
        if (t === undefined) this.textCache.set(n, (t = searchText(docs[n]!)));
        for (const k of keys) if (t.includes(k)) hits[n]!++;
      });
    } else for (const k of keys) for (const n of await this.posting(k)) hits[n]!++;
    const need = Math.max(1, Math.ceil(keys.length / 2));
    // Most shared bigrams first, then document order; stop once the pool is full.
    const pool: number[] = [];
    for (let h = keys.length; h >= need && pool.length < this.opts.fuzzyCandidates; h--) {
      for (let n = 0; n < meta.count && pool.length < this.opts.fuzzyCandidates; n++) if (hits[n] === h) pool.push(n);
    }
    const docs = await this.docs(pool);
    return fuzzyMatches(pool.map((n, i) => ({ n, doc: docs[i]! })), terms).slice(0, this.opts.pageSize);
  }
}

/** 发改局 → 区发改局（临淄区）, 区发改局（张店区）: units a term names exactly, that have matches. */
function suggestUnits(meta: IndexMeta, units: IndexUnitList, terms: string[], counts: FacetCount[] | null) {
  const withMatches = new Set((counts ?? []).filter((c) => c.count > 0).map((c) => c.value));
  return units
    .filter((u) => withMatches.has(u.id) && [u.name, ...u.aliases].some((n) => terms.includes(normalizeText(n))))
    .map((u) => ({ value: u.id, label: unitLabel(meta, u) }));
}

function toItem(meta: IndexMeta, doc: SearchDoc, terms: string[], fuzzy?: ReturnType<typeof fuzzyMatches>[number]): ResultItem {
  const seen = new Map<string, number>();
  const marked = doc.fields.map(([kind, label, text]) => {
    const index = seen.get(kind) ?? 0;
    seen.set(kind, index + 1);
    if (fuzzy) {
      const r = fuzzy.ranges.filter((x) => x.kind === kind && x.index === index).flatMap((x) => x.ranges);
      const { map } = normalizeWithMap(text);
      const ranges = mapRanges(map, r);
      return { kind, label, segments: toSegments(text, ranges), hits: ranges.length };
    }
    return { kind, label, ...highlight(text, terms) };
  });
  const pledgeIndex = marked.findIndex((f) => f.kind === 'pledge');
  const pledge = marked[pledgeIndex];
  const snippets = marked
    .filter((f, i) => i !== pledgeIndex && f.hits > 0 && f.kind !== 'place')
    .slice(0, 3)
    .map((f) => ({ label: f.label, segments: window(f.segments, 40) }));
  return {
    id: doc.id,
    url: doc.url,
    districtName: doc.districtName,
    year: doc.year,
    report: doc.report,
    reportUrl: doc.reportUrl,
    status: doc.status,
    statusLabel: meta.statusLabels[doc.status] ?? doc.status,
    statusSource: doc.statusSource,
    ...(doc.statusPhrase ? { statusPhrase: doc.statusPhrase } : {}),
    ...(doc.statusText ? { statusText: doc.statusText, statusNote: doc.statusNote ?? '' } : {}),
    ...(doc.kindLabel ? { kindLabel: doc.kindLabel } : {}),
    pledge: pledge ? window(pledge.segments, 80) : [],
    snippets,
  };
}
