import type { Block, SourceLocation, TableCell, TableRow } from './types';

// One worksheet, as both spreadsheet readers (exceljs for .xlsx, SheetJS for .xls) see it, turned into blocks:
// rows above the first table (a title merged across the columns, a 填报单位 / 截至 line) and below the last
// (注：…) become paragraphs; runs of rows with two or more values become tables; a blank row followed by a
// title row ends a table (附件1 … 附件2 on one sheet). Finding the header inside a table is the table
// parser's job: every row is delivered. Rows come expanded: a merged range gives its value to every cell it
// covers (copies marked mergedFrom), so no cell carries a span, except a row whose one value spans the whole
// width (a group heading), delivered as one cell with colSpan = the table's width.

/** A merged range, 0-based and inclusive. */
export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetGrid {
  name: string;
  /** Display text of each cell as the sheet shows it; rows[0] is sheet row 1, rows[r][0] is column A. */
  rows: string[][];
  merges: MergeRange[];
}

/** A line that says who filed the sheet and when: a paragraph even though it spans two or more cells. */
const META_LINE = /^\s*(填报单位|填表单位|报送单位|制表单位|单位名称|填报日期|填表日期|填报时间|截至|截止|统计时间|制表人|填表人|审核人|联系人)/u;

const sheetLabel = (sheet: string, row: number) => `工作表“${sheet}”第${row}行`;

type RowKind = 'empty' | 'single' | 'multi';

interface Filled {
  text: string;
  mergedFrom?: 'above' | 'left';
  /** The merge this cell is part of, if any. */
  merge?: MergeRange;
}

export function sheetBlocks(grid: SheetGrid): Block[] {
  const { rows, merges, name } = grid;
  const original = (r: number, c: number) => (rows[r]?.[c] ?? '').trim();
  // Used area: from the first to the last column and up to the last row that hold text (merges do not widen it).
  let lastRow = -1;
  let firstCol = Infinity;
  let lastCol = -1;
  rows.forEach((row, r) =>
    row.forEach((_, c) => {
      if (!original(r, c)) return;
      lastRow = Math.max(lastRow, r);
      firstCol = Math.min(firstCol, c);
      lastCol = Math.max(lastCol, c);
    }),
  );
  if (lastRow < 0) return [];
  const width = lastCol - firstCol + 1;

  const mergeAt = new Map<number, MergeRange>();
  const key = (r: number, c: number) => r * 16384 + c;
  for (const m of merges) {
    for (let r = m.top; r <= Math.min(m.bottom, lastRow); r++) {
      for (let c = Math.max(m.left, firstCol); c <= Math.min(m.right, lastCol); c++) mergeAt.set(key(r, c), m);
    }
  }
  const cell = (r: number, c: number): Filled => {
    const m = mergeAt.get(key(r, c));
    if (!m) return { text: original(r, c) };
    const text = (rows[m.top]?.[m.left] ?? '').trim();
    if (r === m.top && c === m.left) return { text, merge: m };
    return { text, merge: m, mergedFrom: r > m.top ? 'above' : 'left' };
  };

  const kinds: RowKind[] = [];
  const values: string[][] = [];
  for (let r = 0; r <= lastRow; r++) {
    const vals: string[] = [];
    const seen = new Set<MergeRange>();
    for (let c = firstCol; c <= lastCol; c++) {
      const f = cell(r, c);
      if (!f.text) continue;
      if (f.merge) {
        if (seen.has(f.merge)) continue;
        seen.add(f.merge);
      }
      vals.push(f.text);
    }
    values.push(vals);
    kinds.push(vals.length === 0 ? 'empty' : vals.length === 1 || META_LINE.test(vals[0]!) ? 'single' : 'multi');
  }

  const blocks: Block[] = [];
  const at = (r: number): SourceLocation => ({ label: sheetLabel(name, r + 1), sheet: name, row: r + 1 });
  const paragraph = (r: number) => {
    const text = values[r]!.map((v) => v.replace(/\s*\n\s*/g, ' ')).reduce((acc, v) => (acc === '' || /[：:]$/.test(acc) ? acc + v : `${acc} ${v}`), '');
    blocks.push({ kind: 'paragraph', text, at: at(r) });
  };
  const tableRow = (r: number): TableRow => {
    const m = mergeAt.get(key(r, firstCol));
    const fullWidth = kinds[r] === 'single' && m !== undefined && m.left <= firstCol && m.right >= lastCol && values[r]!.length === 1;
    if (fullWidth) return { cells: [{ text: cell(m.top, m.left).text, colSpan: width }], at: at(r) };
    const cells: TableCell[] = [];
    for (let c = firstCol; c <= lastCol; c++) {
      const { merge: _merge, ...tableCell } = cell(r, c);
      cells.push(tableCell);
    }
    return { cells, at: at(r) };
  };

  let table: TableRow[] | undefined;
  let r = 0;
  while (r <= lastRow) {
    if (kinds[r] !== 'multi') {
      if (kinds[r] === 'single') paragraph(r);
      r++;
      continue;
    }
    // A table from this multi-value row to the last multi-value row reachable without crossing
    // "a blank row, then a lone value" (the title of the next table).
    table = [];
    blocks.push({ kind: 'table', rows: table, at: at(r) });
    let end = r;
    for (let s = r + 1; s <= lastRow; s++) {
      if (kinds[s] === 'multi') {
        const gap = kinds.slice(end + 1, s);
        if (gap.includes('empty') && gap.includes('single')) break;
        end = s;
      }
    }
    for (let s = r; s <= end; s++) if (kinds[s] !== 'empty') table.push(tableRow(s));
    r = end + 1;
  }
  return blocks;
}
