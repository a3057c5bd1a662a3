// npm run build renders the site as shards (src/lib/shards/): the merged site must be byte for byte the
// site one Astro build makes of the same data; each shard's output is reused only while its inputs are
// unchanged; a failing shard or two shards writing different bytes to one path stop the build, saying
// which, and leave dist/ alone.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthesize, writeDataset } from '../scripts/bench/build';
import { mergeShards, MergeError } from '~/lib/shards/merge';
import { planShards } from '~/lib/shards/plan';
import { shardKey } from '~/lib/shards/cache-key';
import { buildSharded, defaultShards, DISTRICTS_PER_SHARD, type ShardResult } from '~/lib/shards/sharded-build';
import { lostDotAstroRace, ShardError } from '~/lib/shards/run-shard';
import { childEnv } from './helpers/child-env';
import { ROOT } from './helpers/repo-dataset';
import { ingestSeeds, siteDifferences } from './helpers/shard-sites';

const work = mkdtempSync(join(tmpdir(), 'sharded-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }), 120_000);

const seeds = join(work, 'seeds');
beforeAll(() => ingestSeeds(seeds));

const build = (data: string, outDir: string, shards: number, opts: { cache?: string; env?: Record<string, string> } = {}) =>
  buildSharded({ root: ROOT, dataDir: data, outDir, shards, jobs: 2, cacheRoot: opts.cache ?? join(work, 'cache'), env: childEnv(opts.env) });
const rebuilt = (rs: ShardResult[]) => rs.filter((r) => !r.cached).map((r) => r.plan.name).sort();

describe('sharded build', () => {
  it('the seeds in 3 shards (global + one per district) merge into the same bytes as one shard', async () => {
    const results = await build(seeds, join(work, 'three'), 3);
    expect(results.map((r) => r.plan.districts.join(','))).toEqual(['', 'linzi', 'zhangdian']);
    await build(seeds, join(work, 'one'), 1);
    expect(existsSync(join(work, 'three/index.html'))).toBe(true);
    expect(existsSync(join(work, 'three/linzi/index.html'))).toBe(true);
    expect(siteDifferences(join(work, 'three'), join(work, 'one'))).toEqual([]);
  }, 300_000);

  it('with a site address (sitemap, feeds, share cards), the seeds in 3 shards merge into the same bytes as one shard', async () => {
    const env = { SITE: 'https://gzbg.example.gov.cn' };
    await build(seeds, join(work, 'site-three'), 3, { env, cache: join(work, 'cache-site') });
    await build(seeds, join(work, 'site-one'), 1, { env, cache: join(work, 'cache-site') });
    expect(readFileSync(join(work, 'site-three/sitemap-0.xml'), 'utf8')).toContain('https://gzbg.example.gov.cn/linzi/');
    expect(readFileSync(join(work, 'site-three/sitemap-0.xml'), 'utf8')).not.toContain('/embed/');
    expect(existsSync(join(work, 'site-three/feeds/all.xml'))).toBe(true);
    expect(readdirSync(join(work, 'site-three'), { recursive: true }).some((p) => String(p).startsWith('share/') && String(p).endsWith('.png'))).toBe(true);
    expect(siteDifferences(join(work, 'site-three'), join(work, 'site-one'))).toEqual([]);
  }, 300_000);

  it('at 10× the seeds, 4 shards merge into the same bytes as one shard', async () => {
    const data = join(work, 'x10');
    const real = Object.fromEntries(['districts', 'reports', 'tasks', 'progress', 'units', 'leaders', 'anomalies', 'indicators'].map((n) => [n, JSON.parse(readFileSync(join(seeds, `${n}.json`), 'utf8'))]));
    const contentRoot = join(work, 'x10-content');
    writeDataset(synthesize(real as never, 10), data, contentRoot);
    const env = { PORTAL_CONTENT_ROOT: contentRoot };
    const results = await build(data, join(work, 'x10-four'), 4, { env, cache: join(work, 'cache-x10') });
    expect(results.filter((r) => r.plan.districts.length > 0)).toHaveLength(3);
    await build(data, join(work, 'x10-one'), 1, { env, cache: join(work, 'cache-x10') });
    expect(existsSync(join(work, 'x10-four/linzi-c4/index.html'))).toBe(true);
    expect(siteDifferences(join(work, 'x10-four'), join(work, 'x10-one'))).toEqual([]);
  }, 600_000);

  it('a new bulletin for one district re-renders that district and the global shard only; the result equals a fresh build', async () => {
    const cache = join(work, 'cache-incr');
    const before = join(work, 'before');
    const contentRoot = join(work, 'content-before');
    mkdirSync(contentRoot);
    ingestSeeds(before, { contentRoot, without: ['linzi/2023-m09-progress.txt'] });
    // The source files come from the copy of content/ the data was ingested from.
    const first = await build(before, join(work, 'incr'), 3, { cache, env: { PORTAL_CONTENT_ROOT: contentRoot } });
    expect(rebuilt(first)).toEqual(['shard-0-of-3', 'shard-1-of-3', 'shard-2-of-3']);
    const second = await build(seeds, join(work, 'incr'), 3, { cache });
    expect(rebuilt(second)).toEqual(['shard-0-of-3', 'shard-1-of-3']); // global and linzi; zhangdian from the cache
    expect(siteDifferences(join(work, 'incr'), join(work, 'one'))).toEqual([]);
    // Unchanged inputs: nothing is rebuilt.
    expect(rebuilt(await build(seeds, join(work, 'incr'), 3, { cache }))).toEqual([]);
  }, 600_000);

  it('a failing shard fails the build naming the shard and its district, without a stack trace, and leaves dist/ alone', async () => {
    const data = join(work, 'broken');
    ingestSeeds(data);
    // The zhangdian report's source view needs its rendering; only zhangdian's shard renders that page.
    const zhangdian = (JSON.parse(readFileSync(join(data, 'reports.json'), 'utf8')) as { id: string; district: string }[]).find((r) => r.district === 'zhangdian')!;
    rmSync(join(data, 'renderings', `${zhangdian.id}.json`));
    const out = join(work, 'broken-dist');
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), 'previous site');
    const e = await build(data, out, 3, { cache: join(work, 'cache-broken') }).catch((x: Error) => x);
    expect(e).toBeInstanceOf(Error);
    expect(e).toBeInstanceOf(ShardError);
    expect((e as Error).message).toMatch(/shard-2-of-3 \(区县 zhangdian\) 构建失败/);
    expect((e as Error).message).toContain(`renderings/${zhangdian.id}.json`);
    expect((e as Error).message).not.toMatch(/^\s+at /m);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('previous site');
    // No entry kept for the failed shard; the others are complete and reusable.
    expect(readdirNames(join(work, 'cache-broken/shard-2-of-3'))).toEqual([]);
    expect(readdirNames(join(work, 'cache-broken/shard-0-of-3'))).toHaveLength(1);
  }, 300_000);

  it('npm run build:shard and build:merge (the CI matrix commands) give the same site', () => {
    const outs = [0, 1, 2].map((k) => join(work, `cli-${k}`));
    const env = childEnv({ PORTAL_DATA_DIR: seeds, PORTAL_SHARD_CACHE: join(work, 'cache') }); // cached by the first test
    for (const [k, out] of outs.entries()) {
      const r = spawnSync('npm', ['run', '-s', 'build:shard', '--', '--shard', String(k), '--of', '3', '--out', out], { cwd: ROOT, env, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
    }
    const r = spawnSync('npm', ['run', '-s', 'build:merge', '--', ...outs, '--out', join(work, 'cli-dist')], { cwd: ROOT, env, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(siteDifferences(join(work, 'cli-dist'), join(work, 'one'))).toEqual([]);
  }, 120_000);
});

const readdirNames = (dir: string) => (existsSync(dir) ? readdirSync(dir) : []);

describe('merge and cache keys', () => {
  it('retries a shard only for the .astro/ rename race between parallel shards, not for other missing files', () => {
    expect(lostDotAstroRace("Caused by:\n  ENOENT: no such file or directory, rename '/repo/.astro/content-assets.mjs.tmp' -> '/repo/.astro/content-assets.mjs'")).toBe(true);
    expect(lostDotAstroRace("ENOENT: no such file or directory, open '/repo/generated/tasks.json'")).toBe(false);
    expect(lostDotAstroRace("ENOENT: no such file or directory, rename '/repo/dist/a.tmp' -> '/repo/dist/a'")).toBe(false);
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

describe('default shard count', () => {
  it('is the global shard plus district shards of at most DISTRICTS_PER_SHARD districts, at least one per job, never more than the districts', () => {
    expect(DISTRICTS_PER_SHARD).toBe(10);
    expect(defaultShards(2, 2)).toBe(3); // the seeds on two cores: global, linzi, zhangdian
    expect(defaultShards(100, 2)).toBe(11); // 100× the seeds: ten shards of ten districts
    expect(defaultShards(101, 2)).toBe(12);
    expect(defaultShards(5, 8)).toBe(6); // more cores than districts: one district each
    expect(defaultShards(0, 2)).toBe(1); // no district: one build of the whole (empty) site
  });
});
