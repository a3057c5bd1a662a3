// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';

// SITE and BASE let the same content deploy to a domain root or a sub-path (e.g. GitHub Pages).
const site = process.env.SITE ?? 'https://example.org';
const base = process.env.BASE ?? '/';

export default defineConfig({
  site,
  base,
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  // Embed pages are for iframes, not for search engines.
  integrations: [sitemap({ filter: (page) => !page.includes('/embed/') })],
});
