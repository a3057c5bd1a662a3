// What a page costs to load, gzipped: measured in Chromium (every same-origin response the page and its
// worker fetched, gzipped here at level 6 as a static host would serve it), or resolved from dist/ files
// (HTML + its stylesheets + its scripts and their static imports) for checking every page of a kind fast.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Response } from 'playwright-core';

export type Kind = 'html' | 'css' | 'js' | 'data' | 'other';
export type Transfer = Record<Kind, number> & { total: number; urls: string[] };

const gz = (body: Buffer | string) => gzipSync(body, { level: 6 }).length;

function kindOf(url: string, contentType: string): Kind {
  if (contentType.includes('html')) return 'html';
  if (contentType.includes('css')) return 'css';
  if (contentType.includes('javascript')) return 'js';
  if (/json|octet-stream/.test(contentType) || url.includes('/search-index/')) return 'data';
  return 'other';
}

const empty = (): Transfer => ({ html: 0, css: 0, js: 0, data: 0, other: 0, total: 0, urls: [] });

/** Load `url` in a fresh context; `act` may use the page (e.g. run a search) before counting stops. */
export async function measureInBrowser(browser: Browser, url: string, act?: (page: import('playwright-core').Page) => Promise<void>): Promise<Transfer> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const origin = new URL(url).origin;
  const responses: Promise<void>[] = [];
  const t = empty();
  const count = async (r: Response) => {
    if (new URL(r.url()).origin !== origin || r.status() !== 200) return;
    const body = await r.body().catch(() => undefined);
    if (!body) return;
    const size = gz(body);
    t[kindOf(r.url(), r.headers()['content-type'] ?? '')] += size;
    t.total += size;
    t.urls.push(r.url());
  };
  context.on('response', (r) => void responses.push(count(r)));
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'networkidle' });
  if (act) {
    await act(page);
    await page.waitForLoadState('networkidle');
  }
  await Promise.all(responses);
  await context.close();
  return t;
}

/** The same sum from files: the page's HTML, <link rel=stylesheet>, <script src> and their static imports. */
export function measureFromDist(dist: string, base: string, pagePath: string): Transfer {
  const t = empty();
  const seen = new Set<string>();
  const add = (kind: Kind, file: string) => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    const body = readFileSync(file);
    const size = gz(body);
    t[kind] += size;
    t.total += size;
    t.urls.push(file);
    if (kind === 'js') {
      // Static imports of a module chunk ("./x.js" relative to it, or "/_astro/x.js").
      for (const m of body.toString('utf8').matchAll(/(?:import|from)\s*["'`]([^"'`]+\.js)["'`]/g)) add('js', resolve(file, m[1]!));
    }
  };
  const resolve = (from: string, ref: string) => (ref.startsWith('/') ? join(dist, ref.slice(base.length)) : join(dirname(from), ref));
  const html = join(dist, pagePath, 'index.html');
  add('html', html);
  const text = readFileSync(html, 'utf8');
  for (const m of text.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g)) add('css', resolve(html, m[1]!));
  for (const m of text.matchAll(/<script[^>]+src="([^"]+)"/g)) add('js', resolve(html, m[1]!));
  for (const m of text.matchAll(/<script[^>]*>([^<]*)<\/script>/g)) for (const i of m[1]!.matchAll(/(?:import|from)\s*["'`]([^"'`]+\.js)["'`]/g)) add('js', resolve(html, i[1]!));
  return t;
}

export const kb = (bytes: number) => (bytes / 1024).toFixed(1);
