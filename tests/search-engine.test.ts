// The search engine against the real dataset (generated/ by `npm run ingest`), in both index modes:
// 'single' (what today's ~300 tasks ship as) and 'sharded' (the gram-bucket index used at scale).
// Every expectation is checked against a brute-force substring scan of the same documents.
import { beforeAll, describe, expect, it } from 'vitest';
import { indexInput } from '../src/lib/search/index-input';
import { buildIndex, type IndexFiles } from '../src/lib/search/build-index';
import { SearchEngine, type SearchResponse } from '../src/lib/search/engine';
import { searchText, type SearchDoc } from '../src/lib/search/documents';
import { matchesAll, parseQuery } from '../src/lib/search/query';
import type { Dataset } from '~/lib/dataset/collections';
import type { SearchState } from '../src/lib/search/url-state';
import { statusFacetKey } from '~/lib/search/status-facet';
import { readDataset } from '~/lib/dataset/read';

let data: Dataset;
let docs: SearchDoc[];
const files: Record<'single' | 'sharded', IndexFiles> = {} as never;

beforeAll(() => {
  data = readDataset();
  const input = indexInput(data);
  files.single = buildIndex(input.docs, input.opts);
  files.sharded = buildIndex(input.docs, { ...input.opts, singleMax: 0, bucketBytes: 4000 });
  docs = JSON.parse(files.single.get('d/0.json')!) as SearchDoc[];
});

const brute = (q: string, keep: (d: SearchDoc) => boolean = () => true) => {
  const { terms } = parseQuery(q);
  return docs.filter((d) => keep(d) && matchesAll(searchText(d), terms)).map((d) => d.id).sort();
};
/** The documents matching every term as typed: listed first, before other names and sound-alikes. */
const ids = (r: SearchResponse) => r.matches.slice(0, r.exactTotal).map((n) => docs[n]!.id).sort();
const engine = (mode: 'single' | 'sharded', verifyChunkLimit = Infinity) =>
  new SearchEngine(async (p) => {
    const f = files[mode].get(p);
    if (f === undefined) throw new Error(`no index file ${p}`);
    return f;
  }, { verifyChunkLimit });
const search = (mode: 'single' | 'sharded', s: Partial<SearchState>) => engine(mode).search({ q: '', page: 1, ...s });

describe.each(['single', 'sharded'] as const)('search engine (%s index)', (mode) => {
  it('builds the index mode asked for', () => {
    expect(JSON.parse(files[mode].get('meta.json')!).mode).toBe(mode);
  });

  it('"齐鲁石化" finds every 临淄 task whose text names it, and nothing else', async () => {
    const expected = brute('齐鲁石化', (d) => d.district === 'linzi');
    expect(expected.length).toBeGreaterThanOrEqual(3);
    const r = await search(mode, { q: '齐鲁石化', district: 'linzi' });
    expect(r.mode).toBe('exact');
    expect(r.countExact).toBe(true);
    expect(ids(r)).toEqual(expected);
    expect(r.total).toBe(expected.length);
    for (const item of r.results) {
      const all = [item.pledge, ...item.snippets.map((s) => s.segments)].flat();
      expect(all.some((s) => s.hit && s.text === '齐鲁石化')).toBe(true);
    }
  });

  it('"区发改局" with the unit facet returns exactly the tasks whose units include it', async () => {
    for (const unit of ['linzi-qu-fa-gai-ju', 'zhangdian-qu-fa-gai-ju']) {
      const expected = data.tasks.filter((t) => t.unitIds.includes(unit)).map((t) => t.id).sort();
      expect(expected.length).toBeGreaterThan(5);
      const r = await search(mode, { q: '区发改局', unit });
      expect(ids(r)).toEqual(expected);
      expect(r.facets.unit?.find((f) => f.value === unit)).toMatchObject({ count: expected.length, selected: true });
    }
  });

  it('the short name 发改局 finds the tasks of 区发改局 and offers it as a unit filter', async () => {
    const r = await search(mode, { q: '发改局' });
    expect(r.unitSuggestions.map((u) => u.value).sort()).toEqual(['linzi-qu-fa-gai-ju', 'zhangdian-qu-fa-gai-ju']);
    expect((await search(mode, { q: '财政局' })).unitSuggestions.map((u) => u.label).sort()).toEqual(['区财政局（临淄区）', '区财政局（张店区）']);
    const ids_ = new Set(ids(r));
    for (const t of data.tasks.filter((t) => t.unitIds.some((u) => u.endsWith('-qu-fa-gai-ju')))) expect(ids_.has(t.id)).toBe(true);
  });

  it('"财政局" never returns a task whose only unit is 区民政局', async () => {
    const minzheng = new Set(data.units.filter((u) => u.name === '区民政局').map((u) => u.id));
    const onlyMinzheng = data.tasks.filter((t) => t.unitIds.length === 1 && minzheng.has(t.unitIds[0]!));
    expect(onlyMinzheng.length).toBeGreaterThan(0);
    const r = await search(mode, { q: '财政局' });
    expect(r.mode).toBe('exact');
    expect(ids(r)).toEqual(brute('财政局'));
    for (const t of onlyMinzheng) expect(ids(r)).not.toContain(t.id);
  });

  it('takes a quoted phrase and Fuse operator characters literally', async () => {
    // The phrase keeps its spaces; unquoted, the same words are three ANDed terms.
    const phrase = await search(mode, { q: '"5 家以上"' });
    expect(ids(phrase)).toEqual(brute('"5 家以上"'));
    expect(ids(phrase).length).toBeGreaterThan(0);
    const and = await search(mode, { q: '5 家以上' });
    expect(ids(and).length).toBeGreaterThan(ids(phrase).length);
    for (const id of ids(phrase)) expect(ids(and)).toContain(id);
    // Pasted text with curly quotes inside is one literal term.
    const pasted = await search(mode, { q: '围绕“五个优化”' });
    expect(parseQuery('围绕“五个优化”').terms).toEqual(['围绕“五个优化”']);
    expect(ids(pasted)).toEqual(brute('围绕“五个优化”'));
    expect(ids(pasted).length).toBeGreaterThan(0);
    // Fuse would read these as include / inverse / prefix / OR; here they are characters no task contains.
    for (const q of ["'齐鲁石化", '!齐鲁石化', '^齐鲁石化', '齐鲁石化$', '=齐鲁石化', '齐鲁石化|乙烯']) {
      expect(brute(q)).toEqual([]);
      const r = await search(mode, { q });
      // Nothing matches exactly, so either nothing or 相近结果 — never an "exact" hit.
      if (r.mode === 'exact') expect(r.total).toBe(0);
      else expect(r.mode).toBe('fuzzy');
    }
  });

  it('ANDs terms split by a full-width space', async () => {
    const r = await search(mode, { q: '齐鲁石化\u3000乙烯' });
    expect(ids(r)).toEqual(brute('齐鲁石化 乙烯'));
    expect(ids(r).length).toBeGreaterThan(0);
    expect(ids(r).length).toBeLessThan(brute('齐鲁石化').length + 1);
  });

  it('counts every facet exactly (each over the matches of the other facets)', async () => {
    const q = '建设';
    const r = await search(mode, { q, year: 2023 });
    for (const f of r.facets.district!) expect(f.count).toBe(brute(q, (d) => d.district === f.value && d.year === 2023).length);
    for (const f of r.facets.year!) expect(f.count).toBe(brute(q, (d) => d.year === Number(f.value)).length);
    for (const f of r.facets.status!) expect(f.count).toBe(brute(q, (d) => (d.statusFacet ?? statusFacetKey(d.status, d.statusSource)) === f.value && d.year === 2023).length);
    for (const f of r.facets.unit!.slice(0, 10)) expect(f.count).toBe(brute(q, (d) => d.unitIds.includes(f.value) && d.year === 2023).length);
  });

  it('never counts an inferred status with the stated one: 部分完成 and 推断·部分完成 are two facet values', async () => {
    const r = await search(mode, { q: '' });
    const facet = new Map(r.facets.status!.map((f) => [f.value, f]));
    const count = (status: string, source: string) => docs.filter((d) => d.status === status && d.statusSource === source).length;
    expect(count('partial', 'stated')).toBeGreaterThan(0);
    expect(count('partial', 'inferred')).toBeGreaterThan(0);
    expect(facet.get('partial')).toMatchObject({ label: '部分完成', count: count('partial', 'stated') });
    expect(facet.get('inferredPartial')).toMatchObject({ label: '推断·部分完成', count: count('partial', 'inferred') });
    const only = await search(mode, { q: '', status: 'partial' });
    expect(ids(only).every((id) => docs.find((d) => d.id === id)!.statusSource === 'stated')).toBe(true);
    const inferred = await search(mode, { q: '', status: 'inferredPartial' });
    expect(inferred.total).toBe(count('partial', 'inferred'));
  });

  it('offers 相近结果 only when nothing matches exactly', async () => {
    // 华 reads like 化: a sound-alike, labelled with what it matched.
    const typo = await search(mode, { q: '齐鲁石华' });
    expect(typo.mode).toBe('near');
    expect(typo.results.map((x) => x.id).sort()).toEqual(brute('齐鲁石化'));
    expect(typo.results[0]!.matchedBy).toEqual([{ term: '齐鲁石华', kind: 'sound', text: '齐鲁石化', label: '按读音匹配：齐鲁石化' }]);
    // An extra character is no sound-alike: Fuse's near text.
    const fuzzy = await search(mode, { q: '齐鲁石油化' });
    expect(fuzzy.mode).toBe('fuzzy');
    expect(fuzzy.results.map((x) => x.id)).toContain('linzi-2023-002');
    expect(fuzzy.results[0]!.matchedBy[0]!.kind).toBe('fuzzy');
    const exact = await search(mode, { q: '乙烯' });
    expect(exact.mode).toBe('exact');
    expect(ids(exact)).toEqual(brute('乙烯'));
  });

  it('lists exact matches first, then by how they matched, each group in document order; every result says why', async () => {
    const rank = { exact: 0, form: 1, alias: 2, pinyin: 3, sound: 4, fuzzy: 5 } as const;
    for (const q of ['发改委', '技改', '財政局', '区财正局', 'czj', '棚改 项目']) {
      const r = await engine(mode).search({ q, page: 1 });
      expect(r.results.length, q).toBeGreaterThan(0);
      const tiers = r.results.map((x) => Math.max(...x.matchedBy.map((m) => rank[m.kind])));
      const ns = r.matches.slice(0, r.results.length);
      for (let i = 1; i < tiers.length; i++) {
        expect(tiers[i]! >= tiers[i - 1]!, `${q} #${i}`).toBe(true);
        if (tiers[i] === tiers[i - 1]) expect(ns[i]! > ns[i - 1]!, `${q} #${i}`).toBe(true);
      }
      // Labelled exact means the text contains every term as typed; the exact ones are counted apart.
      for (const x of r.results) for (const m of x.matchedBy) expect(m.label.startsWith('原文匹配：') === (m.kind === 'exact')).toBe(true);
      expect(tiers.filter((t) => t === 0).length).toBe(Math.min(r.exactTotal, r.results.length));
    }
    // A district prefix searches that district only.
    const linzi = await engine(mode).search({ q: '临淄区财政局', page: 1 });
    expect(linzi.total).toBeGreaterThan(0);
    expect(linzi.results.every((x) => x.districtName === '临淄区')).toBe(true);
  });

  it('says when facets hide every match', async () => {
    const r = await search(mode, { q: '齐鲁石化', district: 'zhangdian' });
    expect(r.total).toBe(0);
    expect(r.totalWithoutFacets).toBe(brute('齐鲁石化').length);
    // A status the index does not know (a hand-edited URL) filters everything, never crashes.
    const odd = await search(mode, { q: '齐鲁石化', status: 'bogus' as never });
    expect([odd.total, odd.totalWithoutFacets]).toEqual([0, brute('齐鲁石化').length]);
  });
});

describe('engine resilience', () => {
  it('retries an index file whose fetch failed once', async () => {
    let failures = 1;
    const e = new SearchEngine(async (p) => {
      if (p === 'd/0.json' && failures-- > 0) throw new Error('network');
      return files.single.get(p)!;
    });
    await expect(e.search({ q: '齐鲁石化', page: 1 })).rejects.toThrow('network');
    expect((await e.search({ q: '齐鲁石化', page: 1 })).total).toBe(brute('齐鲁石化').length);
  });
});

describe('sharded index without a full text check', () => {
  it('counts terms of up to three characters exactly from the index alone', async () => {
    for (const q of ['财政局', '发改局', '镇', '5g', '财政局 镇']) {
      const r = await engine('sharded', 0).search({ q, page: 1 });
      expect(r.countExact, q).toBe(true);
      expect(ids(r), q).toEqual(brute(q));
    }
  });

  it('counts an upper bound, flags it, and still shows only true matches', async () => {
    for (const q of ['推进项目', '区发改局 建设', '基础设施']) {
      const r = await engine('sharded', 2).search({ q, page: 1 });
      const truth = new Set(brute(q));
      for (const id of truth) expect(ids(r)).toContain(id);
      if (r.countExact) expect(ids(r)).toEqual([...truth].sort());
      for (const item of r.results) expect(truth.has(item.id)).toBe(true);
      expect(r.results.length).toBe(Math.min(20, truth.size));
    }
  });

  it('writes the same bytes for the same data', () => {
    const input = indexInput(data);
    const again = buildIndex(input.docs, input.opts);
    expect([...again]).toEqual([...files.single]);
  });
});
