// The index build's fast posting lists (gram-postings.ts) against the plain definition: for every
// document, each gram of normalize.ts `gramsOf` and each unit key, the ascending document numbers.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gramPostings } from '../src/lib/search/gram-postings';
import { gramsOf } from '../src/lib/search/normalize';
import { unitKey } from '../src/lib/search/index-format';
import { searchText } from '../src/lib/search/documents';
import { syntheticCorpus, vocabularyFrom } from '../scripts/bench/synthetic-corpus';

function plain(texts: string[], units: number[][]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const post = (k: string, n: number) => (out.get(k) ?? out.set(k, []).get(k)!).push(n);
  texts.forEach((t, n) => {
    for (const g of gramsOf(t)) post(g, n);
    for (const u of new Set(units[n])) post(unitKey(u), n);
  });
  return out;
}

function fast(texts: string[], units: number[][]): Map<string, number[]> {
  const { keys, lists } = gramPostings(texts, units);
  expect(new Set(keys).size).toBe(keys.length);
  return new Map(keys.map((k, i) => [k, Array.from(lists[i]!)]));
}

const sorted = (m: Map<string, number[]>) => [...m].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

describe('gram posting lists', () => {
  it('match gramsOf across spaces, field breaks, surrogate pairs, lone surrogates and repeats', () => {
    const texts = ['ab c𠀀d', '𠀀𠀀𠀀\n𠀀d', 'x\uD800y \uDC00z', '', '  \n ', '区发改局区发改局', 'ab'];
    const units = [[0], [], [1, 1], [2], [], [0, 3], [3]];
    expect(sorted(fast(texts, units))).toEqual(sorted(plain(texts, units)));
  });

  it('match gramsOf on 3,000 synthetic tasks built from the seed reports', () => {
    const dir = 'content/reports';
    const seeds = readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => readdirSync(join(dir, d.name)).map((f) => readFileSync(join(dir, d.name, f), 'utf8')));
    const corpus = syntheticCorpus(vocabularyFrom(seeds), 3000, 11);
    const unitIndex = new Map(corpus.units.map((u, i) => [u.id, i]));
    const texts = corpus.docs.map(searchText);
    const units = corpus.docs.map((d) => d.unitIds.map((id) => unitIndex.get(id)!));
    const got = fast(texts, units);
    expect(got.size).toBeGreaterThan(10_000);
    expect(sorted(got)).toEqual(sorted(plain(texts, units)));
  });
});

describe('gram bucket files', () => {
  it('are what JSON.stringify gives for the bucket object (digit grams first, numerically; other keys sorted)', async () => {
    const { buildIndex } = await import('../src/lib/search/build-index');
    const { indexInput } = await import('../src/lib/search/index-input');
    const { readDataset } = await import('~/lib/dataset/read');
    const { docs, opts } = indexInput(readDataset());
    const files = buildIndex(docs, { ...opts, singleMax: 0, bucketBytes: 4000 });
    let digitKeys = 0;
    for (const [path, body] of files) {
      if (!path.startsWith('g/')) continue;
      const bucket = JSON.parse(body) as Record<string, unknown>;
      expect(JSON.stringify(bucket), path).toBe(body);
      const keys = Object.keys(bucket).filter((k) => !/^(?:0|[1-9][0-9]*)$/.test(k));
      digitKeys += Object.keys(bucket).length - keys.length;
      expect(keys, path).toEqual(keys.slice().sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    expect(digitKeys).toBeGreaterThan(0);
  });
});
