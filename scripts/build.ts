// npm run build (after the ingest): the site as shards built in parallel, merged into dist/.
//   npm run build -- [--shards N] [--jobs J] [--batch-weight W] [--out DIST]   (or BUILD_SHARDS / BUILD_JOBS / BUILD_BATCH_WEIGHT)
//   npm run build:shard -- --shard K --of N [--out DIR]   one shard, for one CI runner (output in DIR)
//   npm run build:merge -- DIR… [--out DIST]              merge shard outputs into dist/
// The dataset is PORTAL_DATA_DIR (default generated/); the shard cache is PORTAL_SHARD_CACHE (default .cache/shards/).
// A failure prints what failed (which shard and districts, or which path two shards both wrote) and
// exits 1, leaving dist/ as it was.
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MANIFEST } from '~/lib/shards/merge';
import { MergeError, ShardBuildError, ShardPlanError } from '~/lib/shards/errors';
import { ProblemError } from '~/lib/problems';
import { buildShards, buildSharded, defaultJobs, mergeIntoSite, prepareShards, withBuildLock } from '~/lib/shards/sharded-build';

const ROOT = resolve(import.meta.dirname, '..');
const cacheRoot = process.env.PORTAL_SHARD_CACHE;
const int = (v: string | undefined, name: string) => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new ShardPlanError(`${name}=${v}：应为整数。`);
  return n;
};

async function main() {
  const [mode, ...args] = process.argv.slice(2);
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { shards: { type: 'string' }, jobs: { type: 'string' }, 'batch-weight': { type: 'string' }, shard: { type: 'string' }, of: { type: 'string' }, out: { type: 'string' } } });
  const log = (s: string) => console.log(`[shards] ${s}`);
  const jobs = int(values.jobs ?? process.env.BUILD_JOBS, '--jobs') ?? defaultJobs();
  if (mode === 'all') {
    const batchWeight = int(values['batch-weight'] ?? process.env.BUILD_BATCH_WEIGHT, '--batch-weight');
    await buildSharded({ root: ROOT, cacheRoot, outDir: values.out ?? 'dist', shards: int(values.shards ?? process.env.BUILD_SHARDS, '--shards'), jobs, log, ...(batchWeight ? { batchWeight } : {}) });
  } else if (mode === 'shard') {
    const k = int(values.shard, '--shard');
    const of = int(values.of, '--of');
    if (k === undefined || of === undefined) throw new ShardPlanError('用法：npm run build:shard -- --shard K --of N [--out 目录]');
    const [result, run] = await withBuildLock({ root: ROOT, cacheRoot, log }, async () => {
      const [run] = prepareShards({ root: ROOT, cacheRoot, of, only: k });
      if (!run) throw new ShardPlanError(`--shard ${k} 超出范围：--of ${of} 时应为 0 到 ${of - 1}。`);
      return [(await buildShards({ root: ROOT, cacheRoot, log }, [run]))[0]!, run] as const;
    });
    const out = resolve(ROOT, values.out ?? join('shard-out', run.plan.name));
    rmSync(out, { recursive: true, force: true });
    cpSync(result.outDir, out, { recursive: true });
    log(`输出：${out}`);
  } else if (mode === 'merge') {
    if (positionals.length === 0) throw new MergeError('用法：npm run build:merge -- 分片目录…');
    const outputs = positionals.map((d) => {
      const dir = resolve(d);
      const manifest = join(dir, MANIFEST);
      if (!existsSync(manifest)) throw new MergeError(`${dir}：不是分片输出（缺少 ${MANIFEST}）。请传入 npm run build:shard 写出的目录。`);
      return { label: (JSON.parse(readFileSync(manifest, 'utf8')) as { label?: string }).label ?? basename(dir), dir };
    });
    const outDir = values.out ?? 'dist';
    log(`合并 ${outputs.length} 个分片：${mergeIntoSite({ root: ROOT, outDir }, outputs)} 个文件 → ${outDir}`);
  } else {
    throw new ShardPlanError(`未知模式 ${mode}：应为 all、shard 或 merge。`);
  }
}

main().catch((e: Error) => {
  process.stderr.write(`\n${e instanceof ShardBuildError || e instanceof ProblemError ? e.message : (e.stack ?? String(e))}\n构建未完成：dist/ 未被改动。\n`);
  process.exit(1);
});
