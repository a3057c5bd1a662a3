// Record what a page does wrong while it loads: console errors, uncaught exceptions (CSP violations show
// up as console errors), failed or error-status requests, and any request to another origin.
import type { ConsoleMessage, Page, Request, Response } from 'playwright-core';

export interface Trouble {
  consoleErrors: string[];
  failedRequests: string[];
  offOrigin: string[];
  /** Every URL the page requested (same origin), for budgets and "was the index fetched?" checks. */
  requested: string[];
  /** Stop recording (a reused page: before the next test's visit). */
  stop(): void;
}

export function watch(page: Page, origin: string): Trouble {
  const onConsole = (m: ConsoleMessage) => {
    if (m.type() === 'error') t.consoleErrors.push(`${m.text()} @ ${m.location().url}`);
  };
  const onPageError = (e: Error) => t.consoleErrors.push(`uncaught: ${e.message}`);
  const onRequest = (r: Request) => {
    const url = r.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) t.offOrigin.push(url);
    else t.requested.push(url);
  };
  const onFailed = (r: Request) => t.failedRequests.push(`${r.url()} (${r.failure()?.errorText ?? 'failed'})`);
  const onResponse = (r: Response) => {
    if (r.status() >= 400) t.failedRequests.push(`${r.url()} (HTTP ${r.status()})`);
  };
  const t: Trouble = {
    consoleErrors: [],
    failedRequests: [],
    offOrigin: [],
    requested: [],
    stop: () => {
      page.off('console', onConsole);
      page.off('pageerror', onPageError);
      page.off('request', onRequest);
      page.off('requestfailed', onFailed);
      page.off('response', onResponse);
    },
  };
  page.on('console', onConsole);
  page.on('pageerror', onPageError);
  page.on('request', onRequest);
  page.on('requestfailed', onFailed);
  page.on('response', onResponse);
  return t;
}
