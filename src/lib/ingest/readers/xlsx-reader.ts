import ExcelJS from 'exceljs';
import { formatDate, formatNumber } from './cell-format';
import { MAX_SHEET_CELLS, MAX_SHEET_ROWS } from '~/lib/limits';
import { checkReadable } from './file-size';
import { sheetBlocks, type MergeRange, type SheetGrid } from './sheet-blocks';
import { ReaderError, type Block, type ReadDocument, type Reader } from './types';
import { openXlsx } from './xlsx-parts';

// .xlsx through exceljs (not SheetJS: the SheetJS release on npm has a prototype-pollution advisory for
// crafted files). The package is opened first (xlsx-parts.ts): a corrupt or oversized file is refused before
// exceljs unpacks anything, and the merged ranges come from there.

interface RichRun {
  text: string;
  font?: { bold?: boolean };
}

/** What the cell shows: formatted numbers and dates, rich text with its bold kept as <b>, formula results. */
function cellText(value: ExcelJS.CellValue, numFmt: string | undefined, date1904: boolean): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value, numFmt, date1904);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return formatDate(value, numFmt, date1904);
  if ('richText' in value) {
    return (value.richText as RichRun[]).map((run) => (run.font?.bold && run.text.trim() ? `<b>${run.text}</b>` : run.text)).join('');
  }
  if ('error' in value) return String(value.error);
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null, numFmt, date1904);
  if ('hyperlink' in value) return cellText((value as { text: ExcelJS.CellValue }).text, numFmt, date1904);
  return '';
}

function sheetGrid(ws: ExcelJS.Worksheet, merges: MergeRange[], date1904: boolean): SheetGrid {
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const texts: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      texts[c - 1] = cellText(cell.value, cell.numFmt, date1904);
    });
    rows[r - 1] = Array.from(texts, (t) => t ?? '');
  });
  return { name: ws.name, rows: Array.from(rows, (r) => r ?? []), merges };
}

export const xlsxReader: Reader = {
  format: 'xlsx',
  async read(bytes, file): Promise<ReadDocument> {
    checkReadable(bytes, file);
    const parts = openXlsx(bytes, file);
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(parts.zipped as unknown as ArrayBuffer);
    } catch (e) {
      throw new ReaderError({ file, message: `表格文件无法读取（${e instanceof Error ? e.message.slice(0, 120) : String(e)}）：文件可能已损坏`, hint: '请在 Excel/WPS 中打开后另存为 .xlsx 再试。' });
    }
    const date1904 = Boolean((wb.properties as { date1904?: boolean } | undefined)?.date1904);
    let rowCount = 0;
    let cellCount = 0;
    for (const ws of wb.worksheets) {
      rowCount += ws.actualRowCount;
      cellCount += ws.actualRowCount * ws.actualColumnCount;
    }
    if (rowCount > MAX_SHEET_ROWS || cellCount > MAX_SHEET_CELLS) {
      throw new ReaderError({ file, message: `工作簿有 ${rowCount} 行、约 ${cellCount} 个单元格，超过上限（${MAX_SHEET_ROWS} 行、${MAX_SHEET_CELLS} 个单元格）`, hint: '请只保留通报表后另存。' });
    }
    const blocks: Block[] = [];
    const notes: ReadDocument['notes'] = [];
    for (const ws of wb.worksheets) {
      const sheet = sheetBlocks(sheetGrid(ws, parts.merges.get(ws.name) ?? [], date1904));
      // Hidden sheets are read too (nothing dropped silently), and said to be hidden.
      if (ws.state && ws.state !== 'visible' && sheet[0]) notes.push({ at: sheet[0].at, message: `工作表“${ws.name}”在文件中是隐藏的，也已读取。` });
      blocks.push(...sheet);
    }
    if (blocks.length === 0) throw new ReaderError({ file, message: '工作簿的工作表都是空的', hint: '请确认下载的是通报表本身。' });
    const title = wb.title?.trim();
    return { format: 'xlsx', blocks, meta: title ? { title } : {}, notes };
  },
};
