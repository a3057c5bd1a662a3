// Record what a page does wrong while it loads: console errors, uncaught exceptions (CSP violations show
// up as console errors), failed or error-status requests, and any request to another origin.
import type { Page } from 'playwright-core';

export interface Trouble {
  consoleErrors: string[];
  failedRequests: string[];
  offOrigin: string[];
  /** Every URL the page requested (same origin), for budgets and "was the index fetched?" checks. */
  requested: string[];
}

export function watch(page: Page, origin: string): Trouble {
  const t: Trouble = { consoleErrors: [], failedRequests: [], offOrigin: [], requested: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') t.consoleErrors.push(`${m.text()} @ ${m.location().url}`);
  });
  page.on('pageerror', (e) => t.consoleErrors.push(`uncaught: ${e.message}`));
  page.on('request', (r) => {
    const url = r.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) t.offOrigin.push(url);
    else t.requested.push(url);
  });
  page.on('requestfailed', (r) => t.failedRequests.push(`${r.url()} (${r.failure()?.errorText ?? 'failed'})`));
  page.on('response', (r) => {
    if (r.status() >= 400) t.failedRequests.push(`${r.url()} (HTTP ${r.status()})`);
  });
  return t;
}
