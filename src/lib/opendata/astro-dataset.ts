// The dataset from the content collections, loaded once per build and shared by the open-data
// routes and components (download endpoints, feeds, /changes/, Citation.astro).
import { getCollection } from 'astro:content';
import { hasAddress, siteRootOf } from '../urls';
import type { District, Report } from '../schema';
import type { Dataset } from './dataset';
import { sortDataset } from './dataset';
import { Downloads } from './download-files';
import { buildWork } from '../build-worker/handoff';

let cached: Promise<Dataset> | undefined;

export function loadDataset(): Promise<Dataset> {
  cached ??= (async () => {
    const data = async <K extends keyof Dataset>(k: K) => (await getCollection(k)).map((e) => e.data) as Dataset[K];
    return sortDataset({
      districts: await data('districts'), reports: await data('reports'), tasks: await data('tasks'), progress: await data('progress'),
      units: await data('units'), leaders: await data('leaders'), anomalies: await data('anomalies'), indicators: await data('indicators'),
    });
  })();
  return cached;
}

/** Absolute root of the deployed site including the base, ending in "/": what permalinks start with. */
let root: string | undefined;
export function siteRoot(): string {
  // Once per build: every task page's citation asks, and URL parsing is not free 40,000 times over.
  return (root ??= siteRootOf(import.meta.env.SITE, import.meta.env.BASE_URL));
}

/** Feeds need absolute links: they are published only when the site has an address. */
export function feedsPublished(): boolean {
  return hasAddress(siteRoot());
}

let files: Promise<Downloads> | undefined;
/**
 * Every download file, described; put together only when written or measured. Its bytes and SHA-256
 * are shared by the endpoints, datapackage.json and the pages that show sizes, so each file is measured once.
 * In `astro build` the build worker has written and measured them (src/lib/build-worker/); the pages only
 * describe them.
 */
export function loadDownloads(): Promise<Downloads> {
  files ??= Promise.all([loadDataset(), buildWork().downloads]).then(([d, measured]) => new Downloads(d, siteRoot(), measured));
  return files;
}

let lookups: Promise<{ reports: Map<string, Report>; districts: Map<string, District> }> | undefined;
/** Id lookups for citations, built once per build (every task page cites). */
export function loadLookups() {
  lookups ??= loadDataset().then((d) => ({ reports: new Map(d.reports.map((r) => [r.id, r])), districts: new Map(d.districts.map((x) => [x.id, x])) }));
  return lookups;
}
