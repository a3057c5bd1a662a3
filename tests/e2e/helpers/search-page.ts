// The search page's parts, found by role and name. Facets may sit in a closed <details> on phones:
// revealFacets opens it the way a reader does (click, or Tab + Enter on its summary).
import type { Locator, Page } from 'playwright-core';
import { tabTo } from './keyboard';

export const searchBox = (page: Page) => page.getByRole('searchbox', { name: '关键词或责任单位' });
export const results = (page: Page) => page.getByRole('list', { name: /找到 .*项任务/ });
export const unitFacet = (page: Page) => page.getByRole('region', { name: '按责任单位筛选', includeHidden: true });
/** Links of the results' titles (h3), in order. */
export const resultLinks = (page: Page) =>
  results(page).getByRole('heading', { level: 3 }).getByRole('link').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
/** "找到 N 项任务" → N. */
export async function totalOf(page: Page): Promise<number> {
  const text = (await page.getByRole('heading', { name: /找到 .*项任务/ }).textContent()) ?? '';
  return Number(/(\d+)/.exec(text)?.[1] ?? NaN);
}

function facetsSummary(page: Page): Locator {
  return unitFacet(page).locator('xpath=ancestor::details[1]/summary');
}

export async function revealFacets(page: Page, by: 'click' | 'keyboard'): Promise<void> {
  if (await unitFacet(page).isVisible()) return;
  const summary = facetsSummary(page);
  if (by === 'click') await summary.click();
  else {
    await tabTo(page, summary);
    await page.keyboard.press('Enter');
  }
  await unitFacet(page).waitFor({ state: 'visible' });
}
