// The part of `astro build` that needs the dataset but no page: the download files, the search index,
// similar pledges and the share cards (PNG). worker.mjs runs it on a second thread while Astro renders pages on the first,
// so a 2-core machine uses both. It reads the same generated/*.json through the same zod schemas as
// the content collections, in the same order, so it computes exactly what the pages would, and
// writes the files under stageDir (Astro empties outDir before rendering; integration.ts moves them
// in after). Each result is reported as soon as it is ready, because pages wait for them.
import { searchIndexFiles } from '../search/index-input';
import { writeIndexFiles } from '../search/write-index';
import { Downloads, type FileMeasure } from '../opendata/download-files';
import { writeDownloads } from '../opendata/write-downloads';
import { similarTasks, type SimilarHit } from '../site/similar';
import { writeShareCards } from '../share-card/write-cards';
import { readDataset } from '~/lib/dataset/read';
import { indexDataset } from '~/lib/dataset/site-index';

export interface WorkInput {
  /** Where generated/*.json are (PORTAL_DATA_DIR or generated/, absolute). */
  dataDir: string;
  /** Absolute site root with the base, ending in "/": what permalinks in the CSV start with. */
  siteRoot: string;
  /** Empty folder the files go into: data/… and search-index/<hash>/… */
  stageDir: string;
  /**
   * In a shard build (src/lib/shards/): a district shard's worker draws only its own pages' share cards;
   * the global shard's writes everything else and no cards. Unset: everything (a whole build).
   */
  part?: 'share-cards' | 'all-but-share-cards';
}

export type WorkMessage =
  | { kind: 'downloads'; measures: [string, FileMeasure][]; bytes: number; ms: number }
  | { kind: 'search-index'; hash: string; files: number; ms: number }
  | { kind: 'similar'; hits: [string, SimilarHit[]][]; ms: number }
  | { kind: 'share-cards'; cards: number; drawn: number; ms: number };

export async function runBuildWork(input: WorkInput, report: (m: WorkMessage) => void): Promise<void> {
  // Every row of the folder, whatever PORTAL_SLICE says: the global shard's downloads and search index
  // cover the whole dataset while its pages load only the global slice (a district shard's folder holds only its rows).
  const data = readDataset(input.dataDir, { kind: 'all' });
  if (input.part === 'share-cards') {
    const t0 = performance.now();
    const cards = await writeShareCards(input.stageDir, indexDataset(data), input.siteRoot);
    report({ kind: 'share-cards', ...cards, ms: Math.round(performance.now() - t0) });
    return;
  }
  // First what the first pages wait for: /data/ and datapackage.json come early in Astro's order.
  report(downloadFiles(input, data));

  let t0 = performance.now();
  // Each index file written as it is made (not the whole index held, then written).
  const index = writeIndexFiles(input.stageDir, searchIndexFiles(data));
  report({ kind: 'search-index', hash: index.hash, files: index.files, ms: Math.round(performance.now() - t0) });

  if (input.part === 'all-but-share-cards') {
    // The global shard renders no task page: similar pledges are the district shards' (within their slice).
    report({ kind: 'similar', hits: [], ms: 0 });
    return;
  }
  t0 = performance.now();
  // The task order loadSite() sees (indexDataset of the collections in file order), so ties rank alike.
  const ix = indexDataset(data);
  const hits = similarTasks(ix.tasks);
  report({ kind: 'similar', hits: [...hits], ms: Math.round(performance.now() - t0) });

  // Last: no page waits for the cards (their paths follow from the page paths), so they only need
  // to be staged before the pages finish.
  t0 = performance.now();
  const cards = await writeShareCards(input.stageDir, ix, input.siteRoot);
  report({ kind: 'share-cards', ...cards, ms: Math.round(performance.now() - t0) });
}

/**
 * Writes the download files and says what they measure. In a function of its own so that nothing of
 * them (the file list, the dataset index of the CSV rows) stays reachable while the search index is built.
 */
function downloadFiles(input: WorkInput, data: ReturnType<typeof readDataset>): Extract<WorkMessage, { kind: 'downloads' }> {
  const t0 = performance.now();
  const downloads = new Downloads(data, input.siteRoot);
  const bytes = writeDownloads(input.stageDir, downloads);
  return { kind: 'downloads', measures: downloads.files.map((f) => [f.path, downloads.measure(f)]), bytes, ms: Math.round(performance.now() - t0) };
}
