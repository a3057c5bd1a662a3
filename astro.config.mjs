// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import buildWorker from './src/lib/build-worker/integration.ts';
import contentStoreFile from './src/lib/content-store-file.ts';
import devFileUrls from './src/lib/dev-file-urls.ts';
import { readSiteConfig } from './src/lib/site-config.ts';
import stagedSite from './src/lib/build-worker/staged-site.ts';

// The site's address lives in content/site.yaml (`url`); SITE overrides it for one deploy, BASE sets a
// sub-path (e.g. GitHub Pages). Without an address nothing prints a placeholder domain: links are
// root-relative, citations say 网址未配置, no sitemap and no feeds are built (they need absolute URLs),
// and the build warns once (below).
const site = process.env.SITE || readSiteConfig().url || undefined;
const base = process.env.BASE ?? '/';
// A shard build (src/lib/shards/) writes no sitemap: the merge writes one for the whole site.
const shard = Boolean(process.env.PORTAL_SLICE);

/** The one warning a build without an address gives. */
const addressWarning = {
  name: 'site-address',
  hooks: {
    'astro:config:done': (/** @type {{ logger: import('astro').AstroIntegrationLogger }} */ { logger }) => {
      if (!site) logger.warn('content/site.yaml 未配置网址（url）：本次构建使用站内相对链接，引用注明“网址未配置”，不生成 sitemap 和 RSS。配置网址后重新构建即可。');
    },
  },
};

export default defineConfig({
  site,
  base,
  output: 'static',
  trailingSlash: 'always',
  // Stylesheets as files, never inlined: cached once for the whole site instead of repeated on every one
  // of tens of thousands of pages. Two pages in flight: one renders while the other is written to disk
  // (measured at 100× the data: 74 → 58 s generating pages; bench:build gives its bare site the same
  // setting, which speeds it up too).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 2 },
  devToolbar: { enabled: false },
  // Each shard build gets its own cache folder, so parallel shards never share a content-layer store.
  ...(process.env.PORTAL_CACHE_DIR ? { cacheDir: process.env.PORTAL_CACHE_DIR } : {}),
  // Scripts as files too (Vite inlines small ones below this limit): nothing inline left to hash per page.
  vite: { build: { assetsInlineLimit: 0 } },
  // The Content-Security-Policy is a static <meta> in the layouts (src/lib/csp.ts): nothing is inline.
  // Embed pages are for iframes, not for search engines.
  // stagedSite last: Astro builds into .dist-build/site/ and it swaps the complete site into dist/ after
  // every other integration has written (src/lib/build-worker/staged-site.ts).
  integrations: [...(site && !shard ? [sitemap({ filter: (page) => !page.includes('/embed/') })] : []), buildWorker(), contentStoreFile(), devFileUrls(), addressWarning, stagedSite()],
});
