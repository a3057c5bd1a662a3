// The site's search index, built from the content collections. The files go under
// search-index/<hash>/ so a redeploy never mixes old and new chunks in a reader's cache.
// In `astro build` the build worker (src/lib/build-worker/) builds and writes the same index from the
// same dataset; the pages then only need its hash. The dev server builds it here, once.
import { loadDataset } from '../dataset/astro';
import type { IndexFiles } from './build-index';
import { searchIndexOf } from './index-input';
import { buildWork } from '../build-worker/handoff';

export interface SiteIndex {
  /** Content hash of all index files (first 12 hex digits). */
  hash: string;
  files: IndexFiles;
}

let cached: Promise<SiteIndex> | undefined;

async function load(): Promise<SiteIndex> {
  return searchIndexOf(await loadDataset());
}

/** The whole index (dev server, or a build without the worker). */
export function siteIndex(): Promise<SiteIndex> {
  cached ??= load();
  return cached;
}

/** The index's hash, for the URLs the search page fetches. */
export async function siteIndexHash(): Promise<string> {
  const fromWorker = buildWork().searchIndex;
  return fromWorker ? (await fromWorker).hash : (await siteIndex()).hash;
}
