// Search as a reader uses it: type, narrow by unit, open a result, come back; share the URL.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, useSite } from './helpers/site';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, pageTypes } from '../../scripts/browser/page-types';
import { results, resultLinks, revealFacets, searchBox, totalOf, unitFacet } from './helpers/search-page';

const site = useSite();
mkdirSync(join(ROOT, 'test-output', 'screenshots'), { recursive: true });
/** Common enough to match tasks of many units in every district. */
const KEYWORD = '企业';

describe('search', () => {
  test('type a keyword, narrow by unit, open a result, go back: query and facet restored; the URL shares the same results', async () => {
    const { context, page, trouble } = await openPage(site, pageTypes().search);
    await searchBox(page).fill(KEYWORD);
    await results(page).waitFor();
    const total = await totalOf(page);
    expect(total).toBeGreaterThan(1);
    await page.waitForFunction((q) => new URLSearchParams(location.search).get('q') === q, KEYWORD);

    // Narrow by the first unit offered; the facet link says how many tasks it keeps.
    await revealFacets(page, 'click');
    const facet = unitFacet(page).getByRole('link').first();
    const facetText = (await facet.textContent())!;
    const facetCount = Number(/\((\d+)\)/.exec(facetText)![1]);
    await facet.click();
    await page.waitForURL(/[?&]unit=/);
    await expect.poll(() => totalOf(page)).toBe(facetCount);
    expect(facetCount).toBeLessThan(total);
    await expect.poll(() => unitFacet(page).locator('[aria-current="true"]').count()).toBe(1);
    const narrowedUrl = page.url();
    await page.screenshot({ path: join(ROOT, 'test-output', 'screenshots', 'search-results-phone.png'), fullPage: true });
    const narrowed = await resultLinks(page);
    expect(narrowed).toHaveLength(Math.min(facetCount, 20));

    // Open the first result: its task page, whose title is the pledge the result showed.
    const first = results(page).getByRole('heading', { level: 3 }).first();
    const shownPledge = (await first.textContent())!.trim();
    await first.getByRole('link').click();
    await page.waitForURL(/\/tasks\/[^/]+\/$/);
    expect(page.url()).toBe(narrowed[0]);
    // The task page states the pledge the result showed (the result may cut it with an ellipsis).
    const main = (await page.getByRole('main').innerText()).replace(/\s/g, '');
    expect(main).toContain(shownPledge.replace(/\s/g, '').slice(0, 12));

    // Back: the same URL, the box holds the query, the unit facet is still applied, same results.
    await page.goBack();
    await page.waitForURL(narrowedUrl);
    await results(page).waitFor();
    expect(await searchBox(page).inputValue()).toBe(KEYWORD);
    await expect.poll(() => unitFacet(page).locator('[aria-current="true"]').count()).toBe(1);
    await expect.poll(() => resultLinks(page)).toEqual(narrowed);

    // A shared link, opened by someone else (a fresh context), shows the same results.
    const other = await openPage(site, narrowedUrl.slice(site.server.url.length));
    await results(other.page).waitFor();
    expect(await searchBox(other.page).inputValue()).toBe(KEYWORD);
    await expect.poll(() => resultLinks(other.page)).toEqual(narrowed);
    await other.context.close();

    expect(trouble.consoleErrors.join('\n')).toBe('');
    expect(trouble.failedRequests.join('\n')).toBe('');
    expect(trouble.offOrigin.join('\n')).toBe('');
    await context.close();
  });

  test('a typo: 相近结果 labelled with what it matched, 你是不是要找 …, and the unit it resolved to', async () => {
    const { context, page, trouble } = await openPage(site, pageTypes().search);
    await searchBox(page).fill('区财正局');
    await page.getByRole('heading', { name: '相近结果' }).waitFor();
    await page.getByText('你是不是要找：').waitFor();
    const whys = await page.locator('.result-why').allInnerTexts();
    expect(whys.length).toBeGreaterThan(0);
    for (const w of whys) expect(w).toBe('按读音匹配：区财政局');
    // The suggested spelling is a search for it, as typed: exact matches, no longer 相近结果.
    await page.getByRole('link', { name: '区财政局', exact: true }).click();
    await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === '区财政局');
    await results(page).waitFor();
    expect(await page.locator('.result-why').first().innerText()).toBe('原文匹配：区财政局');
    // Another name: the unit filter for the unit it resolved to.
    await searchBox(page).fill('教育局');
    await page.getByRole('link', { name: /只看责任单位为区教体局（临淄区）的任务/ }).click();
    await page.waitForURL(/[?&]unit=linzi-/);
    await expect.poll(() => unitFacet(page).locator('[aria-current="true"]').count()).toBe(1);
    expect(trouble.consoleErrors.join('\n')).toBe('');
    await context.close();
  });

  test('the bare search page keeps its browse lists where they were painted (no layout shift), lists results once asked, and empties again on Back', async () => {
    const { context, page } = await openPage(site, pageTypes().search);
    const settled = page.locator('[data-search-output][aria-busy="false"]');
    await settled.waitFor({ state: 'attached' });
    const browseTop = () => page.getByRole('region', { name: '按年份、状态和责任单位浏览' }).evaluate((e) => e.getBoundingClientRect().top);
    const before = await browseTop();
    const shift = await page.evaluate(
      () =>
        new Promise<number>((done) => {
          let sum = 0;
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) sum += (e as PerformanceEntry & { value: number }).value;
          }).observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => done(sum), 300);
        }),
    );
    expect(shift).toBeLessThan(0.05);
    expect(await browseTop()).toBe(before);
    expect(await results(page).count()).toBe(0);
    await searchBox(page).fill(KEYWORD);
    await results(page).waitFor();
    await page.waitForFunction((q) => new URLSearchParams(location.search).get('q') === q, KEYWORD);
    // Back to the bare address: the list goes, the output says it is settled, the box is empty.
    await page.goBack();
    await expect.poll(() => results(page).count()).toBe(0);
    await settled.waitFor({ state: 'attached' });
    expect(await searchBox(page).inputValue()).toBe('');
    await context.close();
  });

  test('the header search box (a plain GET form) lands on the search page with the query run', async () => {
    const { context, page } = await openPage(site, pageTypes().task);
    await page.getByRole('search').getByRole('searchbox').fill(KEYWORD);
    await page.getByRole('search').getByRole('button', { name: '搜索' }).click();
    await page.waitForURL(/\/search\/\?q=/);
    await results(page).waitFor();
    expect(await totalOf(page)).toBeGreaterThan(1);
    await context.close();
  });
});
