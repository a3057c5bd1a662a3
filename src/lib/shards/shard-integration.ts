// What a district shard's `astro build` leaves out: the pages of routes without parameters (home,
// about, search, changes, quality, the data catalogue, robots.txt) are the global shard's, so a district
// shard deletes what they rendered from its partial data before the site is published. Its dynamic
// routes filter themselves (in-slice.ts). Registered before stagedSite, which publishes after it.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { currentSlice } from '../dataset/slice';

export default function shardPages(): AstroIntegration {
  let statics: string[] = [];
  return {
    name: 'pledge-portal:shard-pages',
    hooks: {
      'astro:routes:resolved': ({ routes }) => {
        statics = routes.filter((r) => r.origin === 'project' && r.params.length === 0).map((r) => r.pattern);
      },
      'astro:build:done': ({ assets, logger }) => {
        if (currentSlice().kind !== 'districts') return;
        let removed = 0;
        for (const pattern of statics) {
          for (const url of assets.get(pattern) ?? []) {
            rmSync(fileURLToPath(url), { force: true });
            removed++;
          }
        }
        logger.info(`district shard: left ${removed} cross-district pages to the global shard`);
      },
    },
  };
}
