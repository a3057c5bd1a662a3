import { escapeHtml } from '~/lib/markup';
import { expandSpans } from './grid';
import { joinContinuedTables } from './continued-tables';
import type { Block, ReadDocument, TableCell, TableRow } from './types';

// The canonical text rendering of a document read from Word, Excel, PDF or a web page: numbered lines the
// table/row parser reads exactly as it reads a text file, plus, for every line, where it sits in the
// original (表格1第3行, 第4段…). A table is a Markdown pipe table (header row, `| --- |` separator, one line
// per row, `\|` for a literal pipe, `<br>` for a line break in a cell); a paragraph is one line; blocks are
// separated by one blank line, so a work report read from Word is Markdown paragraphs as well.

export interface Rendering {
  lines: string[];
  /** For each line, its location label in the original file; null for blank lines and table separators. */
  where: (string | null)[];
  /** Tables in the document after continuation tables are joined. */
  tables: number;
}

const MARKUP = /<\/?(?:p|br|b|strong|sup|sub)\b[^>]*>/i;

/** One cell on one line: plain text with line breaks becomes escaped text joined by <br>; markup keeps its tags. */
export function renderCell(cell: TableCell): string {
  let text = cell.text.replace(/\r\n?/g, '\n').trim();
  if (MARKUP.test(text)) text = text.replace(/\n+/g, ' ');
  else if (text.includes('\n')) text = text.split(/\n/).map((l) => escapeHtml(l.trim())).filter(Boolean).join('<br>');
  return text.replace(/\|/g, '\\|').replace(/[\t\u000b\f]/g, ' ');
}

/** A paragraph, or a title row above a table, as one line of text: markup and line breaks become spaces. */
function asLine(text: string): string {
  const plain = MARKUP.test(text) ? text.replace(/<br\s*\/?>|<\/p>/gi, ' ').replace(/<[^>]*>/g, '') : text;
  return plain.replace(/\s*\n\s*/g, ' ').trim();
}

export function renderCanonical(doc: Pick<ReadDocument, 'blocks'>): Rendering {
  const lines: string[] = [];
  const where: (string | null)[] = [];
  const push = (line: string, at: string | null) => {
    lines.push(line);
    where.push(at);
  };
  const blocks = joinContinuedTables(doc.blocks.map(expand)).filter((b) => (b.kind === 'paragraph' ? b.text.trim() !== '' : b.rows.some((r) => r.cells.some((c) => c.text.trim() !== ''))));
  let tables = 0;
  for (const block of blocks) {
    if (lines.length > 0) push('', null);
    if (block.kind === 'paragraph') {
      push(asLine(block.text), block.at.label);
      continue;
    }
    // A table of labelled fields (a page's 标题: / 索引号: / 发文日期: block) is metadata, not a table of rows:
    // one line per row, label and value side by side, as a text file would have it.
    if (isFieldTable(block.rows)) {
      for (const r of block.rows) {
        const text = r.cells.filter((c) => !c.mergedFrom).map((c) => asLine(c.text)).filter(Boolean).join(' ');
        if (text) push(text, r.at.label);
      }
      continue;
    }
    // Rows above the header with at most one filled cell (a title merged across the table, a 填报单位 or 截至
    // line) are lines of text, not table rows: the parser reads them as the title block they are.
    const headerAt = block.rows.findIndex((r) => r.cells.filter((c) => c.text.trim() !== '').length >= 2);
    const above = headerAt < 0 ? block.rows : block.rows.slice(0, headerAt);
    for (const r of above) {
      const text = r.cells.map((c) => c.text.trim()).find((t) => t !== '');
      if (text) push(asLine(text), r.at.label);
    }
    if (headerAt < 0) continue;
    if (headerAt > 0) push('', null);
    tables++;
    const [header, ...rows] = block.rows.slice(headerAt);
    const row = (cells: TableCell[]) => `| ${cells.map(renderCell).join(' | ')} |`;
    // Header words are plain labels: bold or line breaks in them are layout, not meaning.
    push(row(header!.cells.map((c) => ({ text: c.text.replace(/<br\s*\/?>/gi, ' ').replace(/<[^>]*>/g, '') }))), header!.at.label);
    push(`|${header!.cells.map(() => ' --- ').join('|')}|`, null);
    for (const r of rows) push(row(r.cells), r.at.label);
  }
  return { lines, where, tables };
}

/** Every row starts with a label ending in a colon (标题: 索引号：…), and there are few rows. */
function isFieldTable(rows: TableRow[]): boolean {
  if (rows.length > 12) return false;
  return rows.every((r) => {
    const first = r.cells.find((c) => c.text.trim() !== '');
    return first !== undefined && /^[^|]{1,12}[:：]$/.test(asLine(first.text));
  });
}

function expand(block: Block): Block {
  return block.kind === 'table' ? { ...block, rows: expandSpans(block.rows) } : block;
}
