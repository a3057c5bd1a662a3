// With JavaScript off (some in-app browsers, readers who disable it): every page type reads, its charts
// (SVG drawn at build time) show, links navigate, and the search page explains itself and offers lists.
import { describe, expect, test } from 'vitest';
import { openPage, useSite, visit } from './helpers/site';
import { PAGE_TYPES, pageTypes } from '../../scripts/browser/page-types';

const site = useSite();
const types = pageTypes();
const NO_JS = { javaScriptEnabled: false } as const;

describe('JavaScript off', () => {
  test.each(PAGE_TYPES)('%s: readable, charts visible', async (type) => {
    const { page, trouble } = await visit(site, types[type], NO_JS);
    const h1 = page.getByRole('heading', { level: 1 });
    expect(await h1.isVisible()).toBe(true);
    expect((await h1.textContent())!.trim().length).toBeGreaterThan(1);
    const mainText = (await page.getByRole('main').innerText()).replace(/\s/g, '');
    expect(mainText.length).toBeGreaterThan(40);
    // Each chart: its SVG is on screen with a real size and its accessible name.
    const charts = page.getByRole('figure');
    for (let i = 0; i < (await charts.count()); i++) {
      const img = charts.nth(i).getByRole('img').first();
      if ((await img.count()) === 0) continue; // a figure that is not a chart (none today)
      await img.scrollIntoViewIfNeeded();
      const box = (await img.boundingBox())!;
      expect(box.width).toBeGreaterThan(100);
      expect(box.height).toBeGreaterThan(20);
      expect(await img.isVisible()).toBe(true);
    }
    expect(trouble.failedRequests.join('\n')).toBe('');
  });

  test('charts drawn at build time are present where the data has them', async () => {
    // Home, district, year, report, unit and leader pages chart statuses; indicators chart figures.
    for (const type of ['home', 'district', 'year', 'report', 'unit', 'leader', 'indicators'] as const) {
      const { page } = await visit(site, types[type], NO_JS);
      expect(await page.getByRole('figure').getByRole('img').count(), type).toBeGreaterThan(0);
    }
  });

  test('navigation works: main nav, breadcrumbs and links down to a task and back up', async () => {
    const { context, page } = await openPage(site, types.home, NO_JS);
    const nav = page.getByRole('navigation', { name: '主导航' });
    await nav.getByRole('link', { name: '关于' }).click();
    await page.waitForURL(/\/about\/$/);
    await page.getByRole('navigation', { name: '面包屑' }).getByRole('link', { name: '首页' }).click();
    await page.waitForURL(site.url(types.home));
    // Down: home → year page → a task (by following the links a reader sees).
    await page.getByRole('main').locator(`a[href$="/${types.year}"]`).first().click();
    await page.waitForURL(site.url(types.year));
    await page.getByRole('main').locator('a[href*="/tasks/"]').first().click();
    await page.waitForURL(/\/tasks\/[^/]+\/$/);
    expect(await page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
    // Up again through the breadcrumb trail.
    const crumbs = page.getByRole('navigation', { name: '面包屑' }).getByRole('link');
    expect(await crumbs.count()).toBeGreaterThanOrEqual(3);
    await crumbs.last().click();
    expect(await page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
    await context.close();
  });

  test('search page explains that search needs JavaScript and links to per-year, per-status and per-unit lists', async () => {
    const { context, page } = await openPage(site, types.search, NO_JS);
    // (Playwright's text locators skip <noscript>; innerText is what the reader sees.)
    const explains = async () => (await page.getByRole('main').innerText()).includes('搜索需要浏览器启用 JavaScript');
    expect(await explains()).toBe(true);
    const browse = page.getByRole('region', { name: '按年份、状态和责任单位浏览' });
    const yearLinks = browse.locator('a[href]').filter({ hasText: /\d{4}/ });
    expect(await yearLinks.count()).toBeGreaterThan(0);
    // By status: each reported year's statuses with counts, not done first; a link opens that year's
    // section of the same status, whose heading gives the same count.
    const firstYear = browse.getByRole('region', { name: /按最新状态$/ }).first();
    const statusLink = firstYear.getByRole('listitem').first().getByRole('link');
    const [, label, count] = /^(\S+) (\d+) 项$/.exec((await statusLink.innerText()).trim())!;
    expect(label).toMatch(/未完成|滞后|部分完成/);
    await statusLink.click();
    await page.waitForURL(/\/\d{4}\/#status-/);
    const section = page.locator(new URL(page.url()).hash);
    expect((await section.getByRole('heading', { level: 3 }).innerText()).replace(/\s/g, '')).toMatch(new RegExp(`^${label}（${count}`));
    await page.goBack();
    // Unit lists sit in <details>, which open without script.
    const unitGroup = browse.locator('details').first();
    await unitGroup.locator('summary').click();
    const unitLink = unitGroup.getByRole('link').first();
    expect(await unitLink.isVisible()).toBe(true);
    await unitLink.click();
    await page.waitForURL(/\/units\/[^/]+\/$/);
    expect(await page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
    // The GET form still submits; the page says what to do instead of failing silently.
    await page.goto(site.url(`${types.search}?q=企业`));
    expect(await page.getByRole('searchbox', { name: '关键词或责任单位' }).isVisible()).toBe(true);
    expect(await explains()).toBe(true);
    await context.close();
  });
});
