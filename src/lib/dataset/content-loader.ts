// The content-layer loader of one collection: Astro's file() loader over generated/<name>.json, keeping
// only the rows the build's slice loads (slice-rows.ts), so a shard build puts only its slice into the
// content layer (and validates only that). A collection the slice loads nothing of is not even read: the
// global shard's content layer would otherwise parse ~130 MB of tasks and rows at 100× the seeds to keep none.
import { file, type Loader } from 'astro/loaders';
import { dataDir } from '../data-dir';
import type { CollectionName } from './collections';
import { currentSlice, type Slice } from './slice';
import { reportDistrictsIn } from './read';
import { sliceLoadsCollection, sliceRows } from './slice-rows';

export function collectionLoader(name: CollectionName, slice: Slice = currentSlice()) {
  if (!sliceLoadsCollection(slice, name)) return { name: 'pledge-portal:not-in-slice', load: async ({ store }) => store.clear() } satisfies Loader;
  return file(`${dataDir()}/${name}.json`, {
    parser: (text) => {
      const rows: unknown = JSON.parse(text);
      // Anything but an array is left to file(), which reports it.
      if (!Array.isArray(rows)) return rows as Record<string, Record<string, unknown>>;
      return sliceRows(slice, name, rows, name === 'anomalies' && slice.kind === 'districts' ? reportDistrictsIn(dataDir()) : undefined);
    },
  });
}
