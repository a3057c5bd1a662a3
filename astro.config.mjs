// @ts-check
import { defineConfig } from 'astro/config';

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
});
