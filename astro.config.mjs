// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import searchIndexWriter from './src/lib/search/index-integration.ts';

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
  // Strict Content-Security-Policy as a <meta> on every page: Astro hashes the scripts and styles it
  // bundles; nothing inline is allowed, nothing from another origin is loaded, no plugins, no framing of
  // forms elsewhere. (frame-ancestors cannot be set from <meta>; set it as a header where the host allows.)
  security: {
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
    },
  },
  // Embed pages are for iframes, not for search engines.
  integrations: [sitemap({ filter: (page) => !page.includes('/embed/') }), searchIndexWriter()],
});
