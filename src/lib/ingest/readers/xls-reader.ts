import { Worker } from 'node:worker_threads';
import { formatNumber } from './cell-format';
import { MAX_SHEET_CELLS, MAX_SHEET_ROWS, XLS_WORKER_HEAP_MB, XLS_WORKER_TIMEOUT_MS } from '~/lib/limits';
import { sheetBlocks } from './sheet-blocks';
import { ReaderError, type Block, type ReadDocument, type Reader } from './types';
import { checkReadable } from './file-size';
import { SIGNATURES, startsWith } from '~/lib/file-signatures';

// .xls (Excel 97–2003) through SheetJS, the one maintained library that reads BIFF8. SheetJS 0.18.5 (the last
// release on npm) has a prototype-pollution advisory for crafted files and a regular-expression slowdown
// advisory, so it runs in a worker thread (xls-worker.mjs) with frozen prototypes, its own heap limit and a
// deadline; only plain strings and numbers come back, and they are checked here before use.

interface WireCell {
  t: string;
  v: string | number | boolean;
  z?: string;
  w?: string;
}
interface WireSheet {
  name: string;
  hidden: boolean;
  rows: (WireCell | null)[][];
  merges: { top: number; left: number; bottom: number; right: number }[];
}
type WireResult = { ok: true; date1904: boolean; sheets: WireSheet[] } | { ok: false; message: string };

/** SheetJS on `bytes` in a worker thread (exported for the test that feeds it a crafted file). */
export function parseInWorker(bytes: Uint8Array, file: string): Promise<WireResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./xls-worker.mjs', import.meta.url), {
      workerData: { bytes, maxCells: MAX_SHEET_CELLS },
      resourceLimits: { maxOldGenerationSizeMb: XLS_WORKER_HEAP_MB },
    });
    let settled = false;
    const done = (f: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      f();
    };
    const timer = setTimeout(
      () => done(() => reject(new ReaderError({ file, message: `读取 .xls 超过 ${XLS_WORKER_TIMEOUT_MS / 1000} 秒仍未完成，已停止`, hint: '请在 Excel/WPS 中打开后另存为 .xlsx 再试。' }))),
      XLS_WORKER_TIMEOUT_MS,
    );
    worker.once('message', (m: WireResult) => done(() => resolve(m)));
    worker.once('error', (e: Error & { code?: string }) =>
      done(() =>
        reject(
          e.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new ReaderError({ file, message: `读取 .xls 所需内存超过上限（${XLS_WORKER_HEAP_MB} MB）`, hint: '请只保留通报表所在的工作表，另存为 .xlsx 再试。' })
            : e,
        ),
      ),
    );
    worker.once('exit', () => done(() => reject(new ReaderError({ file, message: '读取 .xls 的进程意外结束', hint: '请在 Excel/WPS 中打开后另存为 .xlsx 再试。' }))));
  });
}

/** What the cell shows; numbers and dates formatted here with the same formatter as .xlsx. */
function cellText(c: WireCell | null, date1904: boolean): string {
  if (!c) return '';
  if (c.t === 'n' && typeof c.v === 'number') return formatNumber(c.v, c.z, date1904);
  if (c.t === 'b') return c.v ? 'TRUE' : 'FALSE';
  if (c.t === 'e') return typeof c.w === 'string' ? c.w : '';
  return typeof c.v === 'string' ? c.v : String(c.v);
}

export const xlsReader: Reader = {
  format: 'xls',
  async read(bytes, file): Promise<ReadDocument> {
    checkReadable(bytes, file);
    if (!startsWith(bytes, SIGNATURES.ole)) {
      throw new ReaderError({ file, message: '这不是 Excel 97–2003（.xls）文件：文件头不对，可能已损坏或是别的格式', hint: '请重新下载原件。' });
    }
    const result = await parseInWorker(bytes, file);
    if (!result.ok) {
      const encrypted = /password|encrypt/i.test(result.message);
      const tooMany = /^TOO_MANY_CELLS (\d+)x(\d+)/.exec(result.message);
      throw new ReaderError(
        tooMany
          ? { file, message: `工作表声明的范围有 ${tooMany[1]} 行 × ${tooMany[2]} 列，超过上限（${MAX_SHEET_CELLS} 个单元格）`, hint: '请只保留通报表后另存为 .xlsx。' }
          : encrypted
          ? { file, message: '文件有密码保护（已加密）', hint: '请在 Excel/WPS 中输入密码打开，去掉密码后另存为 .xlsx 再试。' }
          : { file, message: `.xls 文件无法读取（${result.message.slice(0, 120)}）：文件可能已损坏`, hint: '请在 Excel/WPS 中打开后另存为 .xlsx 再试。' },
      );
    }
    const rowCount = result.sheets.reduce((n, s) => n + s.rows.length, 0);
    const cellCount = result.sheets.reduce((n, s) => n + s.rows.reduce((m, r) => m + (r?.length ?? 0), 0), 0);
    if (rowCount > MAX_SHEET_ROWS || cellCount > MAX_SHEET_CELLS) {
      throw new ReaderError({ file, message: `工作簿有 ${rowCount} 行、约 ${cellCount} 个单元格，超过上限（${MAX_SHEET_ROWS} 行、${MAX_SHEET_CELLS} 个单元格）`, hint: '请只保留通报表后另存。' });
    }
    const blocks: Block[] = [];
    const notes: ReadDocument['notes'] = [];
    for (const s of result.sheets) {
      const rows = Array.from(s.rows ?? [], (row) => Array.from(row ?? [], (c) => cellText(c ?? null, result.date1904)));
      const merges = (s.merges ?? []).filter((m) => [m.top, m.left, m.bottom, m.right].every(Number.isInteger));
      const sheet = sheetBlocks({ name: String(s.name), rows, merges });
      if (s.hidden && sheet[0]) notes.push({ at: sheet[0].at, message: `工作表“${s.name}”在文件中是隐藏的，也已读取。` });
      blocks.push(...sheet);
    }
    if (blocks.length === 0) throw new ReaderError({ file, message: '工作簿的工作表都是空的', hint: '请确认下载的是通报表本身。' });
    return { format: 'xls', blocks, meta: {}, notes };
  },
};
