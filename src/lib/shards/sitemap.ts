// The merged site's sitemap (shard builds write none: each would list only its own pages). The same
// files @astrojs/sitemap writes for a one-process build: sitemap-index.xml and sitemap-<n>.xml of up to
// 45,000 pages each, every page but the embeds (they are for iframes).
import { readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const CHUNK = 45_000;
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Base-relative paths of the site's pages ("", "linzi/", …), in code-unit order. */
export function pagePaths(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile() || e.name !== 'index.html') continue;
    const rel = relative(dir, e.parentPath).split('\\').join('/');
    if (rel === 'embed' || rel.startsWith('embed/')) continue;
    out.push(rel === '' ? '' : `${rel}/`);
  }
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Write the sitemap of `dir` for a site whose root (with base) is `siteRoot` (absolute, ending in "/"). Returns the page count. */
export function writeSitemap(dir: string, siteRoot: string): number {
  const pages = pagePaths(dir);
  const chunks = Math.max(1, Math.ceil(pages.length / CHUNK));
  const index: string[] = [];
  for (let i = 0; i < chunks; i++) {
    const urls = pages.slice(i * CHUNK, (i + 1) * CHUNK).map((p) => `<url><loc>${escape(new URL(p, siteRoot).href)}</loc></url>`);
    writeFileSync(join(dir, `sitemap-${i}.xml`), `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.join('')}</urlset>`);
    index.push(`<sitemap><loc>${escape(new URL(`sitemap-${i}.xml`, siteRoot).href)}</loc></sitemap>`);
  }
  writeFileSync(join(dir, 'sitemap-index.xml'), `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${index.join('')}</sitemapindex>`);
  return pages.length;
}
