import { expandSpans } from './grid';
import { joinContinuedTables } from './continued-tables';
import type { Block, ReadDocument, TableCell } from './types';

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
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One cell on one line: plain text with line breaks becomes escaped text joined by <br>; markup keeps its tags. */
export function renderCell(cell: TableCell): string {
  let text = cell.text.replace(/\r\n?/g, '\n').trim();
  if (MARKUP.test(text)) text = text.replace(/\n+/g, ' ');
  else if (text.includes('\n')) text = text.split(/\n/).map((l) => escapeHtml(l.trim())).filter(Boolean).join('<br>');
  return text.replace(/\|/g, '\\|').replace(/[\t\u000b\f]/g, ' ');
}

export function renderCanonical(doc: Pick<ReadDocument, 'blocks'>): Rendering {
  const lines: string[] = [];
  const where: (string | null)[] = [];
  const push = (line: string, at: string | null) => {
    lines.push(line);
    where.push(at);
  };
  const blocks = joinContinuedTables(doc.blocks.map(expand)).filter((b) => (b.kind === 'paragraph' ? b.text.trim() !== '' : b.rows.length > 0));
  let tables = 0;
  for (const block of blocks) {
    if (lines.length > 0) push('', null);
    if (block.kind === 'paragraph') {
      push(block.text.replace(/\s*\n\s*/g, ' ').trim(), block.at.label);
      continue;
    }
    tables++;
    const [header, ...rows] = block.rows;
    const row = (cells: TableCell[]) => `| ${cells.map(renderCell).join(' | ')} |`;
    // Header words are plain labels: bold or line breaks in them are layout, not meaning.
    push(row(header!.cells.map((c) => ({ text: c.text.replace(/<br\s*\/?>/gi, ' ').replace(/<[^>]*>/g, '') }))), header!.at.label);
    push(`|${header!.cells.map(() => ' --- ').join('|')}|`, null);
    for (const r of rows) push(row(r.cells), r.at.label);
  }
  return { lines, where, tables };
}

function expand(block: Block): Block {
  return block.kind === 'table' ? { ...block, rows: expandSpans(block.rows) } : block;
}
