// The judged query set (tests/fixtures/search-judged.yaml: what a careful reader expects for each query,
// decided from the documents) against the index built from the repository's own data, in both index
// modes. Targets: recall ≥ 0.95, an expected task in the top 3 for ≥ 95 % of queries, and every result
// labelled 原文匹配 for an exact query expected (precision 1.0).
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { indexInput } from '~/lib/search/index-input';
import { buildIndex, type IndexFiles } from '~/lib/search/build-index';
import { SearchEngine } from '~/lib/search/engine';
import type { SearchDoc } from '~/lib/search/documents';
import { judge, readJudged, relevanceLine } from '~/lib/search/relevance';
import { ROOT, repoDataset } from './helpers/repo-dataset';

const queries = readJudged(join(ROOT, 'tests/fixtures/search-judged.yaml'));
let input: ReturnType<typeof indexInput>;
beforeAll(() => {
  input = indexInput(repoDataset().dataset, ROOT);
});

function engineOver(files: IndexFiles) {
  const meta = JSON.parse(files.get('meta.json')!) as { count: number; chunkSize: number };
  const docs: SearchDoc[] = [];
  for (let c = 0; c * meta.chunkSize < meta.count; c++) docs.push(...(JSON.parse(files.get(`d/${c}.json`)!) as SearchDoc[]));
  const engine = new SearchEngine(async (p) => {
    const f = files.get(p);
    if (f === undefined) throw new Error(`no index file ${p}`);
    return f;
  });
  return { engine, idOf: (n: number) => docs[n]!.id };
}

describe('judged queries', () => {
  it('cover every kind the search promises, at least 80 queries, each expecting real tasks', () => {
    expect(queries.length).toBeGreaterThanOrEqual(80);
    const kinds = new Set(queries.map((q) => q.kind));
    for (const k of ['exact', 'alias', 'abbreviation', 'variant', 'broken', 'sound', 'pinyin', 'initials', 'width', 'traditional', 'prefix', 'ending', 'and']) expect(kinds, k).toContain(k);
    const ids = new Set(repoDataset().dataset.tasks.map((t) => t.id));
    for (const q of queries) for (const id of q.expect) expect(ids.has(id), `${q.q}: ${id}`).toBe(true);
  });

  it.each(['single', 'sharded'] as const)('meet the relevance targets (%s index)', async (mode) => {
    const files = buildIndex(input.docs, mode === 'single' ? input.opts : { ...input.opts, singleMax: 0 });
    const { engine, idOf } = engineOver(files);
    const r = await judge(engine, queries, idOf);
    const misses = r.outcomes.filter((o) => o.recall < 1 || !o.top3 || (o.exactPrecision ?? 1) < 1).map((o) => `${o.query.q}: missing ${o.missing.join(' ')}`);
    console.log(`${mode}: ${relevanceLine(r)}${misses.length ? `\n  ${misses.join('\n  ')}` : ''}`);
    expect(r.recall).toBeGreaterThanOrEqual(0.95);
    expect(r.top3).toBeGreaterThanOrEqual(0.95);
    expect(r.exactPrecision).toBe(1);
    // Exact queries find exactly the tasks that print the term, and call them 原文匹配.
    for (const o of r.outcomes.filter((x) => x.query.kind === 'exact')) expect(o.mode, o.query.q).toBe('exact');
  });
});
