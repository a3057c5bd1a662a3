import { headingLevel } from './group-heading';
import { isHeaderRow } from './header';
import { FOOTNOTE, SEPARATOR, splitPipe, splitSpaces, type Cell, type HeaderHit, type LineRole, type RawRow, type TableCut } from './layout';

/** One table's share of the text: from the line after its header to `end` (exclusive, 0-based). */
export interface Region {
  hit: HeaderHit;
  table: TableCut;
  roles: LineRole[];
  outside: number[];
  end: number;
  lines: string[];
}

const NUMBER_CELL = /^\s*[（(]?\s*\d{1,5}\s*[)）.、．]?\s*$/;
const CN_NUMERAL = /^\s*[一二三四五六七八九十]+\s*[、.．]?\s*$/;

/**
 * A row that is a group heading, not a task: text only in its first cell (a merged row across the table,
 * rendered with the other cells empty), or a Chinese numeral in the 序号 cell with at most one more cell.
 */
function isGroupCells(cells: string[]): boolean {
  const texts = cells.map((c) => c.replace(/<[^>]*>/g, '').trim());
  const filled = texts.filter((t) => t !== '');
  if (filled.length === 0 || texts[0] === '') return false;
  if (filled.length === 1 && !NUMBER_CELL.test(texts[0]!)) return cells.length >= 2 || headingLevel(texts[0]!) !== undefined;
  // 一、… in the first cell with a leader or unit beside it; or 一 alone in the 序号 cell and the heading beside it.
  if (headingLevel(texts[0]!) !== undefined && filled.length <= 3) return true;
  return CN_NUMERAL.test(texts[0]!) && filled.length <= 2;
}

/** Tab-separated, pipe and space-separated tables: one line per row (a line without a separator continues the row above when that row is short). */
export function cutLineRows({ hit, table, roles, outside, end, lines }: Region): void {
  const width = table.columns.length;
  const split = (line: string): string[] | undefined => {
    if (hit.layout === 'tsv') return line.includes('\t') ? line.split('\t') : undefined;
    if (hit.layout === 'pipe') return line.trim().startsWith('|') ? splitPipe(line) : undefined;
    const cells = splitSpaces(line, hit.wideGaps ?? false);
    if (cells.length < 2) return undefined;
    // Surplus words on a space-separated row belong to the last column (units are listed with spaces).
    return cells.length > width ? [...cells.slice(0, width - 1), cells.slice(width - 1).join(' ')] : cells;
  };
  let afterTable = false;
  for (let i = hit.endLine; i < end; i++) {
    const line = lines[i]!;
    const n = i + 1;
    if (line.trim() === '') continue;
    if (SEPARATOR.test(line)) {
      roles[i] = 'separator';
      continue;
    }
    const group = (text: string) => {
      roles[i] = 'group';
      table.rows.push({ cells: [{ raw: text, startLine: n, endLine: n }], startLine: n, endLine: n, group: true });
    };
    // A heading line (一、… / （一）…) is a group even when spaces inside it would split it into cells.
    if (!afterTable && hit.layout === 'spaces' && headingLevel(line)) {
      group(line.trim());
      continue;
    }
    const cells = split(line);
    if (cells && isHeaderRow(cells.map((c) => c.trim()))) {
      roles[i] = 'header';
      continue;
    }
    if (cells && !afterTable && isGroupCells(cells)) {
      // Keep the cells: a heading row may name its leader or units in their own columns.
      roles[i] = 'group';
      table.rows.push({ cells: cells.map((raw) => ({ raw, startLine: n, endLine: n })), startLine: n, endLine: n, group: true });
      continue;
    }
    if (cells && !afterTable) {
      roles[i] = 'row';
      table.rows.push({ cells: cells.map((raw) => ({ raw, startLine: n, endLine: n })), startLine: n, endLine: n });
      continue;
    }
    if (FOOTNOTE.test(line)) {
      roles[i] = 'footnote';
      afterTable = true;
      continue;
    }
    if (!cells && !afterTable && headingLevel(line)) {
      group(line.trim());
      continue;
    }
    const prev = table.rows[table.rows.length - 1];
    if (prev && !prev.group && !afterTable && prev.endLine === n - 1 && prev.cells.length < width && !/^#/.test(line)) {
      // A cell with a hard line break: the text continues the last cell of the row above.
      const last = prev.cells[prev.cells.length - 1]!;
      last.raw += `\n${line}`;
      last.endLine = n;
      prev.endLine = n;
      roles[i] = 'row';
      continue;
    }
    roles[i] = 'outside';
    outside.push(n);
  }
}

/** The cells of a one-cell-per-line table, in order, and the line where a footnote starts (if any). */
function cellStream({ hit, roles, outside, end, lines }: Region): { cells: Cell[]; footnoteFrom: number } {
  const cells: Cell[] = [];
  let footnoteFrom = end + 1;
  const tabbed = hit.layout === 'cell-per-line';
  let blankBefore = true;
  for (let i = hit.endLine; i < end; i++) {
    const line = lines[i]!;
    const n = i + 1;
    const blank = line.trim() === '';
    if (FOOTNOTE.test(line) && (!tabbed || !line.startsWith('\t'))) {
      footnoteFrom = n;
      break;
    }
    if (tabbed ? line.startsWith('\t') : !blank && (blankBefore || !hit.blankSeparated)) {
      cells.push({ raw: tabbed ? line.slice(1) : line, startLine: n, endLine: n });
    } else if (cells.length > 0 && (tabbed || !blank)) {
      // Tabbed: a line without the tab continues its cell (blank lines included). Paragraphs: a line of the same paragraph.
      const last = cells[cells.length - 1]!;
      last.raw += `\n${line}`;
      last.endLine = n;
    } else if (!blank) {
      roles[i] = 'outside';
      outside.push(n);
    }
    blankBefore = blank;
  }
  for (let i = footnoteFrom - 1; i < end; i++) {
    if (lines[i]!.trim() === '') continue;
    roles[i] = FOOTNOTE.test(lines[i]!) || i > footnoteFrom - 1 ? 'footnote' : 'outside';
  }
  return { cells, footnoteFrom };
}

/**
 * One cell per line: each led by a tab (lines without the tab continue the cell, blank lines included), or
 * each its own paragraph as text copied from a web page. Cells are grouped into rows: a numbered or empty
 * cell opens a new row once the current row is full; in paragraphs, where empty cells vanish, the next
 * number in sequence opens one. A row may carry one cell more than the header (a merged sub-goal cell);
 * the sub-target rows under it (empty 序号) repeat that width. A heading cell (一、…) at a row boundary is
 * a group row of its own.
 */
export function cutCellRuns(region: Region): void {
  const { table, roles, lines, hit } = region;
  const { cells } = cellStream(region);
  const width = table.columns.length;
  const paragraphs = hit.layout === 'paragraph-cells';
  const isNumber = (c: Cell) => /^\s*\d+\s*$/.test(c.raw);
  const isEmpty = (c: Cell) => c.raw.trim() === '';
  let row: Cell[] = [];
  let groupWidth = width;
  let nextNumber = 1;
  const flush = (group = false) => {
    if (row.length === 0) return;
    // Trailing blank lines belong to no cell's content; the row ends at its last non-blank line.
    const last = row[row.length - 1]!;
    while (last.endLine > last.startLine && lines[last.endLine - 1]!.trim() === '') last.endLine--;
    last.raw = last.raw.replace(/\n\s*$/g, '');
    const startLine = row[0]!.startLine;
    table.rows.push({ cells: row, startLine, endLine: last.endLine, ...(group ? { group: true } : {}) });
    for (let l = startLine; l <= last.endLine; l++) roles[l - 1] = group ? 'group' : 'row';
    row = [];
  };
  const markOutside = (cell: Cell) => {
    for (let l = cell.startLine; l <= cell.endLine; l++) {
      if (lines[l - 1]!.trim() === '') continue;
      roles[l - 1] = 'outside';
      region.outside.push(l);
    }
  };
  for (const [k, cell] of cells.entries()) {
    const numbered = isNumber(cell);
    // In paragraphs a short row ends at the next number in sequence, unless a number follows it too (then
    // this number is a cell's value, e.g. 分值 3, and the next one opens the row).
    const nextIsText = k + 1 < cells.length && !isNumber(cells[k + 1]!);
    const heading = headingLevel(cell.raw) !== undefined;
    if (row.length === 0) {
      row.push(cell);
      if (numbered) nextNumber = Number(cell.raw.trim()) + 1;
      if (heading) flush(true);
      continue;
    }
    const rowIsSub = isEmpty(row[0]!);
    const full = row.length >= (rowIsSub ? groupWidth : width);
    if (heading && full) {
      flush();
      row.push(cell);
      flush(true);
      continue;
    }
    const opensRow = paragraphs
      ? numbered && Number(cell.raw.trim()) === nextNumber && (row.length >= width || (row.length >= 2 && nextIsText))
      : full && (numbered || isEmpty(cell));
    if (opensRow) {
      if (!rowIsSub) groupWidth = row.length;
      flush();
      row.push(cell);
      if (numbered) {
        groupWidth = width;
        nextNumber = Number(cell.raw.trim()) + 1;
      }
      continue;
    }
    if (paragraphs && row.length > width) {
      // A row holds its columns and at most one merged sub-goal cell: paragraphs beyond that (a page's footer
      // copied with the table) are not the row's, and are kept as text outside the table.
      markOutside(cell);
      continue;
    }
    row.push(cell);
  }
  // After the last row, one paragraph more than the columns is a sub-goal only if other rows had one too;
  // otherwise it is text after the table.
  if (paragraphs && row.length === width + 1 && !table.rows.some((r) => !r.group && r.cells.length === width + 1)) markOutside(row.pop()!);
  if (row.length > 0 && !isEmpty(row[0]!)) groupWidth = row.length;
  flush();
}
