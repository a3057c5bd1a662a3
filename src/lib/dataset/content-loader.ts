// The content-layer loader of one collection: Astro's file() loader over generated/<name>.json, keeping
// only the rows the build's slice loads (slice-rows.ts), so a shard build puts only its slice into the
// content layer (and validates only that).
import { file } from 'astro/loaders';
import { dataDir } from '../data-dir';
import type { CollectionName } from './collections';
import { currentSlice, type Slice } from './slice';
import { reportDistrictsIn } from './read';
import { sliceRows } from './slice-rows';

export function collectionLoader(name: CollectionName, slice: Slice = currentSlice()) {
  return file(`${dataDir()}/${name}.json`, {
    parser: (text) => {
      const rows: unknown = JSON.parse(text);
      // Anything but an array is left to file(), which reports it.
      if (!Array.isArray(rows)) return rows as Record<string, Record<string, unknown>>;
      return sliceRows(slice, name, rows, name === 'anomalies' && slice.kind === 'districts' ? reportDistrictsIn(dataDir()) : undefined);
    },
  });
}
