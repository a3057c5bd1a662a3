// npm run bench:search — the search index against plain Fuse, side by side in one run.
// Synthetic corpora from the seed reports' own clauses and unit names (deterministic seed) at 1×
// (today's task count), 10×, 100× and 100,000 tasks; a fixed query set; cold (fresh engine, nothing
// cached) and warm timings; gzipped bytes a cold query fetches; index size; exact-mode recall and
// count precision against a brute-force substring scan. The last line is machine-readable.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism, loadavg } from 'node:os';
import { gunzipSync, gzipSync } from 'node:zlib';
import Fuse from 'fuse.js';
import { buildIndex } from '~/lib/search/build-index';
import { SearchEngine } from '~/lib/search/engine';
import { FIELD_KINDS, searchText, type SearchDoc } from '~/lib/search/documents';
import { normalizeText } from '~/lib/search/normalize';
import { matchesAll, parseQuery } from '~/lib/search/query';
import { syntheticCorpus, vocabularyFrom } from './synthetic-corpus';
import { indexInput } from '~/lib/search/index-input';
import { buildLexicon, buildReadings, type LexiconInput } from '~/lib/search/lexicon-build';
import { straightforwardLexicon } from './straightforward-lexicon';
import { readSynonyms } from '~/lib/search/synonyms-file';
import { judge, readJudged, relevanceLine } from '~/lib/search/relevance';
import { DatasetError, readDataset } from '~/lib/dataset/read';

const WARM_RUNS = 15;
const BASELINE_RUNS = 2;

const reportsDir = 'content/reports';
const texts = readdirSync(reportsDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => readdirSync(join(reportsDir, d.name)).sort().map((f) => readFileSync(join(reportsDir, d.name, f), 'utf8')));
const vocab = vocabularyFrom(texts);

// Today's dataset, when the ingest has run: its size sets 1×, and its real index is measured too.
const real = (() => {
  if (!existsSync('generated/tasks.json')) return null;
  try {
    return indexInput(readDataset());
  } catch (err) {
    // A broken dataset is the ingest's to report: say which file, not a stack trace.
    console.error(err instanceof DatasetError ? err.message : String(err));
    process.exit(1);
  }
})();
const today = real?.docs.length ?? 450;
const sizes: [string, number][] = [
  ['1x', today],
  ['10x', today * 10],
  ['100x', today * 100],
  ['100k', 100_000],
];

const loadStart = loadavg()[0]!;
const longQuery = vocab.clauses.find((c) => Array.from(c).length >= 33)!;
const QUERIES: [string, string][] = [
  ['frequent', '建设'],
  ['frequent', '推进'],
  ['rare', '齐鲁石化'],
  ['rare', '乙烯'],
  ['absent', '量子计算机'],
  ['absent', '火星基地建设'],
  ['unit', '区发改局'],
  ['unit', '财政局'],
  ['1-char', '镇'],
  ['33+-char', longQuery],
  ['multi-term', '推进 项目 完成'],
  ['full-width space', '齐鲁石化\u3000乙烯'],
  ['5G', '5G基站'],
  ['operator', "'建设"],
  ['alias', '教育局'],
  ['sound-alike', '区财正局'],
  ['pinyin', 'caizhengju'],
];
const synonyms = readSynonyms();

const quantile = (xs: number[], q: number) => {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? 0;
};
const med = (xs: number[]) => quantile(xs, 0.5);
const p95 = (xs: number[]) => quantile(xs, 0.95);
const f1 = (x: number) => x.toFixed(1);
const kb = (b: number) => b / 1024;

/** Gzip every file (as a static host serves them); keep them as Buffers, outside the JS heap. */
function measureIndex(files: Map<string, string>) {
  const gz = new Map<string, Buffer>();
  let raw = 0;
  let zipped = 0;
  for (const [k, v] of files) {
    const g = gzipSync(v);
    gz.set(k, g);
    raw += Buffer.byteLength(v);
    zipped += g.length;
  }
  return { gz, raw, zipped };
}
/** Between measurements: collect garbage left by the corpus generator and the previous query. */
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

interface Row {
  size: string;
  docs: number;
  indexRawKb: number;
  indexGzKb: number;
  buildMs: number;
  coldMed: number;
  coldP95: number;
  warmMed: number;
  warmP95: number;
  warmCpuP95: number;
  coldKbMed: number;
  coldKbMax: number;
  baseColdMs: number;
  baseWarmMed: number;
  baseWarmP95: number;
  baseKb: number;
  speedup: number;
  speedupMed: number;
  recall: number;
  precision: number;
  exactCounts: number;
  lexiconMs: number;
  lexiconRefMs: number;
}

let recallHit = 0;
let recallAll = 0;
const rows: Row[] = [];

for (const [label, count] of sizes) {
  let corpus: ReturnType<typeof syntheticCorpus> | null = syntheticCorpus(vocab, count);
  const t0 = performance.now();
  // The same lexicon files the site ships (names, readings from a sample of the texts: the tables are
  // bounded, and reading 100,000 documents for frequent words would only slow the bench down).
  const sample = corpus.docs.slice(0, 2000).map(searchText);
  const lexiconInput: LexiconInput = { synonyms, units: corpus.units, leaders: vocab.names.map((name) => ({ name, variants: [] })), texts: sample };
  const names = buildLexicon(lexiconInput);
  let files: Map<string, string> | null = buildIndex(corpus.docs, { districts: corpus.districts, units: corpus.units, lexicon: { ...names, readings: buildReadings(sample) } });
  const buildMs = performance.now() - t0;
  // The lexicon side by side with the straightforward build it replaced (every form of every unit
  // checked against every other unit's name), same input; the same output or the bench stops.
  gc();
  let tl = performance.now();
  const reference = straightforwardLexicon(lexiconInput);
  const lexiconRefMs = performance.now() - tl;
  gc();
  tl = performance.now();
  const again = buildLexicon(lexiconInput);
  const lexiconMs = performance.now() - tl;
  if (JSON.stringify(again) !== JSON.stringify(reference)) throw new Error(`${label}: the lexicon differs from the straightforward build`);
  const lexiconUnits = corpus.units.length;
  corpus = null;
  const { gz, raw, zipped } = measureIndex(files);
  const fileCount = files.size;
  const meta = JSON.parse(files.get('meta.json')!) as { count: number; chunkSize: number };
  // Documents in index order (the build sorts them), for the brute-force scan and the baseline.
  const docs: SearchDoc[] = [];
  for (let c = 0; c * meta.chunkSize < meta.count; c++) docs.push(...(JSON.parse(files.get(`d/${c}.json`)!) as SearchDoc[]));
  files = null;
  const position = new Map(docs.map((d, n) => [d.id, n]));
  const truths = (() => {
    const normalized = docs.map((d) => searchText(d));
    return QUERIES.map(([, q]) => {
      const { terms } = parseQuery(q);
      const truth = new Set<number>();
      normalized.forEach((text, n) => matchesAll(text, terms) && truth.add(n));
      return truth;
    });
  })();

  const cold: number[] = [];
  const warm: number[] = [];
  const warmCpu: number[] = [];
  const coldBytes: number[] = [];
  let truthTotal = 0;
  let reported = 0;
  let exactCounts = 0;
  let exactModeQueries = 0;
  const detail: string[] = [];
  for (const [qi, [kind, q]] of QUERIES.entries()) {
    let fetched = 0;
    const kinds = new Map<string, number>();
    const engine = new SearchEngine(async (p) => {
      const body = gz.get(p);
      if (!body) throw new Error(`no index file ${p}`);
      fetched += body.length;
      const k = p.includes('/') ? p.split('/')[0]! : p.replace('.json', '');
      kinds.set(k, (kinds.get(k) ?? 0) + body.length);
      return gunzipSync(body).toString('utf8');
    }, { unitCounts: false });
    gc();
    let t = performance.now();
    const r = await engine.search({ q, page: 1 });
    const coldMs = performance.now() - t;
    cold.push(coldMs);
    coldBytes.push(fetched);
    const mine: number[] = [];
    gc();
    for (let i = 0; i < WARM_RUNS; i++) {
      const cpu = process.cpuUsage();
      t = performance.now();
      await engine.search({ q, page: 1 });
      mine.push(performance.now() - t);
      const used = process.cpuUsage(cpu);
      warmCpu.push((used.user + used.system) / 1000);
    }
    warm.push(...mine);
    // Recall and count precision of the exact mode against the brute-force scan.
    const truth = truths[qi]!;
    detail.push(
      `  ${kind.padEnd(16)} ${r.mode.padEnd(6)} total ${String(r.total).padStart(6)}${r.countExact ? ' ' : '~'} truth ${String(truth.size).padStart(6)}` +
        ` | cold ${f1(coldMs).padStart(6)} ms ${f1(kb(fetched)).padStart(6)} KB (${[...kinds].map(([k, v]) => `${k} ${f1(kb(v))}`).join(', ')})` +
        ` | warm med ${f1(med(mine))} max ${f1(Math.max(...mine))} ms`,
    );
    if (r.mode !== 'fuzzy') {
      exactModeQueries++;
      const got = new Set(r.matches);
      for (const n of truth) if (got.has(n)) recallHit++;
      recallAll += truth.size;
      truthTotal += truth.size;
      reported += r.exactTotal;
      if (r.exactTotal === truth.size) exactCounts++;
      // Results labelled 原文匹配 must contain the query; other names and sound-alikes come after them, labelled.
      for (const item of r.results) {
        const exact = item.matchedBy.every((m) => m.kind === 'exact');
        if (exact && !truth.has(position.get(item.id)!)) throw new Error(`${label} ${q}: a result labelled exact does not match`);
      }
    } else if (truth.size > 0) throw new Error(`${label} ${q}: fuzzy mode although ${truth.size} documents match`);
  }

  // Baseline: plain Fuse, extended search ('term = exact include) over the whole corpus.
  const records = docs.map((d) => {
    const rec: Record<string, string[]> = {};
    for (const k of FIELD_KINDS) rec[k] = [];
    for (const [k, , text] of d.fields) rec[k]!.push(normalizeText(text));
    return rec;
  });
  const corpusGz = gzipSync(JSON.stringify(docs)).length;
  gc();
  let t = performance.now();
  const fuse = new Fuse(records, { keys: [...FIELD_KINDS], useExtendedSearch: true, ignoreLocation: true, threshold: 0.6 });
  const fusePattern = (q: string) => parseQuery(q).terms.map((x) => `'${x.replace(/"/g, '')}`).join(' ');
  fuse.search(fusePattern(QUERIES[0]![1]));
  const baseColdMs = performance.now() - t;
  const baseWarm: number[] = [];
  for (const [, q] of QUERIES) {
    const pattern = fusePattern(q);
    gc();
    for (let i = 0; i < BASELINE_RUNS; i++) {
      t = performance.now();
      fuse.search(pattern);
      baseWarm.push(performance.now() - t);
    }
  }
  const row: Row = {
    size: label,
    docs: count,
    indexRawKb: kb(raw),
    indexGzKb: kb(zipped),
    buildMs,
    coldMed: med(cold),
    coldP95: p95(cold),
    warmMed: med(warm),
    warmP95: p95(warm),
    warmCpuP95: p95(warmCpu),
    coldKbMed: kb(med(coldBytes)),
    coldKbMax: kb(Math.max(...coldBytes)),
    baseColdMs,
    baseWarmMed: med(baseWarm),
    baseWarmP95: p95(baseWarm),
    baseKb: kb(corpusGz),
    speedup: p95(baseWarm) / p95(warm),
    speedupMed: med(baseWarm) / med(warm),
    recall: recallAll ? recallHit / recallAll : 1,
    precision: reported ? truthTotal / reported : 1,
    exactCounts,
    lexiconMs,
    lexiconRefMs,
  };
  rows.push(row);
  console.log(
    `${label.padEnd(5)} ${String(count).padStart(6)} docs | index ${f1(row.indexGzKb)} KB gz (${f1(row.indexRawKb)} KB raw, ${fileCount} files, build ${f1(buildMs)} ms)` +
      ` | ours cold med/p95 ${f1(row.coldMed)}/${f1(row.coldP95)} ms, warm med/p95 ${f1(row.warmMed)}/${f1(row.warmP95)} ms (CPU p95 ${f1(row.warmCpuP95)} ms), cold fetch med/max ${f1(row.coldKbMed)}/${f1(row.coldKbMax)} KB gz` +
      ` | Fuse cold ${f1(baseColdMs)} ms (${f1(row.baseKb)} KB gz corpus), warm med/p95 ${f1(row.baseWarmMed)}/${f1(row.baseWarmP95)} ms` +
      ` | speedup warm p95 ${f1(row.speedup)}× (median ${f1(row.speedupMed)}×) | counts exact ${exactCounts}/${exactModeQueries} exact-mode queries, count precision ${row.precision.toFixed(4)}` +
      ` | lexicon of ${lexiconUnits} units ${f1(lexiconMs)} ms, straightforward ${f1(lexiconRefMs)} ms (×${f1(lexiconRefMs / lexiconMs)}, same output)`,
  );
  if (label === '100k' || process.env.BENCH_VERBOSE) for (const d of detail) console.log(d);
}

let indexKb1x = rows[0]!.indexGzKb;
let relevance = '';
if (real) {
  const files = buildIndex(real.docs, real.opts);
  const { gz } = measureIndex(files);
  indexKb1x = kb(measureIndex(files).zipped);
  console.log(`today's dataset: ${real.docs.length} tasks, index ${f1(indexKb1x)} KB gz (${files.size} files)`);
  // Relevance on the judged queries; and what a reader's first query fetches (cold), at most.
  const meta = JSON.parse(files.get('meta.json')!) as { count: number; chunkSize: number };
  const docs: SearchDoc[] = [];
  for (let c = 0; c * meta.chunkSize < meta.count; c++) docs.push(...(JSON.parse(files.get(`d/${c}.json`)!) as SearchDoc[]));
  const judged = readJudged('tests/fixtures/search-judged.yaml');
  let firstMax = 0;
  let firstQ = '';
  for (const j of judged) {
    let fetched = 0;
    const e = new SearchEngine(async (p) => {
      const body = gz.get(p);
      if (!body) throw new Error(`no index file ${p}`);
      fetched += body.length;
      return gunzipSync(body).toString('utf8');
    });
    await e.search({ q: j.q, page: 1 });
    if (fetched > firstMax) [firstMax, firstQ] = [fetched, j.q];
  }
  const r = await judge(new SearchEngine(async (p) => files.get(p)!), judged, (n) => docs[n]!.id);
  for (const o of r.outcomes) if (o.recall < 1 || !o.top3 || (o.exactPrecision ?? 1) < 1) console.log(`  judged miss: ${o.query.q} (${o.query.kind}) recall ${o.recall.toFixed(2)} missing ${o.missing.join(' ')}`);
  console.log(`today's first query fetches at most ${f1(kb(firstMax))} KB gz (${JSON.stringify(firstQ)}; target ≤ 200 KB)`);
  relevance = `${relevanceLine(r)} first_query_kb_1x=${kb(firstMax).toFixed(1)}`;
}
console.log(`machine: node ${process.version}, ${availableParallelism()} cores, load average ${loadStart.toFixed(1)} at start, ${loadavg()[0]!.toFixed(1)} at end (timings are wall-clock; other processes inflate them)`);
console.log(`queries: ${QUERIES.map(([k, q]) => `${k}=${JSON.stringify(q)}`).join(' ')}`);
const big = rows.find((r) => r.size === '100k')!;
const recall = recallAll ? recallHit / recallAll : 1;
if (relevance) console.log(relevance);
console.log(
  `search-bench p95_100k_ms=${big.warmP95.toFixed(2)} speedup_100k=${big.speedup.toFixed(1)} recall_exact=${recall.toFixed(4)} cold_kb_100k=${big.coldKbMax.toFixed(1)} index_kb_1x=${indexKb1x.toFixed(1)} lexicon_speedup_100k=${(big.lexiconRefMs / big.lexiconMs).toFixed(1)}`,
);
