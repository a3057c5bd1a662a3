// Every task's and report's share card into the build's staging folder (the build worker calls this
// on its own thread). Cards come from the content-hash cache when unchanged (render.ts).
import { join } from 'node:path';
import { hasAddress } from '~/lib/urls';
import { allCards } from './cards';
import { writeCard } from './render';
import type { SiteIndex } from '~/lib/dataset/site-index';

/** The cache lives outside dist/ (Astro empties outDir on every build) and node_modules/ (npm ci empties that); SHARE_CARD_CACHE overrides it. */
const defaultCacheDir = () => process.env.SHARE_CARD_CACHE ?? join(process.cwd(), '.cache', 'share-cards');

export function writeShareCards(stageDir: string, ix: SiteIndex, siteRoot: string, cacheDir = defaultCacheDir()): { cards: number; drawn: number } {
  // A QR code and og:image need the page's absolute address: without one (content/site.yaml `url`), no cards.
  if (!hasAddress(siteRoot)) return { cards: 0, drawn: 0 };
  let drawn = 0;
  const jobs = allCards(ix, siteRoot);
  for (const job of jobs) if (writeCard(job.spec, join(stageDir, job.path), cacheDir)) drawn++;
  return { cards: jobs.length, drawn };
}
