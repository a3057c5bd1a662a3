// Where the deployed site lives (astro.config.mjs: content/site.yaml `url` or SITE, and BASE).
import { hasAddress, siteRootOf } from '../urls';

let root: string | undefined;

/** Absolute root of the deployed site including the base, ending in "/": what permalinks start with. */
export function siteRoot(): string {
  // Once per build: every task page's citation asks, and URL parsing is not free 40,000 times over.
  return (root ??= siteRootOf(import.meta.env.SITE, import.meta.env.BASE_URL));
}

/** Feeds need absolute links: they are published only when the site has an address. */
export function feedsPublished(): boolean {
  return hasAddress(siteRoot());
}
