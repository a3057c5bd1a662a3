// Shared by the pages-* tests: the real generated dataset and the built dist/.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Dataset } from '~/lib/dataset/collections';
import { readDataset } from '~/lib/dataset/read';

/** The built site; PAGES_DIST lets the same tests check a build made elsewhere (e.g. with BASE=/portal/). */
export const DIST = process.env.PAGES_DIST ?? 'dist';
/** The deployment base the site was built with (BASE env, as in astro.config.mjs). */
export const BASE = (process.env.BASE ?? '/').replace(/\/?$/, '/');

/** The generated dataset, validated by the same schemas as the site's content collections. */
export function loadDataset(): Dataset {
  return readDataset('generated');
}

/** The HTML of a page by its base-relative path ("linzi/2023/m09/"). */
export function page(path: string): string {
  return readFileSync(join(DIST, path, 'index.html'), 'utf8');
}

/** Every file under dir, as dist-relative paths with forward slashes. */
export function walk(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
export const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e) => ENTITIES[e]!);

/** Visible text of an HTML fragment (tags dropped, entities decoded, whitespace collapsed). */
export function text(html: string): string {
  return decode(html.replace(/<(script|style)[\s\S]*?<\/\1>/g, '').replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim();
}

/** The inner HTML of the first element with this id (for small, non-nested checks). */
export function byId(html: string, id: string, tag = '[a-z0-9]+'): string | undefined {
  const m = new RegExp(`<(${tag})[^>]*\\sid="${id}"[^>]*>([\\s\\S]*?)</\\1>`).exec(html);
  return m?.[2];
}
