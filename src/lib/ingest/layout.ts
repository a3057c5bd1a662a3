import type { Column } from '../schema';
import { columnsFromHeader, isHeaderRow } from './header';

// Finding the table and cutting it into rows of cells. The layout is detected from the text, never from
// the file name: the first line (or run of lines) whose cells carry at least three header words decides it.

export type Layout = 'cell-per-line' | 'tsv' | 'pipe' | 'spaces';

export interface Cell {
  raw: string;
  startLine: number;
  endLine: number;
}

export interface RawRow {
  cells: Cell[];
  startLine: number;
  endLine: number;
}

export type LineRole = 'blank' | 'preamble' | 'header' | 'separator' | 'row' | 'footnote' | 'outside';

export interface TableCut {
  layout: Layout;
  headerLine: number;
  columns: Column[];
  rows: RawRow[];
  /** Role of each source line (index 0 = line 1). 'outside' lines become anomalies. */
  roles: LineRole[];
  /** Lines after the table that are not footnotes. */
  outside: number[];
}

interface HeaderHit {
  layout: Layout;
  line: number; // 1-based first header line
  endLine: number;
  cells: string[];
  /** For 'spaces': whether columns are separated by runs of two or more spaces. */
  wideGaps?: boolean;
}

const SEPARATOR = /^[\s|:：\-—–=+]*-{3,}[\s|:：\-—–=+]*$/;
const FOOTNOTE = /^\s*(注|说明|备注)\s*[：:]/;

export function splitPipe(line: string): string[] {
  const body = line.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  return body.split(/(?<!\\)\|/).map((c) => c.replace(/\\\|/g, '|').trim());
}

function splitSpaces(line: string, wideGaps: boolean): string[] {
  return line.trim().split(wideGaps ? /[ \u3000]{2,}|\u3000/ : /[ \u3000]+/).filter((c) => c !== '');
}

/** Find the first header in the text and say which layout it implies. */
export function findHeader(lines: string[]): HeaderHit | undefined {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    // One cell per line, each led by a tab (000): gather the run of such lines.
    if (/^\t[^\t]*$/.test(line)) {
      const cells: string[] = [];
      let j = i;
      while (j < lines.length && /^\t[^\t]*$/.test(lines[j]!)) cells.push(lines[j++]!.slice(1).trim());
      if (isHeaderRow(cells)) return { layout: 'cell-per-line', line: i + 1, endLine: j, cells };
      continue;
    }
    if (line.includes('\t')) {
      const cells = line.split('\t').map((c) => c.trim());
      if (isHeaderRow(cells)) return { layout: 'tsv', line: i + 1, endLine: i + 1, cells };
      continue;
    }
    if (line.trim().startsWith('|')) {
      const cells = splitPipe(line);
      if (isHeaderRow(cells)) return { layout: 'pipe', line: i + 1, endLine: i + 1, cells };
      continue;
    }
    const wideGaps = /\S[ ]{2,}\S|\u3000/.test(line.trim());
    const cells = splitSpaces(line, wideGaps);
    if (cells.length >= 3 && isHeaderRow(cells)) return { layout: 'spaces', line: i + 1, endLine: i + 1, cells, wideGaps };
  }
  return undefined;
}

/** Cut the table into rows. Returns undefined when the text has no recognisable table header. */
export function cutTable(lines: string[]): TableCut | undefined {
  const hit = findHeader(lines);
  if (!hit) return undefined;
  const roles: LineRole[] = lines.map((l) => (l.trim() === '' ? 'blank' : 'preamble'));
  for (let l = hit.line; l <= hit.endLine; l++) roles[l - 1] = 'header';
  const columns = columnsFromHeader(hit.cells);
  const cut: TableCut = { layout: hit.layout, headerLine: hit.line, columns, rows: [], roles, outside: [] };
  if (hit.layout === 'cell-per-line') cutCellPerLine(lines, hit, cut);
  else cutLineRows(lines, hit, cut);
  return cut;
}

/** Tab-separated, pipe and space-separated tables: one line per row (a line without a separator continues the row above when that row is short). */
function cutLineRows(lines: string[], hit: HeaderHit, cut: TableCut): void {
  const width = cut.columns.length;
  const split = (line: string): string[] | undefined => {
    if (hit.layout === 'tsv') return line.includes('\t') ? line.split('\t') : undefined;
    if (hit.layout === 'pipe') return line.trim().startsWith('|') ? splitPipe(line) : undefined;
    const cells = splitSpaces(line, hit.wideGaps ?? false);
    if (cells.length < 2) return undefined;
    // Surplus words on a space-separated row belong to the last column (units are listed with spaces).
    return cells.length > width ? [...cells.slice(0, width - 1), cells.slice(width - 1).join(' ')] : cells;
  };
  let afterTable = false;
  for (let i = hit.endLine; i < lines.length; i++) {
    const line = lines[i]!;
    const n = i + 1;
    if (line.trim() === '') continue;
    if (SEPARATOR.test(line)) {
      cut.roles[i] = 'separator';
      continue;
    }
    const cells = split(line);
    if (cells && isHeaderRow(cells.map((c) => c.trim()))) {
      cut.roles[i] = 'header';
      continue;
    }
    if (cells && !afterTable) {
      cut.roles[i] = 'row';
      cut.rows.push({ cells: cells.map((raw) => ({ raw, startLine: n, endLine: n })), startLine: n, endLine: n });
      continue;
    }
    if (FOOTNOTE.test(line)) {
      cut.roles[i] = 'footnote';
      afterTable = true;
      continue;
    }
    const prev = cut.rows[cut.rows.length - 1];
    if (prev && !afterTable && prev.endLine === n - 1 && prev.cells.length < width && !/^#/.test(line)) {
      // A cell with a hard line break: the text continues the last cell of the row above.
      const last = prev.cells[prev.cells.length - 1]!;
      last.raw += `\n${line}`;
      last.endLine = n;
      prev.endLine = n;
      cut.roles[i] = 'row';
      continue;
    }
    cut.roles[i] = 'outside';
    cut.outside.push(n);
  }
}

/**
 * One cell per line (000): a line starting with a tab opens a cell; lines without the tab continue it
 * (blank lines included). Cells are grouped into rows: a numbered or empty cell opens a new row once the
 * current row is full. A row may carry one cell more than the header (a merged sub-goal cell); the
 * sub-target rows under it (empty 序号) repeat that width.
 */
function cutCellPerLine(lines: string[], hit: HeaderHit, cut: TableCut): void {
  const width = cut.columns.length;
  const cells: Cell[] = [];
  let footnoteFrom = lines.length + 1;
  for (let i = hit.endLine; i < lines.length; i++) {
    const line = lines[i]!;
    const n = i + 1;
    if (line.startsWith('\t')) {
      cells.push({ raw: line.slice(1), startLine: n, endLine: n });
    } else if (FOOTNOTE.test(line)) {
      footnoteFrom = n;
      break;
    } else if (cells.length > 0) {
      const last = cells[cells.length - 1]!;
      last.raw += `\n${line}`;
      last.endLine = n;
    } else if (line.trim() !== '') {
      cut.roles[i] = 'outside';
      cut.outside.push(n);
    }
  }
  for (let i = footnoteFrom - 1; i < lines.length; i++) {
    if (lines[i]!.trim() === '') continue;
    cut.roles[i] = FOOTNOTE.test(lines[i]!) || i > footnoteFrom - 1 ? 'footnote' : 'outside';
  }

  const isNumber = (c: Cell) => /^\s*\d+\s*$/.test(c.raw);
  const isEmpty = (c: Cell) => c.raw.trim() === '';
  let row: Cell[] = [];
  let groupWidth = width;
  const flush = () => {
    if (row.length === 0) return;
    // Trailing blank lines belong to no cell's content; the row ends at its last non-blank line.
    const last = row[row.length - 1]!;
    while (last.endLine > last.startLine && lines[last.endLine - 1]!.trim() === '') last.endLine--;
    last.raw = last.raw.replace(/\n\s*$/g, '');
    const startLine = row[0]!.startLine;
    cut.rows.push({ cells: row, startLine, endLine: last.endLine });
    for (let l = startLine; l <= last.endLine; l++) cut.roles[l - 1] = 'row';
    row = [];
  };
  for (const cell of cells) {
    const numbered = isNumber(cell);
    if (row.length === 0) {
      row.push(cell);
      continue;
    }
    const rowIsSub = isEmpty(row[0]!);
    const full = row.length >= (rowIsSub ? groupWidth : width);
    if (full && (numbered || isEmpty(cell))) {
      if (!rowIsSub) groupWidth = row.length;
      flush();
      row.push(cell);
      if (numbered) groupWidth = width;
      continue;
    }
    row.push(cell);
  }
  if (row.length > 0 && !isEmpty(row[0]!)) groupWidth = row.length;
  flush();
}
