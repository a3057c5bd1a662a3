// Accessibility in the browser: axe-core on every page type, keyboard use of search, facets and
// navigation with visible focus, charts a screen reader can use, and 适老化 (large base text, 200% zoom).
import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, test } from 'vitest';
import { STATUS_LABELS } from '../../src/lib/schema/status';
import { openPage, PHONE, useSite, visit } from './helpers/site';
import { PAGE_TYPES, pageTypes } from '../../scripts/browser/page-types';
import { focusStop, tabTo } from './helpers/keyboard';
import { results, revealFacets, searchBox, unitFacet } from './helpers/search-page';

const site = useSite();
const types = pageTypes();
const LABELS = Object.values(STATUS_LABELS);

describe('axe-core', () => {
  test.each(PAGE_TYPES)('%s: no serious or critical violations', async (type) => {
    const { page } = await visit(site, types[type]);
    if (type === 'search') await page.locator('[data-search-output][aria-busy="false"]').waitFor({ state: 'attached' });
    // Open every <details> so the data tables and source excerpts inside are checked too.
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    // Legacy mode: axe.run in the page itself, not runPartial + finishRun in an extra blank page (half the
    // time); the same rules and results, only cross-origin frames would go unchecked and the site has none.
    const { violations } = await new AxeBuilder({ page }).setLegacyMode().analyze();
    const bad = violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    expect(bad).toEqual([]);
  });
});

describe('keyboard', () => {
  test('search: skip link, then the search box, Enter, then a unit facet — all by Tab, all with visible focus', async () => {
    const { context, page } = await openPage(site, types.search);
    await page.locator('[data-search-output][aria-busy="false"]').waitFor({ state: 'attached' });
    // First Tab: the skip link, shown on screen when focused.
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: '跳到正文' });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    const box = (await skip.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);

    const stops = await tabTo(page, searchBox(page));
    await page.keyboard.type('企业');
    await page.keyboard.press('Enter');
    await page.waitForURL(/[?&]q=/);
    await results(page).waitFor();

    await revealFacets(page, 'keyboard');
    stops.push(...(await tabTo(page, unitFacet(page).getByRole('link').first())));
    await page.keyboard.press('Enter');
    await page.waitForURL(/[?&]unit=/);
    await results(page).waitFor();
    // Tab on to the first result and open it with Enter.
    const firstResult = results(page).getByRole('link').first();
    stops.push(...(await tabTo(page, firstResult)));
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/tasks\/[^/]+\/$/);

    expect(stops.length).toBeGreaterThan(3);
    expect(stops.filter((s) => !s.visible).map((s) => s.what), 'focused without a visible indicator').toEqual([]);
    await context.close();
  });

  test('navigation: the main nav is reachable by Tab and Enter follows it; every stop on a task page shows focus', async () => {
    const { context, page } = await openPage(site, types.task);
    const about = page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '关于' });
    const stops = await tabTo(page, about);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/about\/$/);
    // Back on the task page, walk the first 40 stops (breadcrumbs, source links, details, citation…).
    await page.goBack();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const s = await focusStop(page);
      if (s) stops.push(s);
    }
    expect(stops.filter((s) => !s.visible).map((s) => s.what), 'focused without a visible indicator').toEqual([]);
    await context.close();
  });

  test('the skip link moves focus to the main content', async () => {
    const { context, page } = await openPage(site, types.report);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await page.getByRole('main').evaluate((el) => el === document.activeElement)).toBe(true);
    await context.close();
  });
});

describe('charts and statuses', () => {
  test.each(['home', 'district', 'year', 'report', 'unit', 'leader', 'indicators'] as const)('%s: every chart has a name, a text summary and a data table', async (type) => {
    const { page } = await visit(site, types[type]);
    const figures = page.getByRole('figure');
    const n = await figures.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) {
      const fig = figures.nth(i);
      const img = fig.getByRole('img').first();
      const facts = await img.evaluate((svg) => {
        const text = (ids: string | null) => (ids ?? '').split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join('').trim();
        const [nameId, ...more] = (svg.getAttribute('aria-labelledby') ?? '').split(/\s+/);
        const name = text(nameId ?? '') || (svg.getAttribute('aria-label') ?? '');
        // The summary: the description, or (indicator charts) a <desc> read as part of the name.
        const summary = text(svg.getAttribute('aria-describedby')) || text(more.join(' '));
        // The numbers as a table: inside the figure (in a <details>) or right after it, before the next chart.
        const fig = svg.closest('figure')!;
        let table = fig.querySelector('table');
        for (let el = fig.nextElementSibling; !table && el && el.tagName !== 'FIGURE'; el = el.nextElementSibling) table = el.matches('table') ? (el as HTMLTableElement) : el.querySelector('table');
        return { name, summary, rows: table ? table.rows.length : 0 };
      });
      expect(facts.name.length, `figure ${i} name`).toBeGreaterThan(1);
      expect(facts.summary.length, `figure ${i} summary`).toBeGreaterThan(5);
      expect(facts.rows, `figure ${i} data table rows`).toBeGreaterThan(1);
      // Legend entries carry words, not only swatches.
      for (const item of await fig.getByRole('list', { name: '图例' }).getByRole('listitem').allInnerTexts()) expect(item.trim().length).toBeGreaterThan(0);
    }
  });

  test.each(['year', 'report', 'task', 'unit', 'leader'] as const)('%s: every status badge says its status in words (inferred ones say 推断)', async (type) => {
    const { page } = await visit(site, types[type]);
    const badges = await page.locator('.badge').evaluateAll((els) => els.map((e) => ({ text: e.textContent ?? '', inferred: e.classList.contains('inferred') })));
    expect(badges.length).toBeGreaterThan(0);
    for (const b of badges) {
      expect(LABELS.some((l) => b.text.includes(l)), b.text).toBe(true);
      if (b.inferred) expect(b.text).toContain('推断');
    }
  });
});

describe('适老化: large text and 200% zoom', () => {
  test.each(PAGE_TYPES)('%s: base text >= 16px; at 200% zoom (195 CSS px wide) nothing scrolls sideways or is cut off', async (type) => {
    const { page } = await visit(site, types[type], { viewport: { width: PHONE.width / 2, height: PHONE.height / 2 } });
    // The search page lays out its (empty) result once its worker answers: measure that, not the page before it.
    if (type === 'search') await page.locator('[data-search-output][aria-busy="false"]').waitFor({ state: 'attached' });
    const r = await page.evaluate(() => {
      const px = (el: Element) => parseFloat(getComputedStyle(el).fontSize);
      // Reading text: paragraphs and list items in main, not the marked-secondary notes (meta, hints),
      // tables, verbatim excerpts or charts. Share of its characters at 16px or more, and the smallest text anywhere in main.
      const SECONDARY = '.meta, .muted, .source-ref, .hint, .legend, .count, .result-meta, .snippet, figcaption, table, pre, figure, .badge, .breadcrumbs, svg, .visually-hidden, noscript, code';
      let reading = 0;
      let big = 0;
      let smallest = Infinity;
      let smallestWhere = '';
      const walker = document.createTreeWalker(document.querySelector('main')!, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const len = (n.textContent ?? '').trim().length;
        const el = n.parentElement!;
        if (!len || el.closest('svg, .visually-hidden, noscript') || !el.getClientRects().length) continue;
        const size = px(el);
        if (size < smallest) [smallest, smallestWhere] = [size, `${el.tagName.toLowerCase()}.${el.className}`];
        if (!el.closest('p, li, dd') || el.closest(SECONDARY)) continue;
        reading += len;
        if (size >= 16) big += len;
      }
      const doc = document.documentElement;
      // Text cut off: a box that hides overflow and is narrower than its content (not the 1px visually-hidden ones).
      const clipped: string[] = [];
      for (const el of document.querySelectorAll<HTMLElement>('main *, header *, footer *')) {
        const cs = getComputedStyle(el);
        if (!/hidden|clip/.test(cs.overflowX) || el.clientWidth <= 1 || el.closest('.visually-hidden')) continue;
        if (el.scrollWidth > el.clientWidth + 1 && (el.textContent ?? '').trim()) clipped.push(`${el.tagName.toLowerCase()}.${el.className}`);
      }
      return { html: px(doc), body: px(document.body), share: reading ? big / reading : 1, smallest, smallestWhere, scrollWidth: doc.scrollWidth, bodyScroll: document.body.scrollWidth, width: doc.clientWidth, clipped };
    });
    expect(r.html).toBeGreaterThanOrEqual(16);
    expect(r.body).toBeGreaterThanOrEqual(16);
    expect(r.share, 'share of reading text at >= 16px').toBeGreaterThan(0.9);
    expect(r.smallest, `smallest text (${r.smallestWhere})`).toBeGreaterThanOrEqual(12);
    expect(r.scrollWidth, 'page scrolls sideways').toBeLessThanOrEqual(r.width);
    expect(r.bodyScroll, 'body wider than the screen').toBeLessThanOrEqual(r.width);
    expect(r.clipped, 'text cut off').toEqual([]);
  });
});
