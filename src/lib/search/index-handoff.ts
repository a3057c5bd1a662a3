// Hand-off between the site build and the index writer (index-integration.ts). Both run in the
// `astro build` process but in different module graphs (the prerender bundle and the Astro config),
// so they meet on a registered symbol, not a module variable.
import type { SiteIndex } from './site-index';

interface Slot {
  /** Set by the integration when it is registered: it will write the index after the build. */
  writer?: boolean;
  /** Set by siteIndex() when the build computed the index. */
  index?: SiteIndex;
}

const KEY = Symbol.for('pledge-portal.search-index');

export function handoff(): Slot {
  const g = globalThis as { [KEY]?: Slot };
  return (g[KEY] ??= {});
}
