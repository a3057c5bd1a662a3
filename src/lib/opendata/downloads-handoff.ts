// Hand-off between the site build and the download writer (downloads-integration.ts). Both run in
// the `astro build` process but in different module graphs (the prerender bundle and the Astro
// config), so they meet on a registered symbol, not a module variable.
import type { Downloads } from './download-files';

interface Slot {
  /** Set by the integration when it is registered: it will write the download files after the build. */
  writer?: boolean;
  /** Set by loadDownloads() when the build described the files. */
  downloads?: Downloads;
}

const KEY = Symbol.for('pledge-portal.downloads');

export function handoff(): Slot {
  const g = globalThis as { [KEY]?: Slot };
  return (g[KEY] ??= {});
}
