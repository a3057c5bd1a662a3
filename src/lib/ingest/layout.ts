import type { Column } from '../schema';
import { columnsFromHeader, isHeaderRow, classifyHeaderCell } from './header';
import { cutCellRuns, cutLineRows } from './cut-rows';
import { headingLevel } from './group-heading';

// Finding the tables and cutting them into rows of cells. The layout is detected from the text, never from
// the file name: a line (or run of lines) whose cells carry at least three header words, one of them a
// task column, is a header. A file may hold several tables (附件1 targets, 附件2 tasks); each header with
// other columns than the table before it opens a new table, and the title lines just above it are its caption.

export type Layout = 'cell-per-line' | 'paragraph-cells' | 'tsv' | 'pipe' | 'spaces';

export interface Cell {
  raw: string;
  startLine: number;
  endLine: number;
}

export interface RawRow {
  cells: Cell[];
  startLine: number;
  endLine: number;
  /** A group heading row (一、…; a row with text only in its first cell): applies to the rows below. */
  group?: boolean;
}

export type LineRole = 'blank' | 'preamble' | 'header' | 'separator' | 'row' | 'group' | 'footnote' | 'outside';

export interface TableCut {
  layout: Layout;
  headerLine: number;
  headerEndLine: number;
  columns: Column[];
  rows: RawRow[];
  /** The caption printed above the table (附件2 / its title), when there is one. */
  title?: { text: string; line: number };
}

export interface TablesCut {
  tables: TableCut[];
  /** Role of each source line (index 0 = line 1). 'outside' lines become anomalies. */
  roles: LineRole[];
  /** Lines in or after a table that are not rows, headers or footnotes. */
  outside: number[];
}

export interface HeaderHit {
  layout: Layout;
  line: number; // 1-based first header line
  endLine: number;
  cells: string[];
  /** For 'spaces': whether columns are separated by runs of two or more spaces. */
  wideGaps?: boolean;
  /** For 'paragraph-cells': whether cells are separated by blank lines (else one cell per line). */
  blankSeparated?: boolean;
}

export const SEPARATOR = /^[\s|:：\-—–=+]*-{3,}[\s|:：\-—–=+]*$/;
export const FOOTNOTE = /^\s*(注|说明|备注)\s*[：:]/;

export function splitPipe(line: string): string[] {
  const body = line.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  return body.split(/(?<!\\)\|/).map((c) => c.replace(/\\\|/g, '|').trim());
}

export function splitSpaces(line: string, wideGaps: boolean): string[] {
  return line.trim().split(wideGaps ? /[ \u3000]{2,}|\u3000/ : /[ \u3000]+/).filter((c) => c !== '');
}

/** A short line that could be one header cell of a table copied from a web page (序号, 2022年预期目标, 分值). */
function headerWordLine(line: string): boolean {
  const t = line.trim();
  return t !== '' && !line.includes('\t') && !t.startsWith('|') && [...t].length <= 16 && !/[。，,；;：:！？]/.test(t) && !/^\d+$/.test(t) && !/(表|通知|方案|通报)$/.test(t);
}

/** Header cells one per line, each its own paragraph or on consecutive lines: gather them from line i. */
function paragraphHeader(lines: string[], i: number): HeaderHit | undefined {
  if (classifyHeaderCell(lines[i]!) === undefined || !headerWordLine(lines[i]!)) return undefined;
  const next = lines.slice(i + 1).findIndex((l) => l.trim() !== '');
  const blankSeparated = next > 0;
  const cells: string[] = [];
  let j = i;
  let end = i;
  while (j < lines.length && headerWordLine(lines[j]!)) {
    cells.push(lines[j]!.trim());
    end = j;
    j++;
    if (blankSeparated) {
      if (j >= lines.length || lines[j]!.trim() !== '') break;
      while (j < lines.length && lines[j]!.trim() === '') j++;
    }
  }
  if (cells.length < 3 || !isHeaderRow(cells)) return undefined;
  return { layout: 'paragraph-cells', line: i + 1, endLine: end + 1, cells, blankSeparated };
}

/** Find the first header at or after line index `from`, and say which layout it implies. */
function findHeader(lines: string[], from = 0): HeaderHit | undefined {
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    // One cell per line, each led by a tab: gather the run of such lines.
    if (/^\t[^\t]*$/.test(line)) {
      const cells: string[] = [];
      let j = i;
      // The header ends where the rows begin: at a number (序号 of row 1) or a group heading cell.
      while (j < lines.length && /^\t[^\t]*$/.test(lines[j]!) && (j === i || !/^\t\s*\d+\s*$/.test(lines[j]!)) && !headingLevel(lines[j]!)) cells.push(lines[j++]!.slice(1).trim());
      if (isHeaderRow(cells)) return { layout: 'cell-per-line', line: i + 1, endLine: j, cells };
      // Not a header: skip the run, so a long run of tab-led lines is scanned once, not once per line.
      i = Math.max(i, j - 1);
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
    if (cells.length === 1) {
      const hit = paragraphHeader(lines, i);
      if (hit) return hit;
    }
  }
  return undefined;
}

const sameHeader = (a: HeaderHit, b: HeaderHit) => a.cells.join('|').replace(/\s+/g, '') === b.cells.join('|').replace(/\s+/g, '');

// Caption lines just above a later table: 附件2, 附表, and its title (…分解表, …情况表).
const CAPTION = /^\s*(#+\s*)?((附件|附表)\s*[\d一二三四五六七八九十]*\s*[：:]?\s*$|.{0,60}(表|清单|目录|任务|目标|情况)\s*$)/;

/** Walk back from a header over blank lines and up to three caption lines; returns the first caption line (0-based). */
function captionStart(lines: string[], headerIdx: number, floor: number): number {
  let start = headerIdx;
  let taken = 0;
  for (let i = headerIdx - 1; i >= floor && taken < 3; i--) {
    const t = lines[i]!;
    if (t.trim() === '') continue;
    if (!CAPTION.test(t) || /^\s*\d+\s*$/.test(t) || t.includes('\t') || t.trim().startsWith('|')) break;
    start = i;
    taken++;
  }
  return start;
}

/** Cut every table in the text into rows. Returns undefined when the text has no recognisable table header. */
export function cutTables(lines: string[]): TablesCut | undefined {
  const hits: HeaderHit[] = [];
  for (let hit = findHeader(lines); hit; hit = findHeader(lines, hit.endLine)) {
    const last = hits[hits.length - 1];
    // The same header again is the header repeated on each page (a PDF), not a new table — unless a caption
    // (附件2, a title) stands right above it: then it is the next table, with the same columns.
    if (last && sameHeader(last, hit) && last.layout === hit.layout && captionStart(lines, hit.line - 1, last.endLine) === hit.line - 1) continue;
    hits.push(hit);
  }
  if (hits.length === 0) return undefined;
  const roles: LineRole[] = lines.map((l) => (l.trim() === '' ? 'blank' : 'preamble'));
  const outside: number[] = [];
  const starts = hits.map((h, k) => (k === 0 ? h.line - 1 : captionStart(lines, h.line - 1, hits[k - 1]!.endLine)));
  const tables = hits.map((hit, k): TableCut => {
    const end = k + 1 < hits.length ? starts[k + 1]! : lines.length;
    for (let l = hit.line; l <= hit.endLine; l++) roles[l - 1] = 'header';
    const table: TableCut = { layout: hit.layout, headerLine: hit.line, headerEndLine: hit.endLine, columns: columnsFromHeader(hit.cells), rows: [] };
    const capFrom = k === 0 ? captionStart(lines, hit.line - 1, 0) : starts[k]!;
    const caption = lines.slice(capFrom, hit.line - 1).map((t, i) => ({ text: t.replace(/^\s*#+\s*/, '').trim(), line: capFrom + i + 1 })).filter((c) => c.text !== '' && !/^(附件|附表)\s*[\d一二三四五六七八九十]*\s*[：:]?$/.test(c.text));
    if (caption.length > 0) table.title = caption[caption.length - 1]!;
    const region = { hit, table, roles, outside, end, lines };
    if (hit.layout === 'cell-per-line' || hit.layout === 'paragraph-cells') cutCellRuns(region);
    else cutLineRows(region);
    return table;
  });
  return { tables, roles, outside };
}

/** The first table only, in the shape used before a file could hold several (the fixture scripts use it). */
export function cutTable(lines: string[]): (TableCut & { roles: LineRole[]; outside: number[] }) | undefined {
  const cut = cutTables(lines);
  return cut && { ...cut.tables[0]!, roles: cut.roles, outside: cut.outside };
}
