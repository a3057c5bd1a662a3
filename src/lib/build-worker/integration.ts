// `astro build` with its build worker: Astro renders the pages on the main thread while the worker's jobs
// (work.ts) compute and write the download files and the search index and find similar pledges, on a thread
// of the Astro process or in a child process of its own (LANES). Each thread or process reads its own copy of
// the dataset. The workers start when the config is final, before the content collections sync, and hand each
// result to the pages through buildWork() as soon as they have it (the pages that show file sizes, the search
// page and the task pages await them). After the pages, the staged files are moved into outDir.
//
// Measured at 100× the seeds (bench:build): this work took ~20 s of the main thread in one build;
// on a second core it overlaps the content sync and the first pages instead.
import { fork } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { AstroError } from 'astro/errors';
import { dataDir, pinDataDir } from '../data-dir';
import { currentSlice, type Slice } from '../dataset/slice';
import { problemText, type Problem } from '../problems';
import { hasAddress, siteRootOf } from '../urls';
import type { FileMeasure } from '../opendata/download-files';
import type { SimilarHit } from '../site/similar';
import { FILE_STORE_ENV } from './file-store';
import { DOWNLOAD_CACHE_ENV } from '../opendata/download-cache';
import { DISTRICT_KEYS_ENV } from '../shards/district-keys-file';
import { buildWork, type BuildWork } from './handoff';
import { moveStaged } from './move-staged';
import type { DescribedDownload } from '../opendata/download-files';
import type { EmbedChartTransfer } from '../opendata/embeds';
import type { GlobalAggregates } from '../schema/global-aggregates';
import type { WorkInput, WorkJob, WorkMessage } from './work';

interface Deferred<T> { promise: Promise<T>; resolve: (v: T) => void; reject: (e: Error) => void }
function deferred<T>(): Deferred<T> {
  let resolve!: (v: T) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  // Handled here so a failure nobody is awaiting yet is not an unhandled rejection; awaiters still see it.
  promise.catch(() => {});
  return { promise, resolve, reject };
}

export interface BuildWorkRun extends Omit<BuildWork, 'global' | 'downloadList'> {
  global: NonNullable<BuildWork['global']>;
  downloadList: NonNullable<BuildWork['downloadList']>;
  /** Resolves with one log line per result once the worker has finished; rejects with what went wrong. */
  done: Promise<string[]>;
}

/**
 * Which jobs run where, per kind of build, each list in order. A whole build: the search index in a child
 * process (beside Astro's and the downloads thread's copies of the dataset in one process, a build peaked at
 * 2.1 GB at 100× the seeds), the rest on a thread. The global shard, whose 20 pages only wait: every job in
 * sequence in one child process (one read of the dataset, one busy stream beside Astro's; alone at 100×,
 * alternated: 18.4–18.6 s wall, 27.7 s CPU, largest process 0.92 GB, against 19.5–23.1 s, 35–40 s and
 * 1.54–1.60 GB for a thread and a child process). A district batch: its share cards on a thread.
 */
const LANES: Record<Slice['kind'], { threads: WorkJob[][]; processes: WorkJob[][] }> = {
  all: { threads: [['downloads', 'similar', 'share-cards']], processes: [['search-index']] },
  global: { threads: [], processes: [['global-pages', 'downloads', 'download-list', 'search-index']] },
  districts: { threads: [['share-cards']], processes: [] },
};

/**
 * The lanes of this build. Without a site address no share card is drawn (write-cards.ts), so no worker is
 * started for them: a district batch then has no thread at all, instead of one that loads the share-card
 * code and reads its rows to draw nothing (~1 s of CPU per batch at 100× the seeds).
 */
export function lanesFor(slice: Slice['kind'], siteRoot: string): { threads: WorkJob[][]; processes: WorkJob[][] } {
  if (hasAddress(siteRoot)) return LANES[slice];
  const drop = (lists: WorkJob[][]) => lists.map((l) => l.filter((j) => j !== 'share-cards')).filter((l) => l.length > 0);
  return { threads: drop(LANES[slice].threads), processes: drop(LANES[slice].processes) };
}

/**
 * Start the build worker on a dataset: a thread for each list of jobs in `threads`, a child process for each
 * in `processes`; `stageDir` must not exist or be disposable. A result no worker computes resolves empty (a
 * district batch writes no downloads; only the global shard needs `global`).
 */
export function startBuildWork(input: Omit<WorkInput, 'jobs'>, threads: WorkJob[][], processes: WorkJob[][] = []): BuildWorkRun {
  rmSync(input.stageDir, { recursive: true, force: true });
  const downloads = deferred<Map<string, FileMeasure>>();
  const searchIndex = deferred<{ hash: string; files: number }>();
  const similar = deferred<Map<string, SimilarHit[]>>();
  const global = deferred<{ aggregates: GlobalAggregates; embeds: EmbedChartTransfer[] }>();
  const downloadList = deferred<DescribedDownload[]>();
  const done = deferred<string[]>();
  const jobs = new Set([...threads, ...processes].flat());
  if (!jobs.has('downloads')) downloads.resolve(new Map());
  if (!jobs.has('search-index')) searchIndex.resolve({ hash: '', files: 0 });
  if (!jobs.has('similar')) similar.resolve(new Map());
  if (!jobs.has('global-pages')) global.reject(new AstroError('构建线程没有计算全局汇总（global-pages）：只有全局分片需要它。'));
  if (!jobs.has('download-list')) downloadList.resolve([]);
  const log: string[] = [];
  // The Astro boundary: what the worker found becomes one AstroError. Problems in the input name their
  // files and what to do, so Astro prints them without a stack trace; a bug keeps its stack for the report.
  const reject = (e: AstroError) => {
    for (const d of [downloads, searchIndex, similar, global, downloadList, done]) d.reject(e);
  };
  const failWith = (problems: readonly Problem[]) => {
    const hints = [...new Set(problems.flatMap((p) => (p.hint ? [p.hint] : [])))];
    const e = new AstroError(
      `构建线程（src/lib/build-worker/）失败：${problems.map((p) => problemText({ ...p, hint: undefined })).join('\n')}`,
      hints.length > 0 ? hints.join(' ') : '修好上面所说的文件（或重新运行 npm run ingest），然后重新构建。',
    );
    e.stack = '';
    reject(e);
  };
  const fail = (message: string) => reject(new AstroError(`构建线程（src/lib/build-worker/）失败：${message}`, '这是本站代码的错误，请附上这段输出报告。'));
  let running = threads.length + processes.length;
  // No worker at all (a district batch without a site address, lanesFor): nothing to wait for.
  if (running === 0) done.resolve(log);
  const onMessage = (m: WorkMessage | { kind: 'done' } | { kind: 'problems'; problems: Problem[] } | { kind: 'bug'; stack: string }) => {
    switch (m.kind) {
      case 'downloads':
        downloads.resolve(new Map(m.measures));
        log.push(`${m.measures.length} download files in data/ (${(m.bytes / 1e6).toFixed(1)} MB${m.districts ? `; ${m.fromCache} of ${m.districts} districts' files from the cache${m.keyedByRunner ? ', keyed by the shard runner' : ''}` : ''}) in ${m.ms} ms`);
        break;
      case 'search-index':
        searchIndex.resolve({ hash: m.hash, files: m.files });
        log.push(`search index: ${m.files} files in search-index/${m.hash}/ in ${m.ms} ms`);
        break;
      case 'global-pages':
        global.resolve({ aggregates: m.aggregates, embeds: m.embeds });
        log.push(`global aggregates and ${m.embeds.length} cross-district charts in ${m.ms} ms`);
        break;
      case 'download-list':
        downloadList.resolve(m.downloads);
        log.push(`${m.downloads.length} download files described in ${m.ms} ms`);
        break;
      case 'similar':
        similar.resolve(new Map(m.hits));
        log.push(`similar pledges of ${m.hits.length} tasks in ${m.ms} ms`);
        break;
      case 'share-cards':
        log.push(`share cards: ${m.cards} in share/ (${m.drawn} drawn, ${m.cards - m.drawn} from cache) in ${m.ms} ms`);
        break;
      case 'done':
        if (--running === 0) done.resolve(log);
        break;
      case 'problems':
        failWith(m.problems);
        break;
      case 'bug':
        fail(m.stack);
        break;
    }
  };
  type Message = Parameters<typeof onMessage>[0];
  for (const list of threads) {
    const worker = new Worker(new URL('./worker.mjs', import.meta.url), { workerData: { ...input, jobs: list } satisfies WorkInput });
    let finished = false;
    worker.on('message', (m: Message) => {
      if (m.kind === 'done') finished = true;
      onMessage(m);
    });
    worker.on('error', (e) => fail(e.stack ?? String(e)));
    worker.on('exit', (code) => {
      if (!finished) fail(`线程提前退出（exit ${code}）`);
    });
  }
  for (const list of processes) {
    // Structured clone, as between threads: the messages are the same.
    const child = fork(fileURLToPath(new URL('./worker-process.mjs', import.meta.url)), [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let finished = false;
    child.on('message', (m: Message) => {
      if (m.kind === 'done') finished = true;
      onMessage(m);
    });
    child.on('error', (e) => fail(e.stack ?? String(e)));
    child.on('exit', (code, signal) => {
      if (!finished) fail(`子进程提前退出（exit ${code ?? signal}）`);
    });
    child.send({ ...input, jobs: list } satisfies WorkInput);
  }
  return { downloads: downloads.promise, searchIndex: searchIndex.promise, similar: similar.promise, global: global.promise, downloadList: downloadList.promise, done: done.promise };
}

/** Where the worker writes: a sibling of outDir (same file system, so moving in is a rename), e.g. .dist-build-worker/. */
export const stageDirFor = (outDir: string) => join(dirname(resolve(outDir)), `.${basename(resolve(outDir))}-build-worker`);

export default function buildWorker(): AstroIntegration {
  let command: string | undefined;
  let run: BuildWorkRun | undefined;
  let stageDir = '';
  let logger: AstroIntegrationLogger | undefined;
  return {
    name: 'pledge-portal:build-worker',
    hooks: {
      'astro:config:setup': (o) => {
        command = o.command;
      },
      'astro:config:done': ({ config, logger: l }) => {
        if (command !== 'build') return;
        logger = l;
        pinDataDir(fileURLToPath(config.root));
        stageDir = stageDirFor(fileURLToPath(config.outDir));
        // In a shard build (src/lib/shards/), a district batch's worker draws only its pages' share cards:
        // the global shard's workers write the downloads and the search index and describe the downloads and
        // cross-district charts for its pages (which hold no row); a batch's pages measure their own downloads
        // and find similar pledges (within their district) from their slice.
        const slice = currentSlice().kind;
        const siteRoot = siteRootOf(config.site, config.base);
        const { threads, processes } = lanesFor(slice, siteRoot);
        // The sharded build gives the global shard its cache's file store (src/lib/shards/sharded-build.ts).
        // and its downloads' cache (district pieces kept between builds, download-cache.ts) with the file the
        // runner's district keys for it arrive in (district-keys-file.ts).
        const env = process.env;
        const store = env[FILE_STORE_ENV] ? { storeDir: env[FILE_STORE_ENV], downloadCacheDir: env[DOWNLOAD_CACHE_ENV], districtKeysFile: env[DISTRICT_KEYS_ENV] } : {};
        run = startBuildWork({ dataDir: resolve(fileURLToPath(config.root), dataDir()), siteRoot, stageDir, ...store }, threads, processes);
        if (slice === 'districts') Object.assign(buildWork(), { downloads: run.downloads, searchIndex: run.searchIndex });
        else Object.assign(buildWork(), { downloads: run.downloads, searchIndex: run.searchIndex, similar: run.similar, ...(slice === 'global' ? { global: run.global, downloadList: run.downloadList } : {}) });
      },
      'astro:build:done': async ({ dir }) => {
        if (!run) return;
        const t0 = performance.now();
        const lines = await run.done;
        const waited = Math.round(performance.now() - t0);
        // A district shard's worker without a site address draws no cards and stages nothing.
        const moved = existsSync(stageDir) ? moveStaged(stageDir, fileURLToPath(dir)) : 0;
        rmSync(stageDir, { recursive: true, force: true });
        for (const line of lines) logger?.info(line);
        logger?.info(`moved ${moved} staged entries into the site; waited ${waited} ms for the worker after the pages`);
      },
    },
  };
}
