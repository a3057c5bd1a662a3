// Tables made from the real bulletin content/reports/linzi/2023-m09-progress.txt (124 tasks) at any
// size: as text, as rows the project's own table parser cuts, as an .xlsx, as HTML and as PDF printed by
// Chromium. Used by `npm run bench:ingest` and by the tests and fixture scripts that need large or
// generated spreadsheets and PDFs (tests/fixtures/spreadsheet-pdf/make.ts writes the committed ones).
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitLines } from '~/lib/ingest/decode';
import { cutTable } from '~/lib/ingest/layout';
import { escapeHtml } from '~/lib/markup';

const ROOT = join(import.meta.dirname, '../..');
const M09_FILE = join(ROOT, 'content/reports/linzi/2023-m09-progress.txt');

export const TITLE = '2023年《政府工作报告》重点工作9月份完成情况通报表';
export const UNIT_LINE = '填报单位：临淄区人民政府办公室';

/** Header and rows of 2023-m09 as the table parser cuts them (the repeated headers are gone). */
export function seedRows(): { header: string[]; rows: string[][] } {
  const lines = splitLines(readFileSync(M09_FILE, 'utf8'));
  const cut = cutTable(lines)!;
  const header = lines[cut.headerLine - 1]!.split('\t');
  return { header, rows: cut.rows.map((r) => r.cells.map((c) => c.raw.trim())) };
}

/** Units one per line, as a spreadsheet with wrapped cells has them. */
const wrapUnits = (units: string) => units.split(/\s+/).join('\n');

/** Rows resampled to `n` (numbered 1..n) for the large-file tests and the bench. */
export function resampledRows(n: number): string[][] {
  const { rows } = seedRows();
  return Array.from({ length: n }, (_, i) => {
    const r = rows[i % rows.length]!;
    return [String(i + 1), ...r.slice(1)];
  });
}

/**
 * The workbook: sheet 重点工作 with a title merged across the columns (row 1), the 填报单位/截至 line (row 2), the
 * header on row 3, 序号 as numbers, units wrapped one per line, the same 分管区领导 in consecutive rows merged
 * vertically; sheet 汇总 with numbers typed as numbers (counts, a percentage, a float sum, a date).
 */
async function makeWorkbook(rows = seedRows().rows, header = seedRows().header): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('重点工作');
  const width = header.length;
  ws.getCell(1, 1).value = TITLE;
  ws.mergeCells(1, 1, 1, width);
  ws.getCell(2, 1).value = UNIT_LINE;
  ws.mergeCells(2, 1, 2, 3);
  ws.getCell(2, width - 1).value = '截至：';
  const asOf = ws.getCell(2, width);
  asOf.value = new Date(Date.UTC(2023, 8, 30));
  asOf.numFmt = 'yyyy"年"m"月"d"日"';
  ws.addRow(header);
  for (const r of rows) {
    const row = ws.addRow([Number(r[0]), r[1], r[2], r[3], r[4], wrapUnits(r[5] ?? '')]);
    row.getCell(6).alignment = { wrapText: true };
  }
  // Merge runs of the same 分管区领导 (column 5), as bulletins often do.
  const first = 4;
  let start = first;
  for (let i = first + 1; i <= first + rows.length; i++) {
    const same = i < first + rows.length && rows[i - first]![4] === rows[start - first]![4];
    if (!same) {
      if (i - 1 > start) ws.mergeCells(start, 5, i - 1, 5);
      start = i;
    }
  }

  const sum = wb.addWorksheet('汇总');
  sum.addRow(['状态', '项数', '占比']);
  const counts = new Map<string, number>();
  for (const r of rows) {
    const word = /^(部分完成|未完成|完成)/.exec(r[3] ?? '')?.[1] ?? '未写明';
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  for (const [word, n] of counts) {
    const row = sum.addRow([word, n, n / rows.length]);
    row.getCell(3).numFmt = '0.0%';
  }
  sum.addRow(['合计', rows.length, 1]).getCell(3).numFmt = '0.0%';
  sum.addRow(['浮点和', 0.1 + 0.2 + 7.7]); // 8.000000000000002 stored; Excel shows 8
  const dated = sum.addRow(['通报日期', new Date(Date.UTC(2023, 9, 10))]);
  dated.getCell(2).numFmt = 'yyyy-mm-dd';
  return wb;
}

/** A plain one-sheet workbook: the header on row 1, then `rows` (no merges, no styles); for the large-file tests. */
export async function plainXlsxBytes(rows: string[][], header = seedRows().header): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('重点工作');
  ws.addRow(header);
  for (const r of rows) ws.addRow([Number(r[0]), ...r.slice(1)]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export async function xlsxBytes(rows?: string[][]): Promise<Uint8Array> {
  const wb = await makeWorkbook(rows);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** An HTML page with the table bordered and its header in <thead> (repeated by Chromium on every page). */
export function tableHtml(rows: string[][], header = seedRows().header, borders = true, keepRowsWhole = true): string {
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(TITLE)}</title><style>
body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Micro Hei", sans-serif; font-size: 10pt; margin: 0; }
h1 { font-size: 14pt; text-align: center; }
table { border-collapse: collapse; width: 100%; }
td, th { ${borders ? 'border: 0.75pt solid #000; padding: 2pt 3pt;' : 'padding: 2pt 8pt;'} vertical-align: top; text-align: left; }
${keepRowsWhole ? 'tr { break-inside: avoid; }' : ''}
</style></head><body>
<h1>${escapeHtml(TITLE)}</h1>
<p>${escapeHtml(UNIT_LINE)}　截至：2023年9月30日</p>
<table><colgroup><col style="width:4%"><col style="width:23%"><col style="width:18%"><col style="width:27%"><col style="width:10%"><col style="width:18%"></colgroup><thead><tr>${header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>
<tbody>
${body}
</tbody></table>
<p>注：加粗单位为牵头单位。</p>
</body></html>`;
}

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Print HTML pages to PDF with Chromium; `pages` maps a name to its HTML. A running head and page numbers unless `bare`. */
export async function printPdfs(pages: Record<string, string>, bare = false): Promise<Record<string, Uint8Array>> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    const out: Record<string, Uint8Array> = {};
    for (const [name, html] of Object.entries(pages)) {
      await page.setContent(html, { waitUntil: 'load' });
      out[name] = new Uint8Array(
        await page.pdf({
          format: 'A4',
          landscape: true,
          printBackground: true,
          displayHeaderFooter: !bare,
          headerTemplate: `<div style="font-size:8pt;width:100%;text-align:right;margin-right:1cm">临淄区重点工作通报</div>`,
          footerTemplate: '<div style="font-size:8pt;width:100%;text-align:center">第 <span class="pageNumber"></span> 页 共 <span class="totalPages"></span> 页</div>',
          margin: { top: '1.5cm', bottom: '1.5cm', left: '1cm', right: '1cm' },
        }),
      );
    }
    return out;
  } finally {
    await browser.close();
  }
}

/** A bulletin of `rows` rows resampled from 2023-m09. */
export function bigTable(rows: number): string {
  const src = readFileSync(M09_FILE, 'utf8').split('\n');
  const header = src.find((l) => l.startsWith('序号'))!;
  const body = src.filter((l) => /^\d+\t/.test(l));
  const lines = ['2023年《政府工作报告》重点工作9月份完成情况通报表', header];
  for (let i = 0; i < rows; i++) {
    const cells = body[i % body.length]!.split('\t');
    cells[0] = String(i + 1);
    lines.push(cells.join('\t'));
  }
  return lines.join('\n');
}
