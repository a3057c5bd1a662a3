// One served build and one Chromium per test file (beforeAll/afterAll), and page helpers shared by files.
import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { launch } from '../../../scripts/browser/browser';
import { serveDist, type StaticServer } from '../../../scripts/browser/server';
import { DIST } from '../../../scripts/browser/page-types';
import { watch, type Trouble } from './watch';

export const PHONE = { width: 390, height: 844 } as const;
export const DESKTOP = { width: 1280, height: 900 } as const;

export interface Site {
  server: StaticServer;
  browser: Browser;
  origin: string;
  url(path: string): string;
  /** Pages reused by `visit`, one per set of context options, with what each is recording (see there). */
  shared: Map<string, { page: Promise<Page>; trouble?: Trouble }>;
}

/** Start the server and browser for this file; the returned object is filled in by beforeAll. */
export function useSite(): Site {
  const site = { shared: new Map() } as unknown as Site;
  beforeAll(async () => {
    site.server = await serveDist(DIST);
    site.browser = await launch();
    site.origin = new URL(site.server.url).origin;
    site.url = (path: string) => `${site.server.url}${path.replace(/^\//, '')}`;
  });
  afterAll(async () => {
    site.shared.clear();
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}

const contextOptions = (options: BrowserContextOptions): BrowserContextOptions => ({ viewport: PHONE, locale: 'zh-CN', ...options });

/** A fresh context + page with trouble recording, loaded to network idle; close the context when done.
 * For tests that act on the page (type, click, go back, store a setting): nothing carries over from another test. */
export async function openPage(site: Site, path: string, options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page; trouble: Trouble }> {
  const context = await site.browser.newContext(contextOptions(options));
  const page = await context.newPage();
  const trouble = watch(page, site.origin);
  await page.goto(site.url(path), { waitUntil: 'networkidle' });
  return { context, page, trouble };
}

/** Load `path` in this file's page for these context options (created on first use, then reused), with fresh
 * trouble recording; waits for the load event (or `waitUntil`). For tests that only read what a page shows (axe, layout,
 * sizes, requests while loading): a new page and context per test cost ~1 s each on a 2-core machine, a
 * navigation a few hundred ms. `init` runs once on the context when it is created (e.g. a stored setting);
 * options with an `init` must get their own `key`. The page first goes to about:blank so that nothing the
 * previous test's page still had in flight is recorded against this one. */
export async function visit(
  site: Site,
  path: string,
  options: BrowserContextOptions = {},
  { key = '', init, waitUntil = 'load' }: { key?: string; init?: (context: BrowserContext) => Promise<unknown>; waitUntil?: 'load' | 'networkidle' } = {},
): Promise<{ page: Page; trouble: Trouble }> {
  const id = `${key}|${JSON.stringify(options)}`;
  let slot = site.shared.get(id);
  slot?.trouble?.stop();
  let page = slot ? await slot.page.catch(() => undefined) : undefined;
  if (!slot || !page || page.isClosed()) {
    slot = {
      page: (async () => {
        const context = await site.browser.newContext(contextOptions(options));
        if (init) await init(context);
        return context.newPage();
      })(),
    };
    site.shared.set(id, slot);
    page = await slot.page;
  }
  await page.goto('about:blank');
  slot.trouble = watch(page, site.origin);
  await page.goto(site.url(path), { waitUntil });
  return { page, trouble: slot.trouble };
}
