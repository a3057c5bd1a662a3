// 长辈版 (large-text mode): one header control, larger type, wider line spacing, remembered between visits
// without a flash of small text, working with JavaScript off; axe-clean on every page type in this mode;
// read-aloud of a task's summary where the browser offers speech synthesis.
import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, PHONE, useSite, visit } from './helpers/site';
import { PAGE_TYPES, pageTypes } from '../../scripts/browser/page-types';

const site = useSite();
const types = pageTypes();
const KEY = 'pledge-portal:elder';

const bodyText = (page: Page) =>
  page.evaluate(() => {
    const p = document.querySelector('main p')!;
    const cs = getComputedStyle(document.body);
    return { size: parseFloat(cs.fontSize), lineRatio: parseFloat(getComputedStyle(p).lineHeight) / parseFloat(getComputedStyle(p).fontSize), on: document.documentElement.classList.contains('elder') };
  });

describe('长辈版', () => {
  test('with JavaScript: the header control turns it on (≥ 20 px, line spacing ≥ 1.5), the next page opens in it with no flash, and it turns off', async () => {
    const { context, page } = await openPage(site, types.year);
    expect((await bodyText(page)).size).toBeLessThan(20);
    await page.getByText('长辈版', { exact: true }).click();
    const on = await bodyText(page);
    expect(on.size).toBeGreaterThanOrEqual(20);
    expect(on.lineRatio).toBeGreaterThanOrEqual(1.5);
    expect(await page.getByRole('checkbox', { name: '长辈版' }).isChecked()).toBe(true);
    // Next visit: html.elder is already set when <body> is first inserted, i.e. before any paint.
    await context.addInitScript(() => {
      new MutationObserver((_, obs) => {
        if (document.body) {
          (window as unknown as { elderAtBody: boolean }).elderAtBody = document.documentElement.classList.contains('elder');
          obs.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(site.url(types.task));
    expect(await page.evaluate(() => (window as unknown as { elderAtBody: boolean }).elderAtBody)).toBe(true);
    expect((await bodyText(page)).size).toBeGreaterThanOrEqual(20);
    expect(await page.getByRole('checkbox', { name: '长辈版' }).isChecked()).toBe(true);
    await page.getByText('长辈版', { exact: true }).click();
    expect((await bodyText(page)).size).toBeLessThan(20);
    expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBe('0');
    await context.close();
  });

  test('without JavaScript the same control works on the page, on and off', async () => {
    const { context, page } = await openPage(site, types.report, { javaScriptEnabled: false });
    await page.getByText('长辈版', { exact: true }).click();
    const on = await bodyText(page);
    expect(on.size).toBeGreaterThanOrEqual(20);
    expect(on.lineRatio).toBeGreaterThanOrEqual(1.5);
    expect(on.on).toBe(false); // CSS alone, through :has(#elder-toggle:checked)
    await page.getByText('长辈版', { exact: true }).click();
    expect(await page.getByRole('checkbox', { name: '长辈版' }).isChecked()).toBe(false);
    expect((await bodyText(page)).size).toBeLessThan(20);
    await context.close();
  });

  test.each(PAGE_TYPES)('%s in 长辈版: axe finds no serious or critical violation, no sideways scrolling on a phone', async (type) => {
    // One page for the 14 types, its context storing 长辈版 before any page script runs.
    const { page } = await visit(site, types[type], { viewport: PHONE }, { key: 'elder', init: (context) => context.addInitScript((k) => localStorage.setItem(k, '1'), KEY) });
    if (type === 'search') await page.locator('[data-search-output][aria-busy="false"]').waitFor({ state: 'attached' });
    expect((await bodyText(page)).size).toBeGreaterThanOrEqual(20);
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    // Legacy mode: axe.run in the page (see a11y.e2e.ts); same results on a site without cross-origin frames.
    const { violations } = await new AxeBuilder({ page }).setLegacyMode().analyze();
    const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    expect(bad).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
  });
});

describe('read-aloud', () => {
  test('reads the task summary with the browser’s own voice; hidden without JavaScript', async () => {
    const { context, page } = await openPage(site, types.task);
    await page.evaluate(() => {
      const w = window as unknown as { spoken: string[] };
      w.spoken = [];
      window.speechSynthesis.speak = (u: SpeechSynthesisUtterance) => void w.spoken.push(`${u.lang}|${u.text}`);
    });
    await page.getByRole('button', { name: '朗读任务摘要' }).click();
    const spoken = await page.evaluate(() => (window as unknown as { spoken: string[] }).spoken);
    const summary = await page.locator('#task-summary').innerText();
    expect(spoken).toEqual([`zh-CN|${summary}`]);
    expect(summary).toMatch(/^最新一期|^这项任务/);
    await context.close();
    const off = await openPage(site, types.task, { javaScriptEnabled: false });
    expect(await off.page.getByRole('button', { name: '朗读任务摘要' }).isVisible()).toBe(false);
    await off.context.close();
  });
});
