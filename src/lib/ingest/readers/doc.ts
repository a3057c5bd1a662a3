import WordExtractor from 'word-extractor';
import { readRowLayouts, type RowLayout } from './doc-tables';
import { ReaderError, type Block, type ReadDocument, type Reader, type TableCell, type TableRow } from './types';

// Word 97–2003 (.doc) through word-extractor, which turns Word's cell marks (\x07) into tabs and paragraph
// marks into line ends. A table row is then its cells, each ended by a tab, and the row's end mark: one more
// tab (files saved by Word) or a line end (files saved by LibreOffice/WPS). The header row gives the width n
// and the style; each later row is n cells, or fewer when cells were merged across.
// The text does not say which cells were merged: that comes from each row's table properties
// (doc-tables.ts), matched to the rows in order. Where they cannot be read or do not match, a shorter row is
// flagged and vertically merged continuations stay empty, as the text has them.

const extractor = new WordExtractor();

const paragraphsOf = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

export function blocksFromWordText(body: string, layouts?: RowLayout[]): { blocks: Block[]; notes: ReadDocument['notes'] } {
  const tokens = body.replace(/\r\n?/g, '\n').split('\t');
  const blocks: Block[] = [];
  const notes: ReadDocument['notes'] = [];
  let paragraph = 0;
  let table = 0;
  const addParagraphs = (text: string) => {
    for (const p of paragraphsOf(text)) {
      paragraph++;
      blocks.push({ kind: 'paragraph', text: p, at: { label: `第${paragraph}段`, paragraph } });
    }
  };
  let rowsSoFar = 0;
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i]!;
    if (i === tokens.length - 1) {
      addParagraphs(token);
      break;
    }
    // Paragraphs before the table, then (after the last line end) the table's first cell.
    const cut = token.lastIndexOf('\n');
    let j = i + 1;
    while (j < tokens.length && tokens[j] !== '' && !tokens[j]!.startsWith('\n')) j++;
    if (j >= tokens.length - 1 && tokens[j] === undefined) {
      addParagraphs(tokens.slice(i).join(' '));
      break;
    }
    const n = j - i;
    // A tab typed in a paragraph (a signature aligned with tabs) is not a cell mark: a header row is a few
    // one-line cells, and, where the row layouts are known, exactly as many as the next row has.
    const expected = layouts?.[rowsSoFar];
    if (n > 64 || tokens.slice(i + 1, j).some((c) => c.includes('\n')) || (expected && expected.bounds.length - 1 !== n)) {
      tokens[i + 1] = `${token} ${tokens[i + 1]}`;
      i++;
      continue;
    }
    addParagraphs(token.slice(0, cut + 1));
    const wordStyle = tokens[j] === '';
    const rowEnd = (t: string | undefined) => (wordStyle ? t === '' : t === undefined || t.startsWith('\n'));
    table++;
    const t = table;
    const rows: TableRow[] = [];
    const row = (cells: string[]) => {
      const at = { label: `表格${t}第${rows.length + 1}行`, table: t, row: rows.length + 1 };
      rows.push({ cells: cells.map((text) => ({ text: text.trim(), ...(cells.length === 1 && n > 1 ? { colSpan: n } : {}) })), at });
      rowsSoFar++;
    };
    row([token.slice(cut + 1), ...tokens.slice(i + 1, j)]);
    i = wordStyle ? j + 1 : j;
    while (i < tokens.length - 1) {
      const first = wordStyle ? tokens[i]! : tokens[i]!.replace(/^\n/, '');
      // Line ends before the next cell: paragraphs follow the table (the first cell of a row is one line: its 序号).
      if (first.includes('\n')) break;
      let k = n;
      if (!rowEnd(tokens[i + n])) {
        k = 1;
        while (k < n && !rowEnd(tokens[i + k])) k++;
        if (k >= n) break;
      }
      row([first, ...tokens.slice(i + 1, i + k)]);
      i = wordStyle ? i + k + 1 : i + k;
    }
    blocks.push({ kind: 'table', rows, at: { label: `表格${t}`, table: t } });
  }
  const tables = blocks.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table');
  const rowCount = tables.reduce((k, b) => k + b.rows.length, 0);
  let used = 0;
  const fits = layouts?.length === rowCount && tables.every((b) => b.rows.every((r) => r.cells.length === layouts[used++]!.bounds.length - 1));
  used = 0;
  for (const b of tables) {
    if (fits) b.rows = applyLayouts(b.rows, layouts!.slice(used, (used += b.rows.length)));
    else {
      const n = b.rows.reduce((m, r) => Math.max(m, r.cells.length), 0);
      for (const r of b.rows) {
        if (r.cells.length > 1 && r.cells.length < n) notes.push({ at: r.at, message: `这一行只有 ${r.cells.length} 个单元格，表头有 ${n} 列：原表在这一行合并了单元格，.doc 文件的表格属性读不出合并的位置，请对照原件核对这一行各列的内容。` });
      }
    }
  }
  return { blocks, notes };
}

/** Give each cell the grid columns it covers (by its boundaries against the widest row) and fill vertical merges. */
function applyLayouts(rows: TableRow[], layouts: RowLayout[]): TableRow[] {
  const widest = layouts.reduce((a, b) => (b.bounds.length > a.bounds.length ? b : a));
  const grid = widest.bounds;
  const TOLERANCE = 30; // twips: rows drawn by hand differ by a few
  const columnAt = (x: number) => grid.findIndex((g) => Math.abs(g - x) <= TOLERANCE);
  const above = new Map<number, string>();
  return rows.map((row, r) => {
    const { bounds, vMerge } = layouts[r]!;
    const cells: TableCell[] = row.cells.map((cell, i) => {
      const from = columnAt(bounds[i]!);
      const to = columnAt(bounds[i + 1]!);
      const span = from >= 0 && to > from ? to - from : 1;
      const out: TableCell = vMerge[i] === 1 ? { text: above.get(from) ?? cell.text, mergedFrom: 'above' } : { text: cell.text };
      if (vMerge[i] !== 1) above.set(from, cell.text);
      if (span > 1) out.colSpan = span;
      return out;
    });
    return { cells, at: row.at };
  });
}

export const docReader: Reader = {
  format: 'doc',
  async read(bytes, file) {
    let body: string;
    try {
      const doc = await extractor.extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      body = doc.getBody({ filterUnicode: false });
    } catch (e) {
      throw new ReaderError({ file, message: `无法读取这个 Word 97–2003（.doc）文件（${String((e as Error).message ?? e).slice(0, 120)}）：文件可能已损坏或加密`, hint: '请重新下载原件，或用 Word/WPS 打开后另存为 .docx。' });
    }
    const { blocks, notes } = blocksFromWordText(body, readRowLayouts(bytes));
    if (blocks.length === 0) throw new ReaderError({ file, message: '这个 .doc 文件没有正文文字', hint: '请确认原件不是扫描图片。' });
    return { format: 'doc', blocks, meta: {}, notes } satisfies ReadDocument;
  },
};
