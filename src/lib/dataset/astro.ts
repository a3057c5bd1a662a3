// The dataset as the pages see it: the content collections (src/content.config.ts, filled by
// content-loader.ts), loaded once per build and slice and shared by every page, so thousands of pages
// cost one load and one index. The Astro-side twin of read.ts; pages, endpoints and components read
// only through here.
import { getCollection } from 'astro:content';
import { COLLECTION_NAMES, type Dataset } from './collections';
import { contentLayerOrder, sortDataset } from './order';
import { indexDataset, type SiteIndex } from './site-index';
import type { GlobalAggregates } from '../schema/global-aggregates';
import { globalAggregates } from './global-aggregates';
import { globalAggregatesSchema } from '../schema/global-aggregates';
import { buildWork } from '../build-worker/handoff';
import { currentSlice, sliceToText, type Slice } from './slice';
import { sliceDataset } from './slice-rows';
import { dataDir } from '../data-dir';
import { readDataset } from './read';

const loaded = new Map<string, { raw: Promise<Dataset>; site?: Promise<SiteIndex>; sorted?: Promise<Dataset>; aggregates?: Promise<GlobalAggregates> }>();

function entry(slice: Slice) {
  const key = sliceToText(slice);
  let e = loaded.get(key);
  if (!e) {
    const raw = (async () => {
      const d: Partial<Record<keyof Dataset, unknown[]>> = {};
      for (const name of COLLECTION_NAMES) d[name] = (await getCollection(name)).map((x) => x.data);
      // The content layer already holds only the build's slice; filtering again makes any other slice exact.
      return sliceDataset(slice, d as Dataset);
    })();
    loaded.set(key, (e = { raw }));
  }
  return e;
}

/** The collections in the content layer's order (order.ts contentLayerOrder). */
export function loadDataset(slice: Slice = currentSlice()): Promise<Dataset> {
  return entry(slice).raw;
}

/** The dataset indexed for pages (site-index.ts): reports and tasks in the one order, the rest in the content layer's. */
export function loadSite(slice: Slice = currentSlice()): Promise<SiteIndex> {
  const e = entry(slice);
  return (e.site ??= e.raw.then(indexDataset));
}

/** Every collection in the fixed order of the published files (order.ts sortDataset): downloads, feeds, changes. */
export function loadSorted(slice: Slice = currentSlice()): Promise<Dataset> {
  const e = entry(slice);
  return (e.sorted ??= e.raw.then(sortDataset));
}


/**
 * What the cross-district pages count over every task and row (global-aggregates.ts). The global shard
 * reads the file the shard runner wrote (its content layer holds no tasks or rows); any other build
 * computes it from its own index of every row, so both render from the same record.
 */
export function loadGlobalAggregates(slice: Slice = currentSlice()): Promise<GlobalAggregates> {
  const e = entry(slice);
  const fromWorker = buildWork().global;
  if (slice.kind === 'global') {
    // The global shard's content layer holds no row: its build worker counts them (src/lib/build-worker/),
    // checked against the schema as they arrive; without the worker (astro dev), the Node reader.
    return (e.aggregates ??= fromWorker
      ? fromWorker.then((g) => globalAggregatesSchema.parse(g.aggregates))
      : Promise.resolve().then(() => globalAggregates(indexDataset(contentLayerOrder(readDataset(dataDir(), { kind: 'all' }))))));
  }
  return (e.aggregates ??= loadSite(slice).then(globalAggregates));
}
