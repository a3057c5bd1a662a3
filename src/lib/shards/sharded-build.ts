// The whole sharded build. Locally (buildSharded): the global shard, and the districts not cached in
// batches, each with its slice of the data, at most `jobs` builds at once, merged into dist/ through the
// staging folder as they finish (dist/ is swapped whole, never half-written). For a CI matrix
// (prepareShards, buildShards, mergeIntoSite): fixed shards, one per runner, merged by one job.
import { cpus } from 'node:os';
import { mkdirSync, realpathSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { beginStaging, publishStaged, stagingFor, type Staging } from '../build-worker/staged-site';
import { startMergeThread } from './merge-thread';
import { FILE_STORE_ENV, pruneStore } from '../build-worker/file-store';
import { DOWNLOAD_CACHE_ENV } from '../opendata/download-cache';
import { discardOthers, emptyTrash } from './trash';
import { readSiteConfig } from '../site-config';
import { hasAddress, siteRootOf } from '../urls';
import { codeHash, dataHash, dataStamp, forgetFiles, shardKey, sourcesHash } from './cache-key';
import { mergeShards, type ShardOutput } from './merge';
import { describeShard, GLOBAL_SHARD, planBatches, planShards, sliceEnv, type ShardPlan } from './plan';
import { parseSlice } from '~/lib/dataset/slice';
import { districtKeys } from './district-keys';
import { DISTRICT_KEYS_ENV, writeDistrictKeysFile } from './district-keys-file';
import { takeLocks } from './build-lock';
import { batchDir, batchName, cachedEntry, pruneBatches, readBatchManifest, recordBatch, type BatchManifest } from './district-cache';
import { buildShard, isCached, limiter, pool, pruneShardCache, settle, shardBuildsDir, shardOutDir, ShardError, type ShardRun } from './run-shard';
import { citedFiles, districtIdsOf, sourceFilesOf, writeSliceData } from './slice-data';
import { openRows } from './dataset-rows';
import { writeSitemap } from './sitemap';

export interface ShardedOptions {
  root: string;
  /** The dataset (default PORTAL_DATA_DIR or generated/). */
  dataDir?: string;
  /** How many shards: 1 is one Astro build of the whole site; N > 1 splits the districts to build into at most N - 1 batches (default: planBatches by weight). */
  shards?: number;
  /** How many shard builds run at once (default: the number of cores). */
  jobs?: number;
  /** Default <root>/.cache/shards. */
  cacheRoot?: string;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}

export const defaultJobs = () => Math.max(1, cpus().length);
export const dataDirOf = (o: Pick<ShardedOptions, 'root' | 'dataDir' | 'env'>) =>
  realpathSync(resolve(o.root, o.dataDir ?? (o.env ?? process.env).PORTAL_DATA_DIR ?? 'generated'));
export const cacheRootOf = (o: Pick<ShardedOptions, 'root' | 'cacheRoot'>) => resolve(o.root, o.cacheRoot ?? '.cache/shards');
/** The global shard's file store: its download and search index files by SHA-256 (file-store.ts). */
const storeDirOf = (cacheRoot: string) => join(cacheRoot, 'files');
/** The global shard's downloads' caches (download-cache.ts): <cache>/downloads/<code hash>/, so no entry outlives its code. */
const downloadCachesOf = (cacheRoot: string) => join(cacheRoot, 'downloads');
const downloadCacheName = (code: string) => code.slice(0, 20);

/** Plan the shards (all, or only those `only` names) and work out each one's data folder and cache key. */
export function prepareShards(o: ShardedOptions & { of: number; only?: number }): ShardRun[] {
  const dataDir = dataDirOf(o);
  const cacheRoot = cacheRootOf(o);
  const rows = openRows(dataDir);
  const districts = districtIdsOf(rows);
  const plans = planShards(districts, o.of).filter((p) => o.only === undefined || p.index === o.only);
  const code = codeHash(o.root);
  const env = o.env ?? process.env;
  let whole: string | undefined;
  const runs = plans.map((plan) => {
    let dir = dataDir;
    if (plan.slice.kind === 'districts') {
      dir = join(cacheRoot, 'slices', plan.name);
      writeSliceData(rows, plan.districts, dir);
    }
    const data = dir === dataDir ? (whole ??= dataHash(dataDir)) : dataHash(dir);
    const sources = sourcesHash(resolve(o.root, env.PORTAL_CONTENT_ROOT ?? '.'), sourceFilesOf(rows, plan.slice.kind === 'districts' ? plan.districts : undefined));
    const key = shardKey({ code, data, sources, slice: plan.slice.kind === 'districts' ? `districts:${plan.districts.join(',')}` : sliceEnv(plan), env: o.env });
    return { plan, dataDir: dir, key, code, outDir: shardOutDir(cacheRoot, plan, key) };
  });
  forgetFiles();
  return runs;
}

export interface ShardResult { plan: ShardPlan; outDir: string; cached: boolean; seconds: number }

/** Build every shard of `runs` that is not cached; each output lands in the cache. */
export async function buildShards(o: ShardedOptions, runs: readonly ShardRun[]): Promise<ShardResult[]> {
  // The global shard first: it carries the build worker's downloads and search index, the longest job.
  const order = [...runs].sort((a, b) => Number(b.plan.slice.kind !== 'districts') - Number(a.plan.slice.kind !== 'districts'));
  return pool(order.map((run) => () => buildOne(o, run)), o.jobs ?? defaultJobs());
}

/** Build one shard or batch unless its output is cached; the output lands in the cache. */
async function buildOne(o: ShardedOptions, run: ShardRun): Promise<ShardResult> {
  const log = o.log ?? (() => {});
  const cacheRoot = cacheRootOf(o);
  const label = describeShard(run.plan);
  // A batch's output is split among its districts (district-cache.ts), built now or found complete.
  const record = (keys: ReadonlyMap<string, string>) => recordBatch({ cacheRoot, publicDir: resolve(o.root, 'public'), batch: run.plan.name, label, districtKeys: keys });
  const t0 = performance.now();
  if (isCached(run)) {
    if (run.districtKeys) record(run.districtKeys);
    log(`${label}: 缓存命中（${run.key}），不重新构建`);
    return { plan: run.plan, outDir: run.outDir, cached: true, seconds: 0 };
  }
  log(`${label}: 构建中…`);
  const out = await buildShard(o.root, run, o.env, log);
  // The key was computed from the files before the build: if the code changed while Astro read it (an
  // edit or a git merge mid-build), the output may be of other code, so it is dropped, never cached.
  if (codeHash(o.root) !== run.code) {
    rmSync(run.outDir, { recursive: true, force: true });
    throw new ShardError(`分片 ${label}：构建期间代码（src/、配置等）被改动，输出已丢弃。请在改动完成后重新运行 npm run build。`);
  }
  // The build worker's own lines (downloads, search index, share cards, each "in N ms"): bench:build reads them.
  for (const line of out.replace(/\x1b\[[0-9;]*m/g, '').split('\n')) if (line.includes('[pledge-portal:build-worker]')) log(`${run.plan.name}: ${line.trim()}`);
  if (run.districtKeys) record(run.districtKeys);
  else pruneShardCache(cacheRoot, run.plan, run.key);
  const seconds = (performance.now() - t0) / 1000;
  log(`${label}: 完成，用时 ${seconds.toFixed(1)} 秒`);
  return { plan: run.plan, outDir: run.outDir, cached: false, seconds };
}

/** Merge shard outputs into `outDir` (default dist/) through the staging folder; writes the sitemap when the site has an address. */
export function mergeIntoSite(o: { root: string; outDir?: string; env?: NodeJS.ProcessEnv }, outputs: readonly ShardOutput[]): number {
  const staging = stagingFor(resolve(o.root, o.outDir ?? 'dist'));
  beginStaging(staging);
  const files = mergeShards(outputs, staging.site);
  publishSite(o, staging);
  return files;
}

/** The merged site's sitemap (with a site address), then the staged site swapped into place. */
function publishSite(o: { root: string; env?: NodeJS.ProcessEnv }, staging: Staging): void {
  const env = o.env ?? process.env;
  const root = siteRootOf(env.SITE || readSiteConfig(o.root).url || undefined, env.BASE ?? '/');
  if (hasAddress(root)) writeSitemap(staging.site, root);
  publishStaged(staging);
}

/**
 * How heavy a batch may be (rows that become pages: tasks, units, leaders, reports) before the districts to
 * build are split into more batches than jobs. Every batch pays Astro's start-up (content sync, bundling,
 * module loading: ~4–5 s of CPU), so fewer batches cost less; a batch's peak memory grows with its pages.
 * At 100× the seeds (weight ~42,000, 2 cores, full builds alternated): 8,000 (5 batches) took 97–107 s of
 * user CPU, 24,000 (2 batches of 50 districts) 77–82 s, the largest process 1.6–1.7 GB either way (the
 * global shard's). See README "Building in shards".
 */
export const BATCH_WEIGHT = 24_000;

/**
 * npm run build: the global shard and the districts not cached, in batches (planBatches), at most `jobs`
 * builds at once; then the merge into dist/ of the global shard and every district's cached files.
 * `shards: 1` builds the whole site in one Astro build instead.
 */
export async function buildSharded(o: ShardedOptions & { outDir?: string; batchWeight?: number }): Promise<ShardResult[]> {
  return withBuildLock(o, () => (o.shards === 1 ? buildWhole(o) : buildInShards(o)));
}

/**
 * Run `build` holding the locks of the checkout (its .cache/shard-builds/, where every shard is built) and of
 * the shard cache (build-lock.ts): a second build started meanwhile waits, saying for which process.
 */
export async function withBuildLock<T>(o: Pick<ShardedOptions, 'root' | 'cacheRoot' | 'log'>, build: () => Promise<T>): Promise<T> {
  const paths = [join(shardBuildsDir(o.root), '.lock'), join(cacheRootOf(o), '.lock')];
  const release = await takeLocks(paths, { onWait: (path, pid) => o.log?.(`另一个构建（进程 ${pid}）正在使用 ${dirname(path)}，等它结束后再开始…`) });
  try {
    return await build();
  } finally {
    release();
  }
}

async function buildInShards(o: ShardedOptions & { outDir?: string; batchWeight?: number }): Promise<ShardResult[]> {
  const log = o.log ?? (() => {});
  let t0 = performance.now();
  const env = o.env ?? process.env;
  const jobs = o.jobs ?? defaultJobs();
  const dataDir = dataDirOf(o);
  const cacheRoot = cacheRootOf(o);
  const contentRoot = resolve(o.root, env.PORTAL_CONTENT_ROOT ?? '.');
  const code = codeHash(o.root);
  const limit = limiter(jobs);
  emptyTrash(cacheRoot);
  // The global shard starts first, before the districts' keys are worked out: it is the longest build
  // when one bulletin changes (every bulletin changes its counts), and its key needs only the files' bytes.
  const globalPlan: ShardPlan = { index: 0, of: 0, name: GLOBAL_SHARD, slice: parseSlice('global'), districts: [] };
  // The data files as they stand before any is hashed: checked again after the builds (below).
  const stamp = dataStamp(dataDir);
  const globalKey = shardKey({ code, data: dataHash(dataDir), sources: sourcesHash(contentRoot, citedFiles(dataDir)), slice: 'global', env: o.env });
  const globalRun: ShardRun = { plan: globalPlan, dataDir, key: globalKey, code, outDir: shardOutDir(cacheRoot, globalPlan, globalKey) };
  const staging = stagingFor(resolve(o.root, o.outDir ?? 'dist'));
  beginStaging(staging);
  // Each output is linked into the staging folder as soon as it is ready, on the merge thread, while the
  // other builds run: the cached districts' files now, the global shard's and each batch's when built.
  const merge = startMergeThread(staging.site);
  // Its downloads and search index are linked from the cache's file store, written only when new (file-store.ts),
  // and its districts' download pieces come from the last build (download-cache.ts), keyed with the districts'
  // keys, which this process works out meanwhile and hands over in a file (district-keys-file.ts; "none" if
  // planning fails first, so the worker never waits in vain).
  const keysFile = join(cacheRoot, 'handoff', `district-keys-${globalKey}.json`);
  mkdirSync(dirname(keysFile), { recursive: true });
  let handed = false;
  const handKeys = (keys: ReadonlyMap<string, string> | null) => {
    writeDistrictKeysFile(keysFile, keys);
    handed = true;
  };
  const downloadCache = join(downloadCachesOf(cacheRoot), downloadCacheName(code));
  const globalEnv = { ...env, [FILE_STORE_ENV]: storeDirOf(cacheRoot), [DOWNLOAD_CACHE_ENV]: downloadCache, [DISTRICT_KEYS_ENV]: keysFile };
  // Beside the batches, not in one of their `jobs` slots (unless --jobs 1): the batches yield the CPU to it
  // (priority.ts), and the districts split evenly over the slots all start at once and end together, instead
  // of the last batch waiting for the global shard and ending alone on one core.
  const globalBuilt = limit(() => buildOne({ ...o, env: globalEnv }, globalRun), { slot: jobs === 1 }).then((r) => (merge.add([{ label: describeShard(globalPlan), dir: r.outDir }]), r));
  const used = new Map<string, BatchManifest>();
  const mergeDistricts = (districts: readonly string[], keyOf: (d: string) => string) => {
    const outputs: ShardOutput[] = [];
    for (const d of districts) {
      const entry = cachedEntry(cacheRoot, d, keyOf(d));
      if (!entry) throw new ShardError(`区县 ${d} 的分片输出不在缓存中（${cacheRoot}）：缓存在构建期间被改动了？请重新运行 npm run build。`);
      const dir = batchDir(cacheRoot, entry.batch);
      if (!used.has(entry.batch)) {
        const m = readBatchManifest(dir)!;
        used.set(entry.batch, m);
        outputs.push({ label: m.label, dir, files: m.common });
      }
      outputs.push({ label: `${used.get(entry.batch)!.label}（区县 ${d}）`, dir, files: entry.files });
    }
    merge.add(outputs);
  };
  // Each batch is queued as soon as its slice is written: the first builds while the others' slices are written.
  const queued: ShardRun[] = [];
  const builds: Promise<ShardResult>[] = [globalBuilt];
  const queue = (run: ShardRun) => {
    queued.push(run);
    builds.push(limit(() => buildOne(o, run)).then((r) => (mergeDistricts(run.plan.districts, (d) => run.districtKeys!.get(d)!), r)));
  };
  let results: ShardResult[];
  let districtCount = 0;
  try {
    const { keys, todo, batches, reader } = planDistricts({ ...o, jobs, dataDir, cacheRoot, contentRoot, code, handKeys }, queue);
    const how = reader === 'index' ? '按区县索引读取数据' : '逐表解析数据（没有与数据文件相符的区县索引）';
    log(`准备：${keys.size} 个区县中 ${keys.size - todo.length} 个来自缓存，${todo.length} 个分 ${batches.length} 批构建，${how}；${((performance.now() - t0) / 1000).toFixed(1)} 秒`);
    districtCount = keys.size;
    const building = new Set(todo.map((d) => d.id));
    mergeDistricts([...keys.keys()].filter((d) => !building.has(d)), (d) => keys.get(d)!.key);
    results = await settle(builds);
    // The keys were worked out from the data files as they were when the build began; the global shard read
    // them later. Changed meanwhile (npm run ingest mid-build), its output and the entries its worker put in
    // the downloads' cache may not be what their keys say: dropped, never used.
    // (A district batch read the slice this process cut from the bytes it keyed: it needs no such check.)
    if (dataStamp(dataDir) !== stamp) {
      if (!results[0]!.cached) {
        rmSync(globalRun.outDir, { recursive: true, force: true });
        rmSync(downloadCache, { recursive: true, force: true });
      }
      throw new ShardError(`数据目录 ${dataDir} 在构建期间被改动（例如同时运行了 npm run ingest），本次构建的全局分片输出已丢弃。请在数据生成完成后重新运行 npm run build。`);
    }
  } catch (e) {
    if (!handed) handKeys(null);
    // Nothing is left running or writing into the cache: the builds already started end first.
    await Promise.allSettled(builds);
    await merge.stop();
    throw e;
  } finally {
    for (const r of queued) rmSync(r.dataDir, { recursive: true, force: true });
    rmSync(keysFile, { force: true });
  }
  t0 = performance.now();
  const files = await merge.finish();
  publishSite(o, staging);
  pruneBatches(cacheRoot, new Set(used.keys()));
  pruneStore(storeDirOf(cacheRoot));
  discardOthers(cacheRoot, downloadCachesOf(cacheRoot), new Set([downloadCacheName(code)]));
  log(`合并：全局分片与 ${districtCount} 个区县（来自 ${used.size} 批输出），${files} 个文件；最后一个构建结束后 ${((performance.now() - t0) / 1000).toFixed(1)} 秒`);
  return results;
}

/**
 * The districts' keys, which of them to build, in which batches; each batch's data slice written and the
 * batch handed to `queue` at once (its build may start while the next slices are written). The rows (the
 * table files' bytes, or every row parsed when there is no valid district index: hundreds of MB at 100× the
 * seeds) are dropped when this returns.
 */
function planDistricts(
  o: ShardedOptions & { jobs: number; dataDir: string; cacheRoot: string; contentRoot: string; code: string; batchWeight?: number; handKeys: (keys: ReadonlyMap<string, string>) => void },
  queue: (run: ShardRun) => void,
) {
  const rows = openRows(o.dataDir);
  const keys = districtKeys(rows, { code: o.code, contentRoot: o.contentRoot, env: o.env });
  o.handKeys(new Map([...keys].map(([d, k]) => [d, k.key])));
  const todo: { id: string; weight: number }[] = [];
  for (const [d, k] of keys) if (!cachedEntry(o.cacheRoot, d, k.key)) todo.push({ id: d, weight: k.weight });
  const batches = planBatches(todo, { jobs: o.jobs, maxWeight: o.batchWeight ?? BATCH_WEIGHT, ...(o.shards ? { batches: o.shards - 1 } : {}) });
  for (const [i, districts] of batches.entries()) {
    const districtKeys = new Map(districts.map((d) => [d, keys.get(d)!.key]));
    const name = batchName(districtKeys);
    const dir = join(o.cacheRoot, 'slices', name);
    writeSliceData(rows, districts, dir);
    queue({ plan: { index: i + 1, of: batches.length + 1, name, slice: { kind: 'districts', districts }, districts }, dataDir: dir, key: name, code: o.code, outDir: batchDir(o.cacheRoot, name), districtKeys });
  }
  forgetFiles();
  return { keys, todo, batches, reader: rows.reader };
}

/** `--shards 1`: the whole site in one Astro build (what the merged site must equal, byte for byte). */
async function buildWhole(o: ShardedOptions & { outDir?: string }): Promise<ShardResult[]> {
  const runs = prepareShards({ ...o, of: 1 });
  const results = await buildShards(o, runs);
  mergeIntoSite(o, results.map((r) => ({ label: describeShard(r.plan), dir: r.outDir })));
  return results;
}
