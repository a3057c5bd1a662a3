// What the build worker (integration.ts) promises the pages. Set only in `astro build` with the
// integration registered; without it (astro dev, a bare build) the pages compute these themselves.
import { sharedSlot } from '../build-handoff';
import type { DescribedDownload, FileMeasure } from '../opendata/download-files';
import type { EmbedChartTransfer } from '../opendata/embeds';
import type { GlobalAggregates } from '../schema/global-aggregates';
import type { SimilarHit } from '../site/similar';

export interface BuildWork {
  /** Bytes and SHA-256 of every download file, by path under data/: the worker has written them. */
  downloads: Promise<Map<string, FileMeasure>>;
  /** The search index's hash and file count: the worker has written it under search-index/<hash>/. */
  searchIndex: Promise<{ hash: string; files: number }>;
  /** Similar pledges of every task. */
  similar: Promise<Map<string, SimilarHit[]>>;
  /**
   * The global shard only (src/lib/shards/), whose content layer holds no task or row; the worker
   * computes these from the whole dataset. `global`: the global aggregates (home, quality, search,
   * /changes/) and the cross-district embeddable charts, as they crossed the thread (load-embeds.ts wraps
   * their markup again in the pages' own module graph: the config's copy of the Markup class is not the
   * pages'). `downloadList`: every download file described (the /data/ list, datapackage.json).
   */
  global?: Promise<{ aggregates: GlobalAggregates; embeds: EmbedChartTransfer[] }>;
  downloadList?: Promise<DescribedDownload[]>;
}

export const buildWork = () => sharedSlot<BuildWork>('build-worker');
