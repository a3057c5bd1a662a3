// Astro content collections over the generated dataset (written by `npm run ingest` into generated/):
// one per entry of the collection map (src/lib/dataset/collections.ts), each holding the rows the build's
// slice loads. The same zod schemas validate the data here as in the ingest, so a page can never see a
// field the parser did not promise. Pages read them through src/lib/dataset/astro.ts.
import { defineCollection } from 'astro:content';
import { COLLECTION_NAMES, COLLECTIONS, type CollectionName } from './lib/dataset/collections';
import { collectionLoader } from './lib/dataset/content-loader';

const collection = <K extends CollectionName>(name: K) => defineCollection({ loader: collectionLoader(name), schema: COLLECTIONS[name] });

export const collections = Object.fromEntries(COLLECTION_NAMES.map((name) => [name, collection(name)])) as {
  [K in CollectionName]: ReturnType<typeof collection<K>>;
};
