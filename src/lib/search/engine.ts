// The query engine, the same in the browser (worker) and in Node (tests, bench). It loads only the
// index files a query needs through `fetcher`: gram buckets for the query's grams, facet columns,
// and the document chunks of the page shown. Exact substring matching is the rule; Fuse supplies
// 相近结果 only when nothing else matches.
// Each term also matches its other names and, when it matches nothing as typed, its pinyin and
// sound-alikes (expand.ts); a result is listed by the least trusted way it matched (exact first,
// then form, alias, pinyin, sound), within that in document order (newest year first), and says why.
import type { Status, StatusSource } from '../schema';
import { searchText, type SearchDoc } from './documents';
import { facetColumns, facetPass, filterFrom, unitLabel, type FacetColumns, type FacetCount, type FacetDim, type FacetFilter } from './facets';
import { highlight, mapRanges, toSegments, window, type Segment } from './highlight';
import { decodePosting, bucketOf, unitKey, type IndexBucket, type IndexChunk, type IndexDocUnits, type IndexFacets, type IndexLexicon, type IndexMeta, type IndexReadings, type IndexSounds, type IndexUnitList } from './index-format';
import { EMPTY_LEXICON, Expander, MATCH_KIND_LABELS, KIND_RANK, type Alternative, type MatchKind } from './expand';
import { exactByGrams, gramsForTerm, ngrams, normalizeText, normalizeWithMap } from './normalize';
import { intersectAll, range } from './postings';
import { parseQuery } from './query';
import { fuzzyMatches } from './rank';
import type { SearchState } from './url-state';

export type Fetcher = (path: string) => Promise<string>;

/** Why a result matched one query term. */
export interface MatchedBy {
  term: string;
  kind: MatchKind | 'fuzzy';
  /** The text found in the document (the term itself, or what it was taken to mean). */
  text: string;
  /** As the page shows it: 原文匹配：财政 · 按读音匹配：财政. */
  label: string;
}

export interface ResultItem {
  id: string;
  matchedBy: MatchedBy[];
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
  /**
   * browse: no terms; exact: some documents contain every term as typed (or its simplified form);
   * near: none does, but other names, pinyin or sound-alikes match (labelled 相近结果);
   * fuzzy: nothing of that either, Fuse's near text (相近结果).
   */
  mode: 'browse' | 'exact' | 'near' | 'fuzzy';
  total: number;
  /** Of `total`, the documents that contain every term as typed (listed first). */
  exactTotal: number;
  /** What a term was taken to mean when that found documents (你是不是要找 …), most results first. */
  didYouMean: { term: string; text: string; kind: MatchKind; label: string; count: number }[];
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

interface TermDocs {
  exact: Int32Array;
  extra: Map<number, number>;
  approx: boolean;
}
interface TermPlan extends TermDocs {
  alts: Alternative[];
}

/** Binary search in a sorted posting list. */
function has(list: Int32Array, n: number): boolean {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < n) lo = mid + 1;
    else hi = mid;
  }
  return lo < list.length && list[lo] === n;
}

export class SearchEngine {
  private cache = new Map<string, Promise<unknown>>();
  private postingCache = new Map<string, Int32Array>();
  private textCache = new Map<number, string>();
  private docCache = new Map<number, SearchDoc>();
  private columns?: Promise<FacetColumns>;
  private expander?: Promise<Expander>;
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

  /** Normalised search text of documents n. */
  private async texts(ns: readonly number[]): Promise<string[]> {
    const docs = await this.docs(ns);
    return ns.map((n, i) => {
      let t = this.textCache.get(n);
      if (t === undefined) this.textCache.set(n, (t = searchText(docs[i]!)));
      return t;
    });
  }

  /** The documents of ns whose text contains `text`. */
  private async verify(ns: readonly number[], text: string): Promise<number[]> {
    const texts = await this.texts(ns);
    return ns.filter((_, i) => texts[i]!.includes(text));
  }

  private expanderFor(meta: IndexMeta): Promise<Expander> {
    // An index without lexicon.json (older builds, synthetic corpora) still searches exactly.
    this.expander ??= this.json<IndexLexicon>('lexicon.json')
      .catch(() => EMPTY_LEXICON)
      .then((lex) => new Expander(lex, meta.districts));
    return this.expander;
  }

  /**
   * The documents containing a term as typed (`exact`, sorted), and those containing only another of
   * its alternatives (`extra`: document → the best such alternative). `approx` when a broad
   * alternative was taken from the index without a text check.
   */
  private async termDocs(meta: IndexMeta, alts: readonly Alternative[]): Promise<TermDocs> {
    const extra = new Map<number, number>();
    let approx = false;
    const cols = await this.columns!;
    const districtOf = alts.map((a) => (a.district === undefined ? -1 : meta.districts.findIndex((d) => d.id === a.district)));
    const inDistrict = (ai: number, n: number) => districtOf[ai]! < 0 || cols.district[n] === districtOf[ai];
    if (meta.mode === 'single') {
      const all = Array.from(range(meta.count));
      const texts = await this.texts(all);
      const exact: number[] = [];
      all.forEach((n) => {
        const ai = alts.findIndex((a, i) => inDistrict(i, n) && texts[n]!.includes(a.text));
        if (ai === 0) exact.push(n);
        else if (ai > 0) extra.set(n, ai);
      });
      return { exact: Int32Array.from(exact), extra, approx };
    }
    const lists = await Promise.all(alts.map((a) => Promise.all(gramsForTerm(a.text, meta.gramLimit).map((k) => this.posting(k))).then(intersectAll)));
    const checked = async (docs: Int32Array, text: string): Promise<Int32Array> => {
      if (exactByGrams(text) || !docs.length) return docs;
      const chunks = new Set<number>();
      for (let i = 0; i < docs.length && chunks.size <= this.opts.verifyChunkLimit; i++) chunks.add(Math.floor(docs[i]! / meta.chunkSize));
      if (chunks.size <= this.opts.verifyChunkLimit) return Int32Array.from(await this.verify(Array.from(docs), text));
      approx = true;
      return docs;
    };
    const exact = await checked(lists[0]!, alts[0]!.text);
    for (let ai = 1; ai < alts.length; ai++) {
      // Only documents no better alternative already matched need this one checked.
      const docs = await checked(lists[ai]!.filter((n) => !extra.has(n) && !has(exact, n) && inDistrict(ai, n)), alts[ai]!.text);
      for (let i = 0; i < docs.length; i++) if (!extra.has(docs[i]!)) extra.set(docs[i]!, ai);
    }
    return { exact, extra, approx };
  }

  /** A term's alternatives and the documents each matches; pinyin and sound-alikes only if nothing else matched. */
  private async planTerm(meta: IndexMeta, expander: Expander, term: string): Promise<TermPlan> {
    const alts = expander.near(term);
    let found = await this.termDocs(meta, alts);
    if (found.exact.length === 0 && found.extra.size === 0) {
      const [sounds, readings] = await Promise.all([this.json<IndexSounds>('sounds.json'), this.json<IndexReadings>('readings.json')]).catch(() => [null, null] as const);
      const more = sounds && readings ? expander.sound(term, sounds, readings).filter((a) => !alts.some((x) => x.text === a.text)) : [];
      if (more.length) {
        alts.push(...more);
        found = await this.termDocs(meta, alts);
      }
    }
    return { alts, ...found };
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
    const plansP = terms.length ? this.expanderFor(meta).then((x) => Promise.all(terms.map((t) => this.planTerm(meta, x, t)))) : null;
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
    const plans = plansP ? await plansP : [];
    /** Rank of the least trusted way each matching document matched (absent: 0). */
    const tier = new Map<number, number>();
    if (!terms.length) base = range(meta.count);
    else {
      countExact = !plans.some((p) => p.approx);
      const exactAll = intersectAll(plans.map((p) => p.exact));
      if (plans.every((p) => p.extra.size === 0)) base = exactAll;
      else {
        // Documents some term matches only by another name, pinyin or sound: listed after exactAll.
        const [first, ...rest] = plans.slice().sort((a, b) => a.exact.length + a.extra.size - (b.exact.length + b.extra.size));
        const later: number[] = [];
        const consider = (n: number) => {
          let worst = 0;
          for (const p of [first!, ...rest]) {
            if (has(p.exact, n)) continue;
            const ai = p.extra.get(n);
            if (ai === undefined) return;
            worst = Math.max(worst, KIND_RANK[p.alts[ai]!.kind]);
          }
          if (worst) {
            later.push(n);
            tier.set(n, worst);
          }
        };
        for (const n of first!.exact) consider(n);
        for (const n of first!.extra.keys()) consider(n);
        later.sort((a, b) => tier.get(a)! - tier.get(b)! || a - b);
        base = [...exactAll, ...later];
      }
      const list = base;
      // Exact matches first; within a tier, document order (newest year first) as the page says.
      if (list.length && (tier.get(list[0]!) ?? 0) > KIND_RANK.form) mode = 'near';
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
        const slice = matches.slice(i, i + size * 2);
        const texts = await this.texts(slice);
        found.push(...slice.filter((_, k) => plans.every((p) => p.alts.some((a) => texts[k]!.includes(a.text)))));
      }
      pageDocs = found.slice((page - 1) * size, page * size);
    }
    const docs = await this.docs(pageDocs);
    const pageTexts = await this.texts(pageDocs);
    const byN = new Map(pageDocs.map((n, i) => [n, docs[i]!]));
    const fuzzyByN = new Map(fuzzy.map((h) => [h.n, h]));
    const results = pageDocs.map((n, i) => {
      const matchedBy: MatchedBy[] = fuzzyByN.has(n)
        ? [{ term: terms.join(' '), kind: 'fuzzy', text: '', label: MATCH_KIND_LABELS.fuzzy }]
        : plans.map((p, ti) => {
            const alt = has(p.exact, n) ? p.alts[0]! : (p.alts[p.extra.get(n) ?? -1] ?? p.alts.find((a) => pageTexts[i]!.includes(a.text)) ?? p.alts[0]!);
            return { term: terms[ti]!, kind: alt.kind, text: alt.text, label: `${MATCH_KIND_LABELS[alt.kind]}：${alt.text}` };
          });
      return toItem(meta, byN.get(n)!, matchedBy.map((m) => m.text).filter(Boolean), matchedBy, fuzzyByN.get(n));
    });
    let exactTotal = 0;
    for (const n of matches) if (!tier.has(n) && !fuzzyByN.has(n) && terms.length) exactTotal++;
    const didYouMean = suggestMeanings(plans, terms, base);
    const named = [...terms, ...didYouMean.map((d) => d.text)];
    const unitSuggestions = state.unit || !unitList ? [] : suggestUnits(meta, unitList, named, counted.unit);
    return { terms, mode, total: matches.length, exactTotal, didYouMean, countExact, totalWithoutFacets, page, pageCount, results, facets: counted, matches, unitSuggestions };
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

/** Alternatives other than the term itself that found documents, most documents first (你是不是要找 …). */
function suggestMeanings(plans: TermPlan[], terms: string[], base: ArrayLike<number>): SearchResponse['didYouMean'] {
  const out: SearchResponse['didYouMean'] = [];
  plans.forEach((p, ti) => {
    const counts = new Map<number, number>();
    if (p.extra.size === 0) return;
    for (let i = 0; i < base.length; i++) {
      const ai = p.extra.get(base[i]!);
      if (ai !== undefined) counts.set(ai, (counts.get(ai) ?? 0) + 1);
    }
    for (const [ai, count] of counts) {
      const a = p.alts[ai]!;
      out.push({ term: terms[ti]!, text: a.text, kind: a.kind, label: `${MATCH_KIND_LABELS[a.kind]}：${a.text}`, count });
    }
  });
  return out.sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind] || b.count - a.count).slice(0, 6);
}

/** 发改局 → 区发改局（临淄区）, 区发改局（张店区）: units a term names exactly, that have matches. */
function suggestUnits(meta: IndexMeta, units: IndexUnitList, terms: string[], counts: FacetCount[] | null) {
  const withMatches = new Set((counts ?? []).filter((c) => c.count > 0).map((c) => c.value));
  return units
    .filter((u) => withMatches.has(u.id) && [u.name, ...u.aliases].some((n) => terms.includes(normalizeText(n))))
    .map((u) => ({ value: u.id, label: unitLabel(meta, u) }));
}

function toItem(meta: IndexMeta, doc: SearchDoc, terms: string[], matchedBy: MatchedBy[], fuzzy?: ReturnType<typeof fuzzyMatches>[number]): ResultItem {
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
    matchedBy,
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
