// npm run build renders the site as shards (src/lib/shards/): the merged site must be byte for byte the
// site one Astro build makes of the same data; each shard's output is reused only while its inputs are
// unchanged; a failing shard or two shards writing different bytes to one path stop the build, saying
// which, and leave dist/ alone.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthesize, writeDataset } from '../scripts/bench/build';
import { mergeShards, MergeError } from '~/lib/shards/merge';
import { planBatches, planShards } from '~/lib/shards/plan';
import { ownerOf } from '~/lib/shards/owner';
import { shardKey } from '~/lib/shards/cache-key';
import { buildSharded, type ShardResult } from '~/lib/shards/sharded-build';
import { takeLocks } from '~/lib/shards/build-lock';
import { limiter, lostDotAstroRace, settle, ShardError } from '~/lib/shards/run-shard';
import { childEnv } from './helpers/child-env';
import { ROOT } from './helpers/repo-dataset';
import { copyCache, ingestSeeds, siteDifferences } from './helpers/shard-sites';
import { timedTasks } from './helpers/timed-tasks';

const work = mkdtempSync(join(tmpdir(), 'sharded-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }), 120_000);

const seeds = join(work, 'seeds');
beforeAll(() => ingestSeeds(seeds));

const build = (data: string, outDir: string, shards: number, opts: { cache?: string; env?: Record<string, string>; log?: (line: string) => void } = {}) =>
  buildSharded({ root: ROOT, dataDir: data, outDir, shards, jobs: 2, cacheRoot: opts.cache ?? join(work, 'cache'), env: childEnv(opts.env), ...(opts.log ? { log: opts.log } : {}) });
/** What a build rendered: "global" and each district batch ("linzi", "a+b"), in order. */
const rebuilt = (rs: ShardResult[]) => rs.filter((r) => !r.cached).map((r) => (r.plan.slice.kind === 'global' ? 'global' : r.plan.districts.join('+'))).sort();
const filesUnder = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1));
const entryOf = (cache: string, d: string) => JSON.parse(readFileSync(join(cache, 'districts', `${d}.json`), 'utf8')) as { key: string; batch: string; files: string[] };

describe('sharded build', () => {
  it('the seeds in 3 shards (global + one per district) merge into the same bytes as one shard', async () => {
    const lines: string[] = [];
    const results = await build(seeds, join(work, 'three'), 3, { log: (l) => lines.push(l) });
    expect(results.map((r) => r.plan.districts.join(','))).toEqual(['', 'linzi', 'zhangdian']);
    // The first batch starts as soon as its slice is written, before the second's is (logged at 准备).
    const started = lines.findIndex((l) => /^batch-[0-9a-f]+ \(区县 linzi\): 构建中/.test(l));
    expect(started).toBeGreaterThanOrEqual(0);
    expect(started).toBeLessThan(lines.findIndex((l) => l.startsWith('准备：')));
    await build(seeds, join(work, 'one'), 1);
    expect(existsSync(join(work, 'three/index.html'))).toBe(true);
    expect(existsSync(join(work, 'three/linzi/index.html'))).toBe(true);
    expect(siteDifferences(join(work, 'three'), join(work, 'one'))).toEqual([]);
  }, 300_000);

  it('a build started while another holds the checkout waits for it, saying so (one build at a time per checkout and cache)', async () => {
    // Held as a build in another terminal would hold it; the first test's cache makes this build quick.
    const held = await takeLocks([join(ROOT, '.cache', 'shard-builds', '.lock')]);
    const lines: string[] = [];
    let done = false;
    const building = build(seeds, join(work, 'locked'), 3, { log: (l) => lines.push(l) }).then((r) => ((done = true), r));
    await new Promise((r) => setTimeout(r, 1_000));
    expect(done).toBe(false);
    expect(lines).toEqual([`另一个构建（进程 ${process.pid}）正在使用 ${join(ROOT, '.cache', 'shard-builds')}，等它结束后再开始…`]);
    held();
    expect(rebuilt(await building)).toEqual([]);
    expect(siteDifferences(join(work, 'locked'), join(work, 'one'))).toEqual([]);
  }, 300_000);

  it('a batch of both districts gives each district the same files, byte for byte, as a batch of its own', async () => {
    const apart = join(work, 'cache-site-apart');
    const together = join(work, 'cache-site-together');
    const env = { SITE: 'https://gzbg.example.gov.cn' };
    expect(rebuilt(await build(seeds, join(work, 'apart'), 3, { env, cache: apart }))).toEqual(['global', 'linzi', 'zhangdian']);
    // Same data, code and address: the global shard's key is the same, so its entry serves both caches
    // (what is compared here is how the districts are batched).
    cpSync(join(apart, 'global'), join(together, 'global'), { recursive: true });
    expect(rebuilt(await build(seeds, join(work, 'together'), 2, { env, cache: together }))).toEqual(['linzi+zhangdian']);
    for (const d of ['linzi', 'zhangdian']) {
      const a = entryOf(apart, d);
      const t = entryOf(together, d);
      expect(t.files, d).toEqual(a.files);
      expect(t.files.some((f) => f.startsWith('share/')), 'share cards are attributed').toBe(true);
      expect(t.files.some((f) => f.startsWith(`feeds/`)), 'feeds are attributed').toBe(true);
    }
    expect(siteDifferences(join(work, 'apart'), join(work, 'together'))).toEqual([]);
  }, 300_000);

  it('with a site address (sitemap, feeds, share cards), the seeds in 3 shards merge into the same bytes as one shard', async () => {
    const env = { SITE: 'https://gzbg.example.gov.cn' };
    // The three shards are the ones the test above built with this address (its cache): here they are only merged.
    await build(seeds, join(work, 'site-three'), 3, { env, cache: join(work, 'cache-site-apart') });
    await build(seeds, join(work, 'site-one'), 1, { env, cache: join(work, 'cache-site') });
    expect(readFileSync(join(work, 'site-three/sitemap-0.xml'), 'utf8')).toContain('https://gzbg.example.gov.cn/linzi/');
    expect(readFileSync(join(work, 'site-three/sitemap-0.xml'), 'utf8')).not.toContain('/embed/');
    expect(existsSync(join(work, 'site-three/feeds/all.xml'))).toBe(true);
    expect(readdirSync(join(work, 'site-three'), { recursive: true }).some((p) => String(p).startsWith('share/') && String(p).endsWith('.png'))).toBe(true);
    expect(siteDifferences(join(work, 'site-three'), join(work, 'site-one'))).toEqual([]);
  }, 300_000);

  it('at 10× the seeds, 3 shards (two batches of districts) merge into the same bytes as one shard', async () => {
    const data = join(work, 'x10');
    const real = Object.fromEntries(['districts', 'reports', 'tasks', 'progress', 'units', 'leaders', 'anomalies', 'indicators'].map((n) => [n, JSON.parse(readFileSync(join(seeds, `${n}.json`), 'utf8'))]));
    const contentRoot = join(work, 'x10-content');
    writeDataset(synthesize(real as never, 10), data, contentRoot);
    const env = { PORTAL_CONTENT_ROOT: contentRoot };
    const results = await build(data, join(work, 'x10-three'), 3, { env, cache: join(work, 'cache-x10') });
    expect(results.filter((r) => r.plan.districts.length > 0)).toHaveLength(2);
    await build(data, join(work, 'x10-one'), 1, { env, cache: join(work, 'cache-x10') });
    expect(existsSync(join(work, 'x10-three/linzi-c4/index.html'))).toBe(true);
    expect(siteDifferences(join(work, 'x10-three'), join(work, 'x10-one'))).toEqual([]);
  }, 600_000);

  it('a new bulletin for one district re-renders that district and the global shard only; the result equals a fresh build', async () => {
    const cache = join(work, 'cache-incr');
    const before = join(work, 'before');
    const contentRoot = join(work, 'content-before');
    mkdirSync(contentRoot);
    ingestSeeds(before, { contentRoot, without: ['linzi/2023-m09-progress.txt'] });
    // The first test's cache: zhangdian's rows, renderings and cited sources are the same before linzi's
    // bulletin, so its entry is reused from there (the source files come from the copy of content/ the
    // data was ingested from: the key hashes their bytes, not where they are).
    copyCache(join(work, 'cache'), cache);
    const first = await build(before, join(work, 'incr'), 3, { cache, env: { PORTAL_CONTENT_ROOT: contentRoot } });
    expect(rebuilt(first)).toEqual(['global', 'linzi']);
    const zhangdian = entryOf(cache, 'zhangdian');
    // zhangdian's download files (written by the global shard) and their inodes: kept in its file store.
    const downloads = join(work, 'incr/data/zhangdian');
    const inodes = new Map(filesUnder(downloads).map((f) => [f, statSync(join(downloads, f)).ino]));
    expect(inodes.size).toBeGreaterThan(0);
    const lines: string[] = [];
    const second = await build(seeds, join(work, 'incr'), 3, { cache, log: (l) => lines.push(l) });
    expect(rebuilt(second)).toEqual(['global', 'linzi']); // zhangdian from the cache
    // The global shard serialised only linzi's rows: zhangdian's download pieces came from its downloads' cache.
    // It keyed them with the runner's district keys (district-keys-file.ts), handed over in a file removed after.
    expect(lines.filter((l) => /^global: .*download files in data\//.test(l)).join('\n')).toMatch(/; 1 of 2 districts' files from the cache, keyed by the shard runner\) in \d+ ms/);
    expect(readdirSync(join(cache, 'handoff'))).toEqual([]);
    expect(entryOf(cache, 'zhangdian')).toEqual(zhangdian);
    // The global shard was rebuilt, but zhangdian's downloads were linked from the store, not written again.
    for (const [f, ino] of inodes) expect(statSync(join(downloads, f)).ino, f).toBe(ino);
    // The store keeps only what the site or a cached global shard links.
    for (const f of readdirSync(join(cache, 'files'))) expect(statSync(join(cache, 'files', f)).nlink, f).toBeGreaterThan(1);
    expect(siteDifferences(join(work, 'incr'), join(work, 'one'))).toEqual([]);
    // Unchanged inputs: nothing is rebuilt.
    expect(rebuilt(await build(seeds, join(work, 'incr'), 3, { cache }))).toEqual([]);
  }, 600_000);

  it('data changed while the global shard builds: the build fails, saying so, and keeps neither that output nor its downloads\' cache', async () => {
    const data = join(work, 'changing');
    cpSync(seeds, data, { recursive: true });
    // The districts from the first test's cache; the global shard built afresh.
    const cache = join(work, 'cache-changing');
    copyCache(join(work, 'cache'), cache);
    rmSync(join(cache, 'global'), { recursive: true, force: true });
    const out = join(work, 'changing-dist');
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), 'previous site');
    // Once the runner has worked out the keys (its 准备 line), meta.json is written again, as npm run ingest would.
    const meta = join(data, 'meta.json');
    const e = await build(data, out, 3, { cache, log: (l) => l.startsWith('准备：') && writeFileSync(meta, readFileSync(meta)) }).catch((x: Error) => x);
    expect(e).toBeInstanceOf(ShardError);
    expect((e as Error).message).toMatch(/在构建期间被改动.*请在数据生成完成后重新运行 npm run build/);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('previous site');
    expect(readdirNames(join(cache, 'global'))).toEqual([]);
    expect(readdirNames(join(cache, 'downloads'))).toEqual([]);
  }, 300_000);

  it('a failing shard fails the build naming the shard and its district, without a stack trace, and leaves dist/ alone', async () => {
    const data = join(work, 'broken');
    ingestSeeds(data);
    // The zhangdian report's source view needs its rendering; only zhangdian's shard renders that page.
    const zhangdian = (JSON.parse(readFileSync(join(data, 'reports.json'), 'utf8')) as { id: string; district: string }[]).find((r) => r.district === 'zhangdian')!;
    rmSync(join(data, 'renderings', `${zhangdian.id}.json`));
    const out = join(work, 'broken-dist');
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), 'previous site');
    // linzi comes from the first test's cache (its inputs are the seeds'); zhangdian's entry is taken out,
    // so that what is found after the failure is only what this build wrote.
    const cache = join(work, 'cache-broken');
    copyCache(join(work, 'cache'), cache);
    rmSync(join(cache, 'districts/zhangdian.json'));
    const e = await build(data, out, 3, { cache }).catch((x: Error) => x);
    expect(e).toBeInstanceOf(Error);
    expect(e).toBeInstanceOf(ShardError);
    expect((e as Error).message).toMatch(/batch-[0-9a-f]+ \(区县 zhangdian\) 构建失败/);
    expect((e as Error).message).toContain(`renderings/${zhangdian.id}.json`);
    expect((e as Error).message).not.toMatch(/^\s+at /m);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('previous site');
    // No entry kept for the failed district; the others are complete and reusable.
    expect(readdirNames(join(cache, 'districts'))).toEqual(['linzi.json']);
    expect(readdirNames(join(cache, 'global'))).toHaveLength(1);
  }, 300_000);

  it('npm run build:shard and build:merge (the CI matrix commands) give the same site', () => {
    // Two shards: the global one (cached by the first test) and one of both districts, each built alone, then merged.
    const outs = [0, 1].map((k) => join(work, `cli-${k}`));
    const env = childEnv({ PORTAL_DATA_DIR: seeds, PORTAL_SHARD_CACHE: join(work, 'cache') }); // cached by the first test
    for (const [k, out] of outs.entries()) {
      const r = spawnSync('npm', ['run', '-s', 'build:shard', '--', '--shard', String(k), '--of', '2', '--out', out], { cwd: ROOT, env, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      // The global shard is the same for any split: the local build's entry serves the matrix job.
      if (k === 0) expect(r.stdout).toMatch(/^\[shards\] global \(跨区县页面、下载文件、搜索索引\): 缓存命中/m);
    }
    const r = spawnSync('npm', ['run', '-s', 'build:merge', '--', ...outs, '--out', join(work, 'cli-dist')], { cwd: ROOT, env, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(siteDifferences(join(work, 'cli-dist'), join(work, 'one'))).toEqual([]);
  }, 120_000);
});

const readdirNames = (dir: string) => (existsSync(dir) ? readdirSync(dir) : []);

describe('merge and cache keys', () => {
  it('retries a shard only for the .astro/ race between parallel shards (a failed rename, a spliced file), not for other missing files or parse errors', () => {
    expect(lostDotAstroRace("Caused by:\n  ENOENT: no such file or directory, rename '/repo/.astro/content-assets.mjs.tmp' -> '/repo/.astro/content-assets.mjs'")).toBe(true);
    expect(lostDotAstroRace("ENOENT: no such file or directory, open '/repo/generated/tasks.json'")).toBe(false);
    expect(lostDotAstroRace("ENOENT: no such file or directory, rename '/repo/dist/a.tmp' -> '/repo/dist/a'")).toBe(false);
    // Two shards' writes interleaved in the shared .tmp file: the one that reads it back finds it spliced.
    const spliced = '[ERROR] [vite] ✗ Build failed in 1.90s\n[PARSE_ERROR] Expected a semicolon or an implicit semicolon after a statement, but found none\n   ╭─[ .astro/content-assets.mjs:1:28 ]\n 1 │ export default new Map();[]);\n  Location:\n    /repo/.astro/content-assets.mjs:1:27';
    expect(lostDotAstroRace(spliced)).toBe(true);
    // A parse error in the project's own code is a real failure.
    expect(lostDotAstroRace('[PARSE_ERROR] Unexpected token\n   ╭─[ src/pages/index.astro:3:5 ]\n  Location:\n    /repo/src/pages/index.astro:3:5')).toBe(false);
  });

  const tree = (name: string, files: Record<string, string>) => {
    const dir = join(work, 'trees', name);
    for (const [p, body] of Object.entries(files)) {
      mkdirSync(join(dir, p, '..'), { recursive: true });
      writeFileSync(join(dir, p), body);
    }
    return dir;
  };

  it('accepts the same bytes at one path from two shards (shared _astro/ assets) and refuses different bytes, naming both shards', () => {
    const a = tree('a', { '_astro/x.css': 'body{}', 'a/index.html': 'A' });
    const b = tree('b', { '_astro/x.css': 'body{}', 'b/index.html': 'B' });
    const c = tree('c', { '_astro/x.css': 'body{color:red}', 'a/index.html': 'C' });
    expect(mergeShards([{ label: 'shard-1-of-3 (区县 a)', dir: a }, { label: 'shard-2-of-3 (区县 b)', dir: b }], join(work, 'merged-ok'))).toBe(3);
    const e = (() => {
      try {
        mergeShards([{ label: 'shard-1-of-3 (区县 a)', dir: a }, { label: 'shard-2-of-3 (区县 c)', dir: c }], join(work, 'merged-bad'));
      } catch (x) {
        return x as Error;
      }
    })();
    expect(e).toBeInstanceOf(MergeError);
    expect(e!.message).toContain('2 个路径');
    expect(e!.message).toContain('_astro/x.css：shard-1-of-3 (区县 a) 与 shard-2-of-3 (区县 c) 写出了不同的内容');
    expect(e!.message).toContain('a/index.html：shard-1-of-3 (区县 a) 与 shard-2-of-3 (区县 c)');
  });

  it('plans one global shard and runs of districts that stay put when another district grows', () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    expect(planShards(ids, 3).map((p) => [p.slice.kind, p.districts])).toEqual([['global', []], ['districts', ['a', 'b', 'c']], ['districts', ['d', 'e']]]);
    // Its name (its cache folder) is the same for every split; the district shards' say which split.
    expect([3, 5].map((n) => planShards(ids, n).map((p) => p.name))).toEqual([['global', 'shard-1-of-3', 'shard-2-of-3'], ['global', 'shard-1-of-5', 'shard-2-of-5', 'shard-3-of-5', 'shard-4-of-5']]);
    expect(planShards(ids, 1)[0]!.slice.kind).toBe('all');
    expect(() => planShards(ids, 0)).toThrow(/分片数/);
  });

  it('the cache key changes with the code, the data, the sources, the slice and SITE/BASE', () => {
    const base = { code: 'c', data: 'd', sources: 's', slice: 'global', env: {} };
    const k = shardKey(base);
    for (const changed of [{ code: 'c2' }, { data: 'd2' }, { sources: 's2' }, { slice: 'districts:a' }, { env: { SITE: 'https://x.example' } }, { env: { BASE: '/p/' } }]) {
      expect(shardKey({ ...base, ...changed }), JSON.stringify(changed)).not.toBe(k);
    }
    expect(shardKey({ ...base, env: { UNRELATED: '1' } })).toBe(k);
  });
});

describe('running builds', () => {
  it('runs at most `jobs` tasks at once, tasks given at any time; after a failure none starts and the first failure is thrown', async () => {
    const limit = limiter(2);
    const { task, seen } = timedTasks();
    const first = limit(task('global', 30));
    await new Promise((r) => setTimeout(r, 5)); // the rest arrive later, as the districts' keys are worked out
    expect(await settle([first, limit(task('a', 10)), limit(task('b', 10)), limit(task('c', 10))])).toEqual(['global', 'a', 'b', 'c']);
    expect(seen.most).toBe(2);
    seen.started.length = 0;
    const failing = limiter(1);
    const e = await settle([failing(task('x', 5, true)), failing(task('y', 5)), failing(task('z', 5))]).catch((x: Error) => x);
    expect((e as Error).message).toBe('x failed');
    expect(seen.started).toEqual(['x']); // y and z were never started
  });

  it('starts a task given { slot: false } at once beside `jobs` others; its failure stops the queued ones too', async () => {
    const limit = limiter(2);
    const { task, seen } = timedTasks();
    const global = limit(task('global', 30), { slot: false });
    expect(seen.started).toEqual(['global']);
    expect(await settle([global, limit(task('a', 10)), limit(task('b', 10)), limit(task('c', 10))])).toEqual(['global', 'a', 'b', 'c']);
    expect(seen.most).toBe(3); // the global shard and two batches
    seen.started.length = 0;
    const failing = limiter(1);
    const gone = failing(task('global', 5, true), { slot: false });
    const queued = [failing(task('a', 20)), failing(task('b', 5))];
    const e = await settle([gone, ...queued]).catch((x: Error) => x);
    expect((e as Error).message).toBe('global failed');
    expect(seen.started).toEqual(['global', 'a']); // a was running when the global shard failed; b never started
  });
});

describe('batches and owners', () => {
  it('plans the districts to build as runs in id order of about equal weight, at least one per job, none above the weight', () => {
    const ids = Array.from({ length: 100 }, (_, i) => ({ id: `d${String(i).padStart(3, '0')}`, weight: 400 }));
    expect(planBatches(ids, { jobs: 2, maxWeight: 8000 }).map((b) => b.length)).toEqual([20, 20, 20, 20, 20]);
    expect(planBatches(ids.slice(0, 10), { jobs: 2, maxWeight: 8000 })).toEqual([ids.slice(0, 5).map((d) => d.id), ids.slice(5, 10).map((d) => d.id)]);
    expect(planBatches([{ id: 'zhangdian', weight: 300 }, { id: 'linzi', weight: 100 }], { jobs: 2, maxWeight: 8000 })).toEqual([['linzi'], ['zhangdian']]);
    expect(planBatches([{ id: 'a', weight: 5 }], { jobs: 2, maxWeight: 8000 })).toEqual([['a']]); // one bulletin: a batch of one
    expect(planBatches([{ id: 'a', weight: 1000 }, { id: 'b', weight: 1 }, { id: 'c', weight: 1 }], { jobs: 3, maxWeight: 8000 })).toEqual([['a'], ['b'], ['c']]);
    expect(planBatches(ids.slice(0, 5), { jobs: 2, maxWeight: 8000, batches: 1 })).toEqual([ids.slice(0, 5).map((d) => d.id)]);
    expect(planBatches([], { jobs: 2, maxWeight: 8000 })).toEqual([]);
  });

  it('gives each output file to the district its path names, the longest id first, and leaves shared assets common', () => {
    const ds = ['linzi-c1', 'linzi-c10', 'zhangdian'];
    expect(ownerOf('linzi-c1/2023/index.html', ds)).toBe('linzi-c1');
    expect(ownerOf('units/linzi-c10-qu-min-zheng-ju/index.html', ds)).toBe('linzi-c10');
    expect(ownerOf('units/linzi-c1-qu-min-zheng-ju/index.html', ds)).toBe('linzi-c1');
    expect(ownerOf('embed/year-units-linzi-c10-2031/index.html', ds)).toBe('linzi-c10');
    expect(ownerOf('embed/district-linzi-c1/index.html', ds)).toBe('linzi-c1');
    expect(ownerOf('feeds/zhangdian.xml', ds)).toBe('zhangdian');
    expect(ownerOf('sources/linzi-c1/2021-q3-progress.txt.zip', ds)).toBe('linzi-c1');
    expect(ownerOf('_astro/index.BhWkkwOq.js', ds)).toBeUndefined();
    expect(ownerOf('elder-mode.js', ds)).toBeUndefined();
    expect(ownerOf('embed/year-linzi-c100/index.html', ds)).toBeUndefined(); // a district not in the batch
  });
});
