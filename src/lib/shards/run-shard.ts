// Runs one shard's `astro build` as a child process and caches its output under .cache/shards/:
// <cache>/<shard name>/<key>/ is a complete shard output or absent (Astro builds into a staging folder
// beside it, see staged-site.ts). A failed shard throws a ShardError that names the shard and its
// districts and quotes Astro's own message, without a stack trace.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describeShard, sliceEnv, type ShardPlan } from './plan';
import { MANIFEST } from './merge';
import { discardOthers } from './trash';
import { yieldToGlobal } from './priority';

export { ShardError } from './errors';
import { ShardError } from './errors';

export interface ShardRun {
  plan: ShardPlan;
  /** Folder of the shard's data (the global shard: the whole dataset). */
  dataDir: string;
  key: string;
  /** The code hash the key was made with (checked again after the build). */
  code: string;
  /** Where the output ends up: <cacheRoot>/<name>/<key>/. */
  outDir: string;
  /** A batch of the local build: its districts' keys; its output is split among them (district-cache.ts). */
  districtKeys?: ReadonlyMap<string, string>;
}

/** Where every shard of the checkout at `root` is built before its output moves to the cache. */
export const shardBuildsDir = (root: string) => join(root, '.cache', 'shard-builds');

export const shardOutDir = (cacheRoot: string, plan: ShardPlan, key: string) => join(cacheRoot, plan.name, key);

/** Whether a complete output for this key is cached. */
export const isCached = (run: ShardRun) => existsSync(join(run.outDir, MANIFEST));

/** Astro's message from a failed build's output: its error lines, without stack frames or colours. */
export function failureText(output: string): string {
  const lines = output
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split('\n')
    // Stack frames, the list of pages written, warnings and progress lines say nothing about the failure.
    .filter((l) => l.trim() !== '' && !/^\s+at /.test(l) && !/[├└]─/.test(l) && !/^\d\d:\d\d:\d\d \[(WARN|build|content|vite|types|glob-loader|file-loader|pledge-portal:[a-z-]+)\] /.test(l));
  const from = lines.findIndex((l) => /\[ERROR\]/.test(l));
  return (from >= 0 ? lines.slice(from) : lines.slice(-15)).slice(0, 25).join('\n');
}

/** Build one shard (not cached) with Astro; resolves with its log, rejects with a ShardError. */
/**
 * Whether a failed build lost a race on <root>/.astro/: every shard's Astro writes the same generated files
 * there (content-assets.mjs, content-modules.mjs, through one fixed .tmp name and a rename), a folder Astro
 * does not let a build move, so two shards starting together can make one's rename fail, or interleave their
 * writes into the shared .tmp file so that one reads it spliced (`export default new Map();[]);`: a parse
 * error located in .astro/, seen once in a full `npm test` on 2 cores). Harmless: what each shard writes there
 * means the same (no content assets or modules); building again succeeds. The folder follows the project
 * root (Astro's settings.dotAstroDir), so a shard cannot be given its own.
 */
export const lostDotAstroRace = (output: string): boolean =>
  /ENOENT[^\n]*rename '[^']*[\\/]\.astro[\\/][^']*\.tmp'/.test(output) ||
  (/PARSE_ERROR/.test(output) && /(^|[\s\\/])\.astro[\\/]content-(assets|modules)\.mjs:\d+/m.test(output));

/** Build one shard (see buildShardOnce), once more if it only lost the .astro/ race (lostDotAstroRace). */
export async function buildShard(root: string, run: ShardRun, env: NodeJS.ProcessEnv = process.env, log: (line: string) => void = () => {}): Promise<string> {
  try {
    return await buildShardOnce(root, run, env);
  } catch (e) {
    if (!(e instanceof ShardError) || !lostDotAstroRace(e.output)) throw e;
    log(`${describeShard(run.plan)}: 与并行分片争用 .astro/ 的临时文件，重新构建一次`);
    return buildShardOnce(root, run, env);
  }
}

function buildShardOnce(root: string, run: ShardRun, env: NodeJS.ProcessEnv): Promise<string> {
  const { plan } = run;
  if (plan.slice.kind === 'districts' && plan.districts.length === 0) {
    // More shards than districts: this one has nothing to build.
    mkdirSync(run.outDir, { recursive: true });
    writeFileSync(join(run.outDir, MANIFEST), JSON.stringify({ name: plan.name, label: describeShard(plan), key: run.key }));
    return Promise.resolve('');
  }
  const cacheDir = mkdtempSync(join(tmpdir(), `astro-${plan.name}-`));
  const astro = join(root, 'node_modules/astro/bin/astro.mjs');
  // Astro bundles the pages under outDir when outDir is inside the working directory, else under
  // <root>/.astro/, which parallel shards would share: so every shard builds inside the project, then
  // its output moves to the cache (a rename when the cache is under .cache/ too).
  const buildDir = join(shardBuildsDir(root), `${plan.name}-${run.key}`);
  rmSync(buildDir, { recursive: true, force: true });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [astro, 'build', '--root', root, '--outDir', buildDir], {
      cwd: root,
      env: { ...env, PORTAL_DATA_DIR: run.dataDir, PORTAL_SLICE: sliceEnv(plan), PORTAL_CACHE_DIR: cacheDir, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (plan.slice.kind === 'districts') yieldToGlobal(child.pid);
    let out = '';
    child.stdout.on('data', (b) => (out += b));
    child.stderr.on('data', (b) => (out += b));
    child.on('error', (e) => reject(new ShardError(`分片 ${describeShard(plan)} 无法启动：${e.message}`)));
    child.on('close', (code) => {
      rmSync(cacheDir, { recursive: true, force: true });
      if (code !== 0 || (!existsSync(join(buildDir, 'index.html')) && plan.slice.kind !== 'districts')) {
        rmSync(buildDir, { recursive: true, force: true });
        reject(Object.assign(new ShardError(`分片 ${describeShard(plan)} 构建失败（exit ${code}）：\n${failureText(out)}`), { output: out }));
        return;
      }
      // The manifest last: an entry without it is incomplete and never used (isCached).
      rmSync(run.outDir, { recursive: true, force: true });
      moveDir(buildDir, run.outDir);
      writeFileSync(join(run.outDir, MANIFEST), JSON.stringify({ name: plan.name, label: describeShard(plan), key: run.key }));
      resolve(out);
    });
  });
}

function moveDir(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  try {
    renameSync(from, to);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}

/** Drop the other (stale) entries of this shard, keeping `key` (deleted in the background, trash.ts). */
export function pruneShardCache(cacheRoot: string, plan: ShardPlan, key: string): void {
  discardOthers(cacheRoot, join(cacheRoot, plan.name), new Set([key]));
}

/** Run tasks with at most `jobs` at once; the first failure is reported after the running ones end. */
export async function pool<T>(tasks: readonly (() => Promise<T>)[], jobs: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  const errors: unknown[] = [];
  let next = 0;
  const worker = async () => {
    while (next < tasks.length && errors.length === 0) {
      const i = next++;
      try {
        results[i] = await tasks[i]!();
      } catch (e) {
        errors.push(e);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, tasks.length)) }, worker));
  if (errors.length) throw errors[0];
  return results;
}

/** Why a task the limiter never started did not run: an earlier task failed. */
const SKIPPED = Symbol('skipped');

/**
 * Run tasks given at any time with at most `jobs` at once (pool's rule for a list not known up front: the
 * global shard starts while the districts' keys are still being worked out). A task given `{ slot: false }`
 * starts at once beside them, taking no slot. After a failure (of any task) no task starts.
 */
export function limiter(jobs: number): <T>(task: () => Promise<T>, o?: { slot?: boolean }) => Promise<T> {
  let active = 0;
  let failed = false;
  const queue: (() => void)[] = [];
  const next = () => {
    while (active < Math.max(1, jobs) && queue.length > 0) queue.shift()!();
  };
  return <T>(task: () => Promise<T>, o: { slot?: boolean } = {}) => {
    const slot = o.slot ?? true;
    const p = new Promise<T>((resolve, reject) => {
      const start = () => {
        if (failed) return reject(SKIPPED);
        if (slot) active++;
        task()
          .then(resolve, (e: unknown) => {
            failed = true;
            reject(e);
          })
          .finally(() => {
            if (slot) active--;
            next();
          });
      };
      if (slot) queue.push(start);
      else start();
    });
    p.catch(() => {}); // settle() reports it
    next();
    return p;
  };
}

/** Wait for every task; the first failure (not a task skipped after it) is thrown once all have ended. */
export async function settle<T>(tasks: readonly Promise<T>[]): Promise<T[]> {
  const all = await Promise.allSettled(tasks);
  const failure = all.find((r): r is PromiseRejectedResult => r.status === 'rejected' && r.reason !== SKIPPED);
  if (failure) throw failure.reason;
  return all.map((r) => (r as PromiseFulfilledResult<T>).value);
}
