// What the build worker (integration.ts) promises the pages. Set only in `astro build` with the
// integration registered; without it (astro dev, a bare build) the pages compute these themselves.
import { sharedSlot } from '../build-handoff';
import type { FileMeasure } from '../opendata/download-files';
import type { SimilarHit } from '../site/similar';

export interface BuildWork {
  /** Bytes and SHA-256 of every download file, by path under data/: the worker has written them. */
  downloads: Promise<Map<string, FileMeasure>>;
  /** The search index's hash and file count: the worker has written it under search-index/<hash>/. */
  searchIndex: Promise<{ hash: string; files: number }>;
  /** Similar pledges of every task. */
  similar: Promise<Map<string, SimilarHit[]>>;
}

export const buildWork = () => sharedSlot<BuildWork>('build-worker');
