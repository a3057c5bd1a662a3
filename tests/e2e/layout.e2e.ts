// Layout a reader can use: the bulletin table uses a wide screen and keeps names and badges whole.
import { describe, expect, test } from 'vitest';
import { openPage, PHONE, useSite } from './helpers/site';
import { pageTypes } from '../../scripts/browser/page-types';
import { STATUS_LABELS } from '../../src/lib/schema/status';
import { brokenWords } from './helpers/words';

const site = useSite();
const types = pageTypes();
const WIDE = { width: 1366, height: 900 } as const;
// Cells of names, numbers and statuses, the column heads and the task links; prose cells wrap as prose does.
const BOUNDED = ['th', '.col-number', '.col-leaders', '.col-units', '.col-status', '.task-link'].map((s) => `table.bulletin ${s}`).join(', ');

describe('bulletin table', () => {
  test('at 1366 px the table uses the width and no name, badge or column head breaks inside a word', async () => {
    const { context, page } = await openPage(site, types.report, { viewport: WIDE });
    const table = (await page.locator('table.bulletin').boundingBox())!;
    expect(table.width).toBeGreaterThan(WIDE.width * 0.85);
    expect(await brokenWords(page, BOUNDED)).toEqual([]);
    // The status column holds a badge on one line: never one character a line.
    const badge = (await page.locator('table.bulletin .badge').first().boundingBox())!;
    expect(badge.width).toBeGreaterThan(badge.height);
    await context.close();
  });

  test('on a phone (rows as cards) names and badges stay whole too', async () => {
    const { context, page } = await openPage(site, types.report, { viewport: PHONE });
    expect(await brokenWords(page, BOUNDED)).toEqual([]);
    await context.close();
  });
});

describe('what was not done, one tap away without JavaScript', () => {
  test.each(['report', 'year'] as const)('%s page: the first status link is not 完成, its count matches the section it opens', async (type) => {
    const { context, page } = await openPage(site, types[type], { viewport: PHONE, javaScriptEnabled: false });
    const links = page.getByRole('navigation', { name: '按状态查看' }).getByRole('link');
    const texts = await links.allTextContents();
    expect(texts.length).toBeGreaterThan(1);
    expect(texts[0]).not.toMatch(new RegExp(`^${STATUS_LABELS.done}\\s`));
    expect(texts.some((t) => t.startsWith(STATUS_LABELS.done))).toBe(true);
    // Above the fold on a phone.
    expect((await links.first().boundingBox())!.y).toBeLessThan(PHONE.height);
    const first = links.first();
    const count = Number((await first.locator('strong').textContent())!.trim());
    const target = (await first.getAttribute('href'))!;
    await first.click();
    expect(page.url()).toContain(target);
    const items = page.locator(`${target} li`);
    expect(await items.count()).toBe(count);
    await context.close();
  });
});

describe('home file table on a phone', () => {
  test('fits the screen: no column hidden off to the side', async () => {
    const { context, page } = await openPage(site, types.home, { viewport: PHONE });
    const wrap = page.locator('.table-wrap:has(table.report-index)');
    const { scroll, client } = await wrap.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(scroll).toBeLessThanOrEqual(client + 1);
    await context.close();
  });
});
