// The global shard's aggregates file: the shard runner computes the global aggregates
// (src/lib/dataset/global-aggregates.ts) from the whole dataset, through the validated Node reader, and
// writes them where the global shard's Astro build reads them (PORTAL_GLOBAL_AGGREGATES), so its
// cross-district pages need no task or row in its content layer.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { globalAggregates } from '../dataset/global-aggregates';
import { contentLayerOrder } from '../dataset/order';
import { readDataset } from '../dataset/read';
import { indexDataset } from '../dataset/site-index';

/** Where the global shard `name`'s aggregates go under the shard cache. */
export const globalAggregatesPath = (cacheRoot: string, name: string) => join(cacheRoot, 'slices', name, 'global-aggregates.json');

/** Compute the aggregates of the whole dataset in `dataDir` and write them to `file`. Throws DatasetError. */
export function writeGlobalAggregates(dataDir: string, file: string): void {
  const aggregates = globalAggregates(indexDataset(contentLayerOrder(readDataset(dataDir, { kind: 'all' }))));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(aggregates));
}
