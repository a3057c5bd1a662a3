// Every task's and report's share card into the build's staging folder (the build worker calls this
// on its own thread). Cards come from the content-hash cache when unchanged (render.ts).
import { join } from 'node:path';
import { hasAddress } from '~/lib/urls';
import { allCards } from './cards';
import { writeCard } from './render';
import type { SiteIndex } from '~/lib/dataset/site-index';

/** The cache lives outside dist/ (Astro empties outDir on every build) and node_modules/ (npm ci empties that); SHARE_CARD_CACHE overrides it. */
const defaultCacheDir = () => process.env.SHARE_CARD_CACHE ?? join(process.cwd(), '.cache', 'share-cards');

/**
 * resvg frees a drawn card's pixels (~2 MB, outside the JS heap) only in a finalizer that runs when the
 * event loop turns: a synchronous loop over 3,000 cards held 6 GB. Yielding every few cards keeps the
 * thread's memory flat (measured on 600 cards: peak 1,500 MB → 410 MB).
 */
const YIELD_EVERY = 16;
const turnOfTheLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function writeShareCards(stageDir: string, ix: SiteIndex, siteRoot: string, cacheDir = defaultCacheDir()): Promise<{ cards: number; drawn: number }> {
  // A QR code and og:image need the page's absolute address: without one (content/site.yaml `url`), no cards.
  if (!hasAddress(siteRoot)) return { cards: 0, drawn: 0 };
  let drawn = 0;
  const jobs = allCards(ix, siteRoot);
  for (const job of jobs) {
    if (!writeCard(job.spec, join(stageDir, job.path), cacheDir)) continue;
    if (++drawn % YIELD_EVERY === 0) await turnOfTheLoop();
  }
  return { cards: jobs.length, drawn };
}
