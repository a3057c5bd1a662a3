// The dataset as the pages see it: the content collections (src/content.config.ts, filled by
// content-loader.ts), loaded once per build and slice and shared by every page, so thousands of pages
// cost one load and one index. The Astro-side twin of read.ts; pages, endpoints and components read
// only through here.
import { getCollection } from 'astro:content';
import { COLLECTION_NAMES, type Dataset } from './collections';
import { sortDataset } from './order';
import { indexDataset, type SiteIndex } from './site-index';
import { currentSlice, sliceToText, type Slice } from './slice';
import { sliceDataset } from './slice-rows';

const loaded = new Map<string, { raw: Promise<Dataset>; site?: Promise<SiteIndex>; sorted?: Promise<Dataset> }>();

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

/** The collections in file order. */
export function loadDataset(slice: Slice = currentSlice()): Promise<Dataset> {
  return entry(slice).raw;
}

/** The dataset indexed for pages (site-index.ts): reports and tasks in the one order, the rest in file order. */
export function loadSite(slice: Slice = currentSlice()): Promise<SiteIndex> {
  const e = entry(slice);
  return (e.site ??= e.raw.then(indexDataset));
}

/** Every collection in the fixed order of the published files (order.ts sortDataset): downloads, feeds, changes. */
export function loadSorted(slice: Slice = currentSlice()): Promise<Dataset> {
  const e = entry(slice);
  return (e.sorted ??= e.raw.then(sortDataset));
}
