// The search page in a real browser (Debian's Chromium) against the built site: results, facets
// and URL state with JavaScript, the explanation and browse lists without it, no error, no request
// to another origin, and nothing the Content-Security-Policy blocks (the worker included).
// Runs after `npm run build`; skips with a message if dist/ or the browser is absent.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { CHROMIUM, launch } from '../../scripts/browser/browser';
import { serveDist, type StaticServer } from '../../scripts/browser/server';
import { indexInput } from '~/lib/search/index-input';
import { searchText } from '~/lib/search/documents';
import { matchesAll, parseQuery } from '~/lib/search/query';
import { readDataset } from '~/lib/dataset/read';

const DIST = process.env.PAGES_DIST ?? 'dist';
const BASE = (process.env.BASE ?? '/').replace(/\/?$/, '/');
const ready = existsSync(join(DIST, 'search', 'index.html')) && existsSync(CHROMIUM) && existsSync('generated/tasks.json');
if (!ready) console.warn('[search-e2e] needs dist/ (npm run build), generated/ and Chromium; skipping.');

describe.skipIf(!ready)('search page in a browser', () => {
  let server: StaticServer;
  let browser: Browser;
  const problems: string[] = [];
  // The documents, read once (~0.7 s a read): the counts below are checked against them.
  let docsOnce: ReturnType<typeof indexInput>['docs'] | undefined;
  const brute = (q: string, keep: (d: { district: string; year: number }) => boolean = () => true) => {
    const docs = (docsOnce ??= indexInput(readDataset()).docs);
    const { terms } = parseQuery(q);
    return docs.filter((d) => keep(d) && matchesAll(searchText(d), terms)).length;
  };

  beforeAll(async () => {
    server = await serveDist(DIST, BASE);
    browser = await launch();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(path: string, javaScriptEnabled = true): Promise<Page> {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    const origin = new URL(server.url).origin;
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    page.on('request', (r) => !r.url().startsWith(origin) && !r.url().startsWith('data:') && problems.push(`other origin: ${r.url()}`));
    await page.goto(`${server.url}${path}`);
    return page;
  }

  it('shows exact results with highlights, facets and links, and keeps the state in the URL', async () => {
    const page = await open('search/?q=%E9%BD%90%E9%B2%81%E7%9F%B3%E5%8C%96&district=linzi');
    const expected = brute('齐鲁石化', (d) => d.district === 'linzi');
    await page.getByRole('heading', { name: `找到 ${expected} 项任务` }).waitFor({ timeout: 15_000 });
    expect(await page.locator('.results > li').count()).toBe(expected);
    expect(await page.locator('.results mark', { hasText: '齐鲁石化' }).count()).toBeGreaterThanOrEqual(expected);
    expect(await page.locator('.results h3 a').first().getAttribute('href')).toMatch(new RegExp(`^${BASE}linzi/\\d{4}/tasks/[^/]+/$`));
    expect(await page.locator('#search-q').inputValue()).toBe('齐鲁石化');

    // A facet adds a history entry; back restores the earlier search.
    await page.locator('.facet a', { hasText: '2023年' }).click();
    await page.waitForURL(/year=2023/);
    await page.getByRole('heading', { name: `找到 ${brute('齐鲁石化', (d) => d.district === 'linzi' && d.year === 2023)} 项任务` }).waitFor();
    await page.goBack();
    await page.waitForURL((u) => !u.search.includes('year='));
    await page.getByRole('heading', { name: `找到 ${expected} 项任务` }).waitFor();

    // Typing (debounced) searches and updates the URL.
    await page.locator('#search-q').fill('发改局');
    await page.waitForURL(/q=%E5%8F%91%E6%94%B9%E5%B1%80/);
    await page.getByRole('heading', { name: `找到 ${brute('发改局', (d) => d.district === 'linzi')} 项任务` }).waitFor();
    await page.getByRole('link', { name: '只看责任单位为区发改局（临淄区）的任务' }).waitFor();
    // With results, facets and the header's own search box on the page: no axe violation.
    // Legacy mode: axe.run in the page (see a11y.e2e.ts); same results on a site without cross-origin frames.
    const axe = await new AxeBuilder({ page } as never).setLegacyMode().analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes[0]?.html}`)).toEqual([]);
    expect(problems).toEqual([]);
  }, 60_000);

  it('says when facets hide every match, and offers 相近结果 only when nothing matches', async () => {
    const page = await open('search/?q=%E9%BD%90%E9%B2%81%E7%9F%B3%E5%8C%96&district=zhangdian');
    await page.getByText('没有找到包含“齐鲁石化”的任务。').waitFor({ timeout: 15_000 });
    await page.getByRole('link', { name: '去掉“区县”筛选' }).click();
    await page.getByRole('heading', { name: `找到 ${brute('齐鲁石化')} 项任务` }).waitFor();
    const typo = await open('search/?q=%E9%BD%90%E9%B2%81%E7%9F%B3%E5%8D%8E');
    await typo.getByRole('heading', { name: '相近结果' }).waitFor({ timeout: 15_000 });
    expect(problems).toEqual([]);
  }, 60_000);

  it('explains itself and links to the year and unit lists without JavaScript', async () => {
    const page = await open('search/?q=x', false);
    // (Chromium's parser keeps <noscript> as text when scripts are disabled by emulation, so the
    // notice is checked in the markup; the explanation and lists around it are real elements.)
    expect(await page.content()).toContain('搜索需要浏览器启用 JavaScript');
    await page.getByText(/项政府工作报告目标任务的原文中查找/).waitFor();
    await page.getByText('怎样搜索').waitFor();
    expect(await page.locator(`.browse-years a[href="${BASE}linzi/2023/"]`).count()).toBe(1);
    expect(await page.locator(`.browse-units a[href="${BASE}units/linzi-qu-fa-gai-ju/"]`).count()).toBe(1);
    expect(problems).toEqual([]);
  }, 30_000);
});
