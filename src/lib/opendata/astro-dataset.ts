// The dataset from the content collections, loaded once per build and shared by the open-data
// routes and components (download endpoints, feeds, /changes/, Citation.astro).
import { getCollection } from 'astro:content';
import { href } from '../urls';
import type { Dataset } from './dataset';
import { sortDataset } from './dataset';
import { renderDownloads, type DownloadFile } from './download-files';

let cached: Promise<Dataset> | undefined;

export function loadDataset(): Promise<Dataset> {
  cached ??= (async () => {
    const data = async <K extends keyof Dataset>(k: K) => (await getCollection(k)).map((e) => e.data) as Dataset[K];
    return sortDataset({
      districts: await data('districts'), reports: await data('reports'), tasks: await data('tasks'), progress: await data('progress'),
      units: await data('units'), leaders: await data('leaders'), anomalies: await data('anomalies'),
    });
  })();
  return cached;
}

/** Absolute root of the deployed site including the base, ending in "/": what permalinks start with. */
export function siteRoot(): string {
  return new URL(href(''), import.meta.env.SITE ?? 'https://example.org/').href;
}

let files: Promise<DownloadFile[]> | undefined;
/** Every download file, rendered once per build. */
export function loadDownloads(): Promise<DownloadFile[]> {
  files ??= loadDataset().then((d) => renderDownloads(d, siteRoot()));
  return files;
}
