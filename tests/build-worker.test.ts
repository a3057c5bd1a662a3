// The build worker (src/lib/build-worker/): on a second thread it writes the download files and the
// search index and finds similar pledges, from the same dataset the pages read. These tests hold it
// to the same bytes and answers the pages would compute themselves, on the real seeds.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBuildWork, type WorkMessage } from '~/lib/build-worker/work';
import buildWorker, { lanesFor, startBuildWork, stageDirFor } from '../src/lib/build-worker/integration';
import { buildWork } from '../src/lib/build-worker/handoff';
import { moveStaged } from '../src/lib/build-worker/move-staged';
import { buildIndex } from '../src/lib/search/build-index';
import { indexHash, indexInput } from '../src/lib/search/index-input';
import { similarPledges } from '../src/lib/site/similar';
import { straightforwardFiles } from '../scripts/bench/straightforward-downloads';
import { realDataset } from './helpers/repo-dataset';
import { indexDataset } from '~/lib/dataset/site-index';
import { readDataset } from '~/lib/dataset/read';
import { contentLayerOrder } from '~/lib/dataset/order';
import { DescribedDownloads, Downloads } from '~/lib/opendata/download-files';
import { embedCharts, fromTransfer } from '~/lib/opendata/embeds';
import { globalAggregates } from '~/lib/dataset/global-aggregates';
import { globalAggregatesSchema } from '~/lib/schema/global-aggregates';
import { tempFolders } from './helpers/temp-dir';

const SITE = 'https://example.org/portal/';
const temp = tempFolders('build-worker-');
const tempDir = (label: string) => temp(`${label}-`);

/** The seeds' dataset as `npm run ingest` leaves it: one JSON array per collection. */
const dataDir = tempDir('build-worker-data');
for (const [name, rows] of Object.entries(realDataset())) writeFileSync(join(dataDir, `${name}.json`), JSON.stringify(rows));
/** …and as the pages see it: through the collections' zod schemas (which also fix each object's key order). */
const data = readDataset(dataDir);

const filesUnder = (root: string): string[] =>
  readdirSync(root, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(root.length + 1))
    .sort();

describe('runBuildWork on the seeds', () => {
  const stageDir = tempDir('build-worker-stage');
  const messages: WorkMessage[] = [];
  // Draws every share card of the seeds (~330 PNGs, ~30 s on a quiet 2-core machine; past a minute on a busy one).
  beforeAll(() => runBuildWork({ dataDir, siteRoot: SITE, stageDir, jobs: ['downloads', 'search-index', 'similar', 'share-cards'] }, (m) => messages.push(m)), 300_000);
  const byKind = <K extends WorkMessage['kind']>(k: K) => messages.find((m) => m.kind === k) as Extract<WorkMessage, { kind: K }>;

  it('reports the downloads first (the first pages wait for them), then the index, then similar pledges, then the share cards no page waits for', () => {
    expect(messages.map((m) => m.kind)).toEqual(['downloads', 'search-index', 'similar', 'share-cards']);
    const cards = byKind('share-cards');
    expect(cards.cards).toBe(data.tasks.length + data.reports.length);
  });

  it('writes every download file with the bytes of the straightforward rendering, and reports each one\'s true size and SHA-256', () => {
    const want = straightforwardFiles(data, SITE);
    const measures = new Map(byKind('downloads').measures);
    expect(filesUnder(join(stageDir, 'data'))).toEqual(want.map((f) => f.path).sort());
    expect(measures.size).toBe(want.length);
    let total = 0;
    for (const f of want) {
      const body = Buffer.from(f.render(), 'utf8');
      const got = readFileSync(join(stageDir, 'data', f.path));
      expect(got.equals(body), f.path).toBe(true);
      expect(measures.get(f.path), f.path).toEqual({ bytes: body.length, sha256: createHash('sha256').update(body).digest('hex') });
      total += body.length;
    }
    expect(byKind('downloads').bytes).toBe(total);
    // Permalinks in the CSV carry the site root it was given.
    expect(readFileSync(join(stageDir, 'data/all/tasks.csv'), 'utf8')).toContain(`${SITE}linzi/2023/tasks/001/`);
  });

  it('writes the search index the site would build, under its hash', () => {
    const { docs, opts } = indexInput(data);
    const files = buildIndex(docs, opts);
    const { hash, files: count } = byKind('search-index');
    expect(hash).toBe(indexHash(files));
    expect(count).toBe(files.size);
    const root = join(stageDir, 'search-index', hash);
    expect(filesUnder(root)).toEqual([...files.keys()].sort());
    for (const [file, body] of files) expect(readFileSync(join(root, file), 'utf8'), file).toBe(body);
  });

  it('the index does not depend on the order the collections come in (the content layer sorts by id, the file read does not)', () => {
    const reversed = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, [...(v as unknown[])].reverse()])) as unknown as typeof data;
    const a = indexInput(data);
    const b = indexInput(reversed);
    expect(indexHash(buildIndex(b.docs, b.opts))).toBe(indexHash(buildIndex(a.docs, a.opts)));
  });

  it('finds the similar pledges the task pages would (same order, same scores)', () => {
    const tasks = indexDataset(data).tasks;
    const want = similarPledges(tasks.map((t) => ({ id: t.id, district: t.district, year: t.year, text: t.pledge.text })));
    expect(new Map(byKind('similar').hits)).toEqual(want);
    expect([...want.values()].some((hits) => hits.length > 0)).toBe(true);
  });
});

describe('startBuildWork: the worker thread and process', () => {
  it('hands the pages the same results as the in-process run, from a thread and a child process, then finishes', async () => {
    const stageDir = join(tempDir('build-worker-thread'), '.dist-build-worker');
    // As a whole build runs them: the search index in a child process of its own.
    const run = startBuildWork({ dataDir, siteRoot: SITE, stageDir }, [['downloads', 'similar', 'share-cards']], [['search-index']]);
    const inProcess: WorkMessage[] = [];
    await runBuildWork({ dataDir, siteRoot: SITE, stageDir: tempDir('build-worker-ref'), jobs: ['downloads', 'search-index', 'similar'] }, (m) => inProcess.push(m));
    const ref = <K extends WorkMessage['kind']>(k: K) => inProcess.find((m) => m.kind === k) as Extract<WorkMessage, { kind: K }>;
    expect(await run.downloads).toEqual(new Map(ref('downloads').measures));
    expect(await run.searchIndex).toEqual({ hash: ref('search-index').hash, files: ref('search-index').files });
    expect(await run.similar).toEqual(new Map(ref('similar').hits));
    const lines = await run.done;
    // Each worker's lines in its own order; the thread's and the process's lines interleave.
    expect(lines.filter((l) => !l.startsWith('search index')).join('\n')).toMatch(/download files in data\/.*\n.*similar pledges of 329 tasks.*\n.*share cards/);
    expect(lines.some((l) => /^search index: \d+ files in search-index\/[0-9a-f]{12}\//.test(l))).toBe(true);
    expect(existsSync(join(stageDir, 'data/all/dataset.json'))).toBe(true);
  }, 60_000);

  it('for the global shard, hands over the global aggregates and cross-district charts, and every download file described without its rows', async () => {
    const stageDir = join(tempDir('build-worker-global'), '.dist-build-worker');
    // The worker thread and process see PORTAL_SLICE as the global shard's Astro process sets it (copied when they start).
    process.env.PORTAL_SLICE = 'global';
    const run = startBuildWork({ dataDir, siteRoot: SITE, stageDir }, [['global-pages', 'downloads', 'download-list']], [['search-index']]);
    delete process.env.PORTAL_SLICE;
    const { aggregates, embeds } = await run.global;
    const downloads = await run.downloadList;
    const whole = new Downloads(data, SITE);
    expect(downloads.map((f) => f.path)).toEqual(whole.files.map((f) => f.path));
    for (const [i, f] of whole.files.entries()) {
      const { scope: { data: rows, ...scope }, ...rest } = whole.describe(f);
      expect(rows, 'the scope holds rows in the process').toBeDefined();
      expect(downloads[i], f.path).toEqual({ ...rest, scope });
      expect(Object.keys(downloads[i]!.scope)).not.toContain('data');
    }
    // As the list the /data/ page reads: same files, each described with its measure.
    const list = new DescribedDownloads(downloads);
    expect(list.describe(list.files[0]!)).toEqual(downloads[0]);
    // The charts no district owns (all tasks, indicators across districts), their SVG markup intact.
    const ix = indexDataset(contentLayerOrder(data));
    expect(aggregates).toEqual(globalAggregates(ix));
    expect(globalAggregatesSchema.parse(aggregates)).toEqual(aggregates);
    const want = embedCharts(ix, ix.indicators).filter((c) => !ix.district.has(c.pagePath.split('/')[0]!) || !c.reports.every((r) => r.district === c.pagePath.split('/')[0]));
    expect(embeds.map((c) => c.id)).toEqual(want.map((c) => c.id));
    expect(embeds.map((c) => c.id)).toContain('all-tasks');
    expect(embeds.map(fromTransfer)).toEqual(want);
    expect(await run.similar).toEqual(new Map()); // no task page renders there
    expect((await run.searchIndex).hash).toMatch(/^[0-9a-f]{12}$/);
    expect(existsSync(join(stageDir, 'search-index', (await run.searchIndex).hash, 'meta.json'))).toBe(true);
    await run.done;
  }, 60_000);

  it('draws only the charts it keeps, each as drawing them all would (the global shard keeps a dozen of thousands)', () => {
    const ix = indexDataset(contentLayerOrder(data));
    const all = embedCharts(ix, ix.indicators);
    for (const district of ['linzi', 'zhangdian']) {
      const mine = (c: { pagePath: string }) => c.pagePath.split('/')[0] === district;
      const kept = embedCharts(ix, ix.indicators, mine);
      expect(kept.map((c) => c.id)).toEqual(all.filter(mine).map((c) => c.id));
      expect(kept).toEqual(all.filter(mine));
      expect(kept.some((c) => c.id.startsWith('year-units-'))).toBe(true);
    }
    expect(embedCharts(ix, ix.indicators, () => false)).toEqual([]);
  });

  it('a dataset it cannot read fails every promise with the file and what to do, not a stack trace', async () => {
    const empty = tempDir('build-worker-empty');
    const run = startBuildWork({ dataDir: empty, siteRoot: SITE, stageDir: join(empty, 'stage') }, [['downloads', 'similar']], [['search-index']]);
    for (const p of [run.downloads, run.searchIndex, run.similar, run.done]) {
      await expect(p).rejects.toThrow(/构建线程.*失败.*\.json: 文件不存在/);
    }
    const e = (await run.done.catch((x: Error) => x)) as Error;
    expect(e.stack ?? '').not.toMatch(/\n\s+at /);
    expect((e as { hint?: string }).hint).toMatch(/npm run ingest/);
  }, 60_000);
});

describe('lanesFor: which workers a build starts', () => {
  it('with a site address, every lane; without one, no share-card job, and a district batch no worker at all', () => {
    expect(lanesFor('districts', 'https://example.org/')).toEqual({ threads: [['share-cards']], processes: [] });
    expect(lanesFor('all', 'https://example.org/portal/').threads).toEqual([['downloads', 'similar', 'share-cards']]);
    // Without an address no card can be drawn (write-cards.ts): the thread would only load code and read rows.
    expect(lanesFor('districts', '/')).toEqual({ threads: [], processes: [] });
    expect(lanesFor('all', '/portal/')).toEqual({ threads: [['downloads', 'similar']], processes: [['search-index']] });
    expect(lanesFor('global', '/')).toEqual(lanesFor('global', 'https://example.org/'));
  });

  it('with no worker, every promise settles at once, so the build does not wait for one', async () => {
    const run = startBuildWork({ dataDir, siteRoot: '/', stageDir: join(tempDir('build-worker-none'), '.dist-build-worker') }, [], []);
    expect(await run.done).toEqual([]);
    expect(await run.downloads).toEqual(new Map());
    expect(await run.searchIndex).toEqual({ hash: '', files: 0 });
    expect(await run.similar).toEqual(new Map());
  });
});

describe('the integration', () => {
  const logger = (lines: string[]) => ({ info: (m: string) => lines.push(m), warn() {}, error() {}, debug() {} });

  it('in `astro build`: starts the worker when the config is final, and after the pages moves its files into the site', async () => {
    const root = tempDir('build-worker-root');
    const outDir = join(root, 'dist');
    mkdirSync(join(outDir, 'data/dictionary'), { recursive: true });
    writeFileSync(join(outDir, 'data/index.html'), 'page'); // what Astro wrote under data/ itself
    const hooks = buildWorker().hooks;
    const lines: string[] = [];
    await hooks['astro:config:setup']!({ command: 'build' } as never);
    const saved = process.env.PORTAL_DATA_DIR;
    process.env.PORTAL_DATA_DIR = dataDir; // absolute: wins over the root
    await hooks['astro:config:done']!({
      config: { root: pathToFileURL(`${root}/`), outDir: pathToFileURL(`${outDir}/`), site: 'https://example.org', base: '/portal' },
      logger: logger(lines),
    } as never);
    if (saved === undefined) delete process.env.PORTAL_DATA_DIR;
    else process.env.PORTAL_DATA_DIR = saved;
    expect(buildWork().downloads).toBeInstanceOf(Promise);
    expect(buildWork().searchIndex).toBeInstanceOf(Promise);
    expect(buildWork().similar).toBeInstanceOf(Promise);
    await hooks['astro:build:done']!({ dir: pathToFileURL(`${outDir}/`) } as never);
    const { hash } = await buildWork().searchIndex!;
    expect(readFileSync(join(outDir, 'data/index.html'), 'utf8')).toBe('page');
    expect(existsSync(join(outDir, 'data/all/tasks.csv'))).toBe(true);
    expect(readFileSync(join(outDir, 'data/all/tasks.csv'), 'utf8')).toContain('https://example.org/portal/linzi/');
    expect(existsSync(join(outDir, `search-index/${hash}/meta.json`))).toBe(true);
    expect(existsSync(stageDirFor(outDir))).toBe(false);
    expect(lines.join('\n')).toMatch(/moved \d+ staged entries/);
  }, 60_000);

  it('does nothing in `astro dev` (the endpoints serve the files there)', async () => {
    for (const k of ['downloads', 'searchIndex', 'similar'] as const) delete buildWork()[k];
    const hooks = buildWorker().hooks;
    await hooks['astro:config:setup']!({ command: 'dev' } as never);
    await hooks['astro:config:done']!({ config: { root: pathToFileURL('/nonexistent/'), outDir: pathToFileURL('/nonexistent/dist/') }, logger: logger([]) } as never);
    expect(buildWork().downloads).toBeUndefined();
  });
});

describe('moveStaged', () => {
  it('merges folders by renaming what is new, and stops at a file both wrote', () => {
    const root = tempDir('move-staged');
    const from = join(root, 'stage');
    const to = join(root, 'dist');
    mkdirSync(join(from, 'data/all'), { recursive: true });
    mkdirSync(join(to, 'data/dictionary'), { recursive: true });
    writeFileSync(join(from, 'data/all/tasks.csv'), 'csv');
    writeFileSync(join(to, 'data/index.html'), 'page');
    expect(moveStaged(from, to)).toBe(1);
    expect(readFileSync(join(to, 'data/all/tasks.csv'), 'utf8')).toBe('csv');
    expect(readFileSync(join(to, 'data/index.html'), 'utf8')).toBe('page');
    mkdirSync(join(from, 'data'), { recursive: true });
    writeFileSync(join(from, 'data/index.html'), 'other');
    expect(() => moveStaged(from, to)).toThrow(/dist\/data\/index\.html: 构建线程与页面生成都写了这个文件/);
    expect(readFileSync(join(to, 'data/index.html'), 'utf8')).toBe('page');
  });
});
