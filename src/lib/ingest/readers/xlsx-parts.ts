import { XMLParser } from 'fast-xml-parser';
import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped } from 'fflate';
import { MAX_SHEET_ROWS, MAX_XLSX_UNZIPPED_BYTES } from '~/lib/limits';
import { SIGNATURES, startsWith } from '~/lib/file-signatures';
import type { MergeRange } from './sheet-blocks';
import { ReaderError } from './types';

// The .xlsx package opened with fflate before exceljs sees it: refused if it is not a complete zip or unpacks
// too large, rows counted per sheet against the limit, and the merged ranges taken out of each sheet's XML.
// exceljs checks every new merge against every earlier one (quadratic: a sheet of 100,000 rows with its
// runs of merged cells took minutes), so the merges are read here, linearly, and exceljs loads the sheets
// without them.

const MERGE_CELLS = /<(?:\w+:)?mergeCells\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?mergeCells>)/g;
const MERGE_REF = /<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})"/g;
const ROW = /<(?:\w+:)?row\b/g;

export interface XlsxParts {
  /** The package with the merges taken out, stored (not compressed) for exceljs. */
  zipped: Uint8Array;
  /** Merged ranges per sheet name. */
  merges: Map<string, MergeRange[]>;
  rows: number;
}

const colIndex = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

function unzip(bytes: Uint8Array, file: string): Unzipped {
  if (startsWith(bytes, SIGNATURES.ole)) {
    throw new ReaderError({ file, message: '这不是 .xlsx 压缩包，而是加密的 Excel 文件或旧版 .xls 文件', hint: '若有密码，请在 Excel/WPS 中去掉密码后另存为 .xlsx；否则请按 .xls 读取。' });
  }
  let unzipped = 0;
  try {
    // The directory first: sizes are checked before anything is inflated.
    unzipSync(bytes, {
      filter: (f) => {
        unzipped += f.originalSize;
        return false;
      },
    });
  } catch {
    throw new ReaderError({ file, message: '表格文件已损坏（不是完整的 .xlsx 压缩包，可能下载不完整）', hint: '请重新下载原件，或在 Excel/WPS 中打开后另存为 .xlsx。' });
  }
  if (unzipped > MAX_XLSX_UNZIPPED_BYTES) {
    throw new ReaderError({ file, message: `表格解压后有 ${(unzipped / 1024 / 1024).toFixed(0)} MB，超过上限 ${MAX_XLSX_UNZIPPED_BYTES / 1024 / 1024} MB`, hint: '请只保留通报表所在的工作表后另存。' });
  }
  try {
    return unzipSync(bytes);
  } catch {
    throw new ReaderError({ file, message: '表格文件已损坏（压缩包里的部分内容无法解压，可能下载不完整）', hint: '请重新下载原件，或在 Excel/WPS 中打开后另存为 .xlsx。' });
  }
}

/** Sheet name for each worksheet part, from xl/workbook.xml and its relationships. */
function sheetNames(parts: Unzipped): Map<string, string> {
  const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', removeNSPrefix: true, isArray: (name) => name === 'sheet' || name === 'Relationship' });
  const book = xml.parse(strFromU8(parts['xl/workbook.xml']!)) as { workbook?: { sheets?: { sheet?: { name: string; id?: string }[] } } };
  const rels = parts['xl/_rels/workbook.xml.rels'];
  const targets = new Map<string, string>();
  if (rels) {
    const parsed = xml.parse(strFromU8(rels)) as { Relationships?: { Relationship?: { Id: string; Target: string }[] } };
    for (const r of parsed.Relationships?.Relationship ?? []) {
      const target = r.Target.startsWith('/') ? r.Target.slice(1) : `xl/${r.Target}`;
      targets.set(r.Id, target.replace(/\/\.\//g, '/'));
    }
  }
  const out = new Map<string, string>();
  for (const s of book.workbook?.sheets?.sheet ?? []) {
    const target = s.id ? targets.get(s.id) : undefined;
    if (target) out.set(target, String(s.name));
  }
  return out;
}

export function openXlsx(bytes: Uint8Array, file: string): XlsxParts {
  const parts = unzip(bytes, file);
  if (!parts['xl/workbook.xml']) throw new ReaderError({ file, message: '这个压缩包里没有 Excel 工作簿（xl/workbook.xml）', hint: '请确认它是 .xlsx 表格文件。' });
  const names = sheetNames(parts);
  const merges = new Map<string, MergeRange[]>();
  let rows = 0;
  for (const [path, data] of Object.entries(parts)) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(path)) continue;
    let xml = strFromU8(data);
    rows += xml.match(ROW)?.length ?? 0;
    if (rows > MAX_SHEET_ROWS) {
      throw new ReaderError({ file, message: `工作簿超过 ${MAX_SHEET_ROWS} 行，超过可读取的上限`, hint: '请只保留通报表所在的工作表后另存。' });
    }
    const ranges: MergeRange[] = [];
    xml = xml.replace(MERGE_CELLS, (block) => {
      for (const m of block.matchAll(MERGE_REF)) {
        ranges.push({ top: Number(m[2]) - 1, left: colIndex(m[1]!), bottom: Number(m[4]) - 1, right: colIndex(m[3]!) });
      }
      return '';
    });
    if (ranges.length) parts[path] = strToU8(xml);
    merges.set(names.get(path) ?? path, ranges);
  }
  return { zipped: zipSync(parts, { level: 0 }), merges, rows };
}
