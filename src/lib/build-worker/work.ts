// The part of `astro build` that needs the dataset but no page: the download files, the search index,
// similar pledges, the share cards (PNG) and, for the global shard, the global aggregates, the
// cross-district charts and the download descriptions. A list of these jobs runs on a thread (worker.mjs)
// or in a child process (worker-process.mjs) while Astro renders pages on the main thread; integration.ts
// decides which, so a 2-core machine uses both cores. With a store (file-store.ts) files are linked, not rewritten.
// It reads the same generated/*.json through the same zod schemas as the content collections, in the same
// order, so it computes exactly what the pages would, and writes the files under stageDir (Astro empties
// outDir before rendering; integration.ts moves them in after). Each result is reported as soon as it is
// ready, because pages wait for them.
// Each job imports its modules when it runs (jobs below): a district batch's thread draws only share cards
// and the global shard's process never does, so neither loads the other's code (tsx-compiled on every start).
import { readDataset } from '~/lib/dataset/read';
import { FileStore } from './file-store';
import type { Dataset } from '~/lib/dataset/collections';
import type { SiteIndex } from '~/lib/dataset/site-index';
import type { Downloads, DescribedDownload, FileMeasure } from '../opendata/download-files';
import type { EmbedChartTransfer } from '../opendata/embeds';
import type { SimilarHit } from '../site/similar';
import type { GlobalAggregates } from '~/lib/schema/global-aggregates';

/**
 * One job of the worker. For the global shard, whose pages hold no row: `global-pages`, the global
 * aggregates and the cross-district charts (first: the home page waits for them), and `download-list`,
 * every download file described. `downloads`: write and measure every download file; `search-index`;
 * `similar`; `share-cards`: draw the pages' cards.
 */
export type WorkJob = 'global-pages' | 'downloads' | 'download-list' | 'search-index' | 'similar' | 'share-cards';

export interface WorkInput {
  /** Where generated/*.json are (PORTAL_DATA_DIR or generated/, absolute). */
  dataDir: string;
  /** Absolute site root with the base, ending in "/": what permalinks in the CSV start with. */
  siteRoot: string;
  /** Empty folder the files go into: data/… and search-index/<hash>/… */
  stageDir: string;
  /** What this thread does, in order (integration.ts decides per build: whole, global shard or district batch). */
  jobs: WorkJob[];
  /** The shard cache's file store (file-store.ts): files are linked from it, written only when new. */
  storeDir?: string;
  /** Where districts' download pieces are kept between builds (download-cache.ts); with `storeDir` only. */
  downloadCacheDir?: string;
  /** Where the shard runner writes its district keys, which key that cache (district-keys-file.ts); with `downloadCacheDir` only. */
  districtKeysFile?: string;
}

export type WorkMessage =
  | { kind: 'downloads'; measures: [string, FileMeasure][]; bytes: number; districts: number; fromCache: number; keyedByRunner: boolean; ms: number }
  | { kind: 'global-pages'; aggregates: GlobalAggregates; embeds: EmbedChartTransfer[]; ms: number }
  | { kind: 'download-list'; downloads: DescribedDownload[]; ms: number }
  | { kind: 'search-index'; hash: string; files: number; ms: number }
  | { kind: 'similar'; hits: [string, SimilarHit[]][]; ms: number }
  | { kind: 'share-cards'; cards: number; drawn: number; ms: number };

export async function runBuildWork(input: WorkInput, report: (m: WorkMessage) => void): Promise<void> {
  // Every row of the folder, whatever PORTAL_SLICE says: the global shard's downloads and search index
  // cover the whole dataset while its pages load only the global slice (a district batch's folder holds only its rows).
  const data = readDataset(input.dataDir, { kind: 'all' });
  let downloads: Downloads | undefined;
  let ix: SiteIndex | undefined;
  // The task order loadSite() sees (indexDataset of the collections in file order), so ties rank alike.
  const index = async () => (ix ??= (await import('~/lib/dataset/site-index')).indexDataset(data));
  const store = input.storeDir ? new FileStore(input.storeDir) : undefined;
  for (const job of input.jobs) {
    const t0 = performance.now();
    const ms = () => Math.round(performance.now() - t0);
    switch (job) {
      case 'downloads': {
        const [{ Downloads }, { writeDownloads }, { DiskDownloadCache }, { readDistrictKeysFile }] = await Promise.all([
          import('../opendata/download-files'), import('../opendata/write-downloads'), import('../opendata/download-cache'), import('../shards/district-keys-file'),
        ]);
        const cacheDir = input.downloadCacheDir;
        const keys = cacheDir && input.districtKeysFile ? await readDistrictKeysFile(input.districtKeysFile) : undefined;
        // First what the first pages wait for: /data/ and datapackage.json come early in Astro's order.
        downloads = new Downloads(data, input.siteRoot, undefined, cacheDir ? new DiskDownloadCache(cacheDir, keys) : undefined);
        const { bytes, districts, fromCache } = writeDownloads(input.stageDir, downloads, store);
        report({ kind: 'downloads', measures: downloads.files.map((f) => [f.path, downloads!.measure(f)]), bytes, districts, fromCache, keyedByRunner: keys !== undefined, ms: ms() });
        break;
      }
      case 'global-pages': {
        const [{ contentLayerOrder }, { indexDataset }, { embedCharts, toTransfer }, { chartInSlice }, { globalAggregates }] = await Promise.all([
          import('~/lib/dataset/order'), import('~/lib/dataset/site-index'), import('../opendata/embeds'), import('../shards/in-slice'), import('~/lib/dataset/global-aggregates'),
        ]);
        // In the order the pages' content layer gives (contentLayerOrder), as a whole build's pages see it.
        const whole = indexDataset(contentLayerOrder(data as Dataset));
        // Only the cross-district charts are drawn: the district ones are their batches'.
        const embeds = embedCharts(whole, whole.indicators, chartInSlice).map(toTransfer);
        report({ kind: 'global-pages', aggregates: globalAggregates(whole), embeds, ms: ms() });
        break;
      }
      case 'download-list': {
        const { Downloads, listedOnly } = await import('../opendata/download-files');
        const d = downloads ?? new Downloads(data, input.siteRoot);
        report({ kind: 'download-list', downloads: d.files.map((f) => listedOnly(d.describe(f))), ms: ms() });
        break;
      }
      case 'search-index': {
        const [{ searchIndexFiles }, { writeIndexFiles }] = await Promise.all([import('../search/index-input'), import('../search/write-index')]);
        // Each index file written as it is made (not the whole index held, then written).
        const built = writeIndexFiles(input.stageDir, searchIndexFiles(data), store);
        report({ kind: 'search-index', hash: built.hash, files: built.files, ms: ms() });
        break;
      }
      case 'similar': {
        const { similarTasks } = await import('../site/similar');
        report({ kind: 'similar', hits: [...similarTasks((await index()).tasks)], ms: ms() });
        break;
      }
      case 'share-cards': {
        const { writeShareCards } = await import('../share-card/write-cards');
        // Last: no page waits for the cards (their paths follow from the page paths), so they only need
        // to be staged before the pages finish.
        report({ kind: 'share-cards', ...(await writeShareCards(input.stageDir, await index(), input.siteRoot)), ms: ms() });
        break;
      }
    }
  }
}
