// The whole sharded build: plan the shards over the dataset's districts, give each district shard its
// slice of the data, build every shard whose output is not cached (at most `jobs` at once), then merge
// the outputs into dist/ through the staging folder (dist/ is swapped whole, never half-written).
import { cpus } from 'node:os';
import { realpathSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beginStaging, publishStaged, stagingFor } from '../build-worker/staged-site';
import { readSiteConfig } from '../site-config';
import { hasAddress, siteRootOf } from '../urls';
import { codeHash, dataHash, shardKey, sourcesHash } from './cache-key';
import { mergeShards, type ShardOutput } from './merge';
import { describeShard, planShards, sliceEnv, type ShardPlan } from './plan';
import { buildShard, isCached, pool, pruneShardCache, shardOutDir, ShardError, type ShardRun } from './run-shard';
import { districtIdsOf, readRaw, sourceFilesOf, writeSliceData } from './slice-data';
import { writeSitemap } from './sitemap';
import { globalAggregatesPath, writeGlobalAggregates } from './global-aggregates-file';

export interface ShardedOptions {
  root: string;
  /** The dataset (default PORTAL_DATA_DIR or generated/). */
  dataDir?: string;
  /** How many shards (default: defaultShards — the global shard plus district shards of at most DISTRICTS_PER_SHARD districts, at least one per job). */
  shards?: number;
  /** How many shard builds run at once (default: the number of cores). */
  jobs?: number;
  /** Default <root>/.cache/shards. */
  cacheRoot?: string;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}

export const defaultJobs = () => Math.max(1, cpus().length);
/**
 * How many districts a district shard holds at most by default. Adding a bulletin re-renders its district's
 * whole shard, so smaller shards make the incremental build cheaper, at the cost of one Astro start-up
 * each. Measured at 100× (100 districts, quiet 2-core machine, bench:build): 3 shards (50 districts each)
 * full 74.0 s, incremental 50.0 s; 11 shards (10 each) full 74.2 s, incremental 28.5 s.
 */
export const DISTRICTS_PER_SHARD = 10;

/** The global shard plus enough district shards to keep every core busy and none above DISTRICTS_PER_SHARD. */
export const defaultShards = (districts: number, jobs = defaultJobs()): number =>
  1 + Math.min(districts, Math.max(jobs, Math.ceil(districts / DISTRICTS_PER_SHARD)));

export const dataDirOf = (o: Pick<ShardedOptions, 'root' | 'dataDir' | 'env'>) =>
  realpathSync(resolve(o.root, o.dataDir ?? (o.env ?? process.env).PORTAL_DATA_DIR ?? 'generated'));
export const cacheRootOf = (o: Pick<ShardedOptions, 'root' | 'cacheRoot'>) => resolve(o.root, o.cacheRoot ?? '.cache/shards');

/** Plan the shards (all, or only those `only` names) and work out each one's data folder and cache key. */
export function prepareShards(o: ShardedOptions & { of?: number; only?: number }): ShardRun[] {
  const dataDir = dataDirOf(o);
  const cacheRoot = cacheRootOf(o);
  const raw = readRaw(dataDir);
  const districts = districtIdsOf(raw);
  const plans = planShards(districts, o.of ?? defaultShards(new Set(districts).size, o.jobs)).filter((p) => o.only === undefined || p.index === o.only);
  const code = codeHash(o.root);
  const env = o.env ?? process.env;
  let whole: string | undefined;
  return plans.map((plan) => {
    let dir = dataDir;
    if (plan.slice.kind === 'districts') {
      dir = join(cacheRoot, 'slices', plan.name);
      writeSliceData(raw, plan.districts, dir);
    }
    const data = dir === dataDir ? (whole ??= dataHash(dataDir)) : dataHash(dir);
    const sources = sourcesHash(resolve(o.root, env.PORTAL_CONTENT_ROOT ?? '.'), sourceFilesOf(raw, plan.slice.kind === 'districts' ? plan.districts : undefined));
    const key = shardKey({ code, data, sources, slice: plan.slice.kind === 'districts' ? `districts:${plan.districts.join(',')}` : sliceEnv(plan), env: o.env });
    const aggregatesFile = plan.slice.kind === 'global' ? globalAggregatesPath(cacheRoot, plan.name) : undefined;
    return { plan, dataDir: dir, key, code, outDir: shardOutDir(cacheRoot, plan, key), ...(aggregatesFile ? { aggregatesFile } : {}) };
  });
}

export interface ShardResult { plan: ShardPlan; outDir: string; cached: boolean; seconds: number }

/** Build every shard of `runs` that is not cached; each output lands in the cache. */
export async function buildShards(o: ShardedOptions, runs: readonly ShardRun[]): Promise<ShardResult[]> {
  const log = o.log ?? (() => {});
  const cacheRoot = cacheRootOf(o);
  // The global shard first: it carries the build worker's downloads and search index, the longest job.
  const order = [...runs].sort((a, b) => Number(b.plan.slice.kind !== 'districts') - Number(a.plan.slice.kind !== 'districts'));
  return pool(order.map((run) => async () => {
    const t0 = performance.now();
    if (isCached(run)) {
      log(`${describeShard(run.plan)}: 缓存命中（${run.key}），不重新构建`);
      return { plan: run.plan, outDir: run.outDir, cached: true, seconds: 0 };
    }
    if (run.aggregatesFile) {
      // After the other shards have started (they need no aggregates): the runner's one pass over every row.
      await new Promise((r) => setImmediate(r));
      const t = performance.now();
      writeGlobalAggregates(run.dataDir, run.aggregatesFile);
      log(`${describeShard(run.plan)}: 全局汇总（global aggregates）已写出（${((performance.now() - t) / 1000).toFixed(1)} 秒）`);
    }
    log(`${describeShard(run.plan)}: 构建中…`);
    const out = await buildShard(o.root, run, o.env, log);
    // The key was computed from the files before the build: if the code changed while Astro read it (an
    // edit or a git merge mid-build), the output may be of other code, so it is dropped, never cached.
    if (codeHash(o.root) !== run.code) {
      rmSync(run.outDir, { recursive: true, force: true });
      throw new ShardError(`分片 ${describeShard(run.plan)}：构建期间代码（src/、配置等）被改动，输出已丢弃。请在改动完成后重新运行 npm run build。`);
    }
    // The build worker's own lines (downloads, search index, share cards, each "in N ms"): bench:build reads them.
    for (const line of out.replace(/\x1b\[[0-9;]*m/g, '').split('\n')) if (line.includes('[pledge-portal:build-worker]')) log(`${run.plan.name}: ${line.trim()}`);
    pruneShardCache(cacheRoot, run.plan, run.key);
    const seconds = (performance.now() - t0) / 1000;
    log(`${describeShard(run.plan)}: 完成，用时 ${seconds.toFixed(1)} 秒`);
    return { plan: run.plan, outDir: run.outDir, cached: false, seconds };
  }), o.jobs ?? defaultJobs());
}

/** Merge shard outputs into `outDir` (default dist/) through the staging folder; writes the sitemap when the site has an address. */
export function mergeIntoSite(o: { root: string; outDir?: string; env?: NodeJS.ProcessEnv }, outputs: readonly ShardOutput[]): number {
  const env = o.env ?? process.env;
  const staging = stagingFor(resolve(o.root, o.outDir ?? 'dist'));
  beginStaging(staging);
  const files = mergeShards(outputs, staging.site);
  const root = siteRootOf(env.SITE || readSiteConfig(o.root).url || undefined, env.BASE ?? '/');
  if (hasAddress(root)) writeSitemap(staging.site, root);
  publishStaged(staging);
  return files;
}

/** npm run build: every shard, then the merge into dist/. */
export async function buildSharded(o: ShardedOptions & { outDir?: string }): Promise<ShardResult[]> {
  let t0 = performance.now();
  const runs = prepareShards({ ...o, of: o.shards });
  o.log?.(`准备 ${runs.length} 个分片的数据与缓存键：${((performance.now() - t0) / 1000).toFixed(1)} 秒`);
  const results = await buildShards(o, runs);
  t0 = performance.now();
  const files = mergeIntoSite(o, results.map((r) => ({ label: describeShard(r.plan), dir: r.outDir })));
  o.log?.(`合并 ${results.length} 个分片（${results.filter((r) => r.cached).length} 个来自缓存）：${files} 个文件，${((performance.now() - t0) / 1000).toFixed(1)} 秒`);
  return results;
}
