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
}

/** Start the server and browser for this file; the returned object is filled in by beforeAll. */
export function useSite(): Site {
  const site = {} as Site;
  beforeAll(async () => {
    site.server = await serveDist(DIST);
    site.browser = await launch();
    site.origin = new URL(site.server.url).origin;
    site.url = (path: string) => `${site.server.url}${path.replace(/^\//, '')}`;
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}

/** A fresh context + page with trouble recording; close the context when done. */
export async function openPage(site: Site, path: string, options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page; trouble: Trouble }> {
  const context = await site.browser.newContext({ viewport: PHONE, locale: 'zh-CN', ...options });
  const page = await context.newPage();
  const trouble = watch(page, site.origin);
  await page.goto(site.url(path), { waitUntil: 'networkidle' });
  return { context, page, trouble };
}
