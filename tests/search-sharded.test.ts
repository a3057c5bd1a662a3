// The sharded index at a size where it is used (synthetic corpus from the seeds' own clauses):
// for substrings picked at random from the documents, the engine finds every document a brute-force
// scan finds, shows only true matches, and its facet counts match the scan whenever it says exact.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex, type IndexFiles } from '../src/lib/search/build-index';
import { SearchEngine } from '../src/lib/search/engine';
import { searchText, type SearchDoc } from '../src/lib/search/documents';
import { matchesAll, parseQuery } from '../src/lib/search/query';
import { prng, syntheticCorpus, vocabularyFrom } from '../scripts/bench/synthetic-corpus';

let files: IndexFiles;
let docs: SearchDoc[];
let texts: string[];

beforeAll(() => {
  const dir = 'content/reports';
  const seeds = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(join(dir, d.name)).map((f) => readFileSync(join(dir, d.name, f), 'utf8')));
  const corpus = syntheticCorpus(vocabularyFrom(seeds), 4000, 7);
  files = buildIndex(corpus.docs, { districts: corpus.districts, units: corpus.units });
  const meta = JSON.parse(files.get('meta.json')!) as { count: number; chunkSize: number; mode: string };
  expect(meta.mode).toBe('sharded');
  docs = [];
  for (let c = 0; c * meta.chunkSize < meta.count; c++) docs.push(...(JSON.parse(files.get(`d/${c}.json`)!) as SearchDoc[]));
  texts = docs.map(searchText);
});

describe('sharded index (4,000 synthetic tasks)', () => {
  it('finds every match of random substrings and shows only true matches', async () => {
    const rnd = prng(42);
    const engine = new SearchEngine(async (p) => files.get(p)!);
    let checked = 0;
    for (let i = 0; i < 60; i++) {
      const text = texts[Math.floor(rnd() * texts.length)]!;
      const len = 1 + Math.floor(rnd() * 8);
      const at = Math.floor(rnd() * Math.max(1, text.length - len));
      const q = text.slice(at, at + len).replace(/[\n ]/g, '');
      if (!q || /[\uD800-\uDFFF]/.test(q)) continue;
      const terms = parseQuery(q).terms;
      const truth = new Set<number>();
      texts.forEach((t, n) => matchesAll(t, terms) && truth.add(n));
      const year = i % 3 === 0 ? docs[0]!.year : undefined;
      const r = await engine.search({ q, page: 1, ...(year ? { year } : {}) });
      if (r.mode === 'fuzzy') {
        // 相近结果 only when nothing at all matches exactly.
        expect(truth.size, `${q}: fuzzy although ${truth.size} match`).toBe(0);
        continue;
      }
      const got = new Set(r.matches);
      const truthInYear = [...truth].filter((n) => year === undefined || docs[n]!.year === year);
      for (const n of truthInYear) expect(got.has(n), `${q}: document ${n} missing`).toBe(true);
      for (const item of r.results) expect(truth.has(docs.findIndex((d) => d.id === item.id)), `${q}: ${item.id} shown`).toBe(true);
      expect(r.results.length).toBe(Math.min(20, truthInYear.length));
      if (r.countExact) {
        expect(r.total).toBe(truthInYear.length);
        for (const f of r.facets.district!) expect(f.count).toBe(truthInYear.filter((n) => docs[n]!.district === f.value).length);
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(50);
  });
});
