// Print: a bulletin prints as a clean table on A4 landscape with its title, date, source and page
// numbers; a task page prints on one A4 page with its source line and citation. Chromium prints to PDF
// (the page's own @page sizes), pdfjs reads it back; print-media screenshots go to test-output/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DESKTOP, openPage, useSite } from './helpers/site';
import { ROOT, allTaskPaths, pageTypes } from '../../scripts/browser/page-types';
import { printHeights } from '../helpers/print-height';
import { pdfContains, readPdf } from './helpers/pdf';

const site = useSite();
const types = pageTypes();
const SHOTS = join(ROOT, 'test-output', 'print');
mkdirSync(SHOTS, { recursive: true });
// A4 in PDF points.
const A4 = { short: 595, long: 842 };

describe('print', () => {
  test('a bulletin: A4 landscape, title, date and source on the first page, the header row and a page number on every page', async () => {
    const { context, page } = await openPage(site, types.report, { viewport: DESKTOP });
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: join(SHOTS, 'report-print.png') });
    const title = (await page.locator('h1').innerText()).trim();
    // Not every bulletin states a date: read it only when the row is there (innerText would wait 30 s for it).
    const dateCell = page.locator('dl.facts dt:text("日期") + dd');
    const date = (await dateCell.count()) > 0 ? (await dateCell.first().innerText()).trim() : '';
    const source = (await page.locator('dl.facts dt:text("原文件") + dd a').first().innerText()).trim();
    const heads = (await page.locator('table.bulletin thead th').allInnerTexts()).map((h) => h.trim());
    const head = heads.at(-2)!; // a source column's own header (the last is our 状态)
    const pages = await readPdf(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages) expect([p.width, p.height]).toEqual([A4.long, A4.short]);
    expect(pdfContains(pages[0]!.text, title), title).toBe(true);
    if (date) expect(pdfContains(pages[0]!.text, date), date).toBe(true);
    expect(pdfContains(pages[0]!.text, source), source).toBe(true);
    pages.forEach((p, i) => {
      expect(pdfContains(p.text, `第${i + 1}页，共${pages.length}页`), `page ${i + 1}: ${p.text.slice(0, 40)}`).toBe(true);
      // Every page holding table rows (each row ends in its source line, 第N行) repeats the header row.
      if (i > 0 && /第\s*\d+\s*行/.test(p.text)) expect(pdfContains(p.text, head), `page ${i + 1} repeats the header row`).toBe(true);
    });
    // Clean: no screen-only controls on paper.
    const all = pages.map((p) => p.text).join('');
    for (const s of ['长辈版', '跳到正文', '引用或嵌入此图', '任务页']) expect(pdfContains(all, s), s).toBe(false);
    await context.close();
  });

  /** Print one task page to PDF: one A4 portrait page holding its source line, its citation and a page number. */
  async function printsOnOnePage(path: string, shot: string): Promise<void> {
    const { context, page } = await openPage(site, path, { viewport: DESKTOP });
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: join(SHOTS, shot), fullPage: true });
    const sourceLine = (await page.locator('main .source-ref').first().innerText()).trim();
    const pages = await readPdf(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    expect(pages.length, `${path} prints on ${pages.length} pages`).toBe(1);
    expect([pages[0]!.width, pages[0]!.height]).toEqual([A4.short, A4.long]);
    expect(pdfContains(pages[0]!.text, sourceLine), sourceLine).toBe(true);
    expect(pdfContains(pages[0]!.text, '引用'), 'citation').toBe(true);
    expect(pdfContains(pages[0]!.text, '第1页，共1页'), 'page number').toBe(true);
    await context.close();
  }

  test('a task page: one A4 page with its source line and citation', () => printsOnOnePage(types.task, 'task-print.png'));

  test('the longest task page (by printed height, every task page measured) still prints on one A4 page', async () => {
    // A4 portrait less the side margins of @page in print.css (12 mm each).
    const heights = await printHeights(site.browser, allTaskPaths().map((p) => site.url(p)), 210 - 24);
    const tallest = heights[0]!;
    // The measure is real: pages differ, and the tallest is taller than the median one.
    expect(tallest.height).toBeGreaterThan(heights[Math.floor(heights.length / 2)]!.height);
    await printsOnOnePage(tallest.url.slice(site.server.url.length), 'task-longest-print.png');
  });
});
