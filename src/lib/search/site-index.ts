// The site's search index, built once per `astro build` from the content collections. The files go
// under search-index/<hash>/ so a redeploy never mixes old and new chunks in a reader's cache.
import { createHash } from 'node:crypto';
import { getCollection } from 'astro:content';
import { buildIndex, type IndexFiles } from './build-index';
import { indexInput } from './index-input';
import { handoff } from './index-handoff';
import type { Dataset } from './documents';

export interface SiteIndex {
  /** Content hash of all index files (first 12 hex digits). */
  hash: string;
  files: IndexFiles;
  /** Time the documents, buildIndex and the hash took (ms), for the build log. */
  buildMs?: number;
}

let cached: Promise<SiteIndex> | undefined;

async function load(): Promise<SiteIndex> {
  const data = async <K extends 'districts' | 'reports' | 'tasks' | 'progress' | 'units' | 'leaders'>(k: K) =>
    (await getCollection(k)).map((e) => e.data);
  const dataset = {
    districts: await data('districts'),
    reports: await data('reports'),
    tasks: await data('tasks'),
    progress: await data('progress'),
    units: await data('units'),
    leaders: await data('leaders'),
  } as Dataset;
  const t0 = performance.now();
  const { docs, opts } = indexInput(dataset);
  const files = buildIndex(docs, opts);
  const h = createHash('sha256');
  for (const [path, body] of files) h.update(path).update('\0').update(body).update('\0');
  const index = { hash: h.digest('hex').slice(0, 12), files, buildMs: Math.round(performance.now() - t0) };
  // For index-integration.ts, which writes the files after the build.
  if (!import.meta.env.DEV) handoff().value = index;
  return index;
}

export function siteIndex(): Promise<SiteIndex> {
  cached ??= load();
  return cached;
}

