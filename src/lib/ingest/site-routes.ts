// The URL names the site itself uses next to district slugs, read from the route files, so the list
// cannot drift from the site: /<district>/ sits beside every top-level page (src/pages/, public/),
// /data/<district>/ beside the other download scopes and pages in src/pages/data/, and
// /feeds/<district>.xml beside src/pages/feeds/. A district named like any of these would overwrite it
// or lose its own page.
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scopesOf } from '../opendata/scopes';
import { emptyDataset } from '../dataset/collections';

const repo = fileURLToPath(new URL('../../../', import.meta.url));

/** Static names in a folder of routes: about.astro → about, all.xml.ts → all, [district] (a parameter) → none. */
function routeNames(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => !n.startsWith('[') && !n.startsWith('_') && !n.startsWith('.'))
    .map((n) => n.replace(/\.(astro|ts|js|md|mdx|html)$/, '').replace(/\.(xml|json|txt)$/, ''));
}

/** Every reserved name with where the site uses it, e.g. data → /data/, all → /data/all/. */
export function reservedDistrictSlugs(root = repo): Map<string, string> {
  const out = new Map<string, string>();
  const add = (name: string, where: string) => out.has(name) || out.set(name, where);
  for (const n of routeNames(`${root}src/pages`)) add(n, n === 'index' ? '首页 /index.html' : `/${n}/`);
  for (const n of routeNames(`${root}public`)) add(n, `/${n}（public/）`);
  add('_astro', '/_astro/（Astro 的资源目录）');
  for (const s of scopesOf(emptyDataset())) add(s.dir, `/data/${s.dir}/`);
  for (const n of routeNames(`${root}src/pages/data`)) add(n, `/data/${n}/`);
  for (const n of routeNames(`${root}src/pages/feeds`)) add(n, `/feeds/${n}.xml`);
  return out;
}
