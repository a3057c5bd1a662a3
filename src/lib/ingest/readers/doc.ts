import WordExtractor from 'word-extractor';
import { ReaderError, type Block, type ReadDocument, type Reader, type TableRow } from './types';

// Word 97–2003 (.doc) through word-extractor, which turns Word's cell marks (\x07) into tabs and paragraph
// marks into line ends. In that stream a table row is its cells, each ended by a tab, plus one more tab for
// the row's end mark; rows follow each other with no line end. So a table is recovered by counting: the
// header row's cells (up to the first empty mark) give the width n, and each later row is n cells and an
// empty end mark. A shorter row (a heading merged across the width) ends at its own empty mark.
// Known limit: a vertically merged cell's continuations are empty in the .doc text (their value is only in
// the table properties, which word-extractor does not read), so they stay empty here.

const extractor = new WordExtractor();

const paragraphsOf = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

export function blocksFromWordText(body: string): Block[] {
  const tokens = body.replace(/\r\n?/g, '\n').split('\t');
  const blocks: Block[] = [];
  let paragraph = 0;
  let table = 0;
  const addParagraphs = (text: string) => {
    for (const p of paragraphsOf(text)) {
      paragraph++;
      blocks.push({ kind: 'paragraph', text: p, at: { label: `第${paragraph}段`, paragraph } });
    }
  };
  let i = 0;
  // Text before the first cell mark, and between tables, ends with the paragraph that holds the next table's first cell.
  while (i < tokens.length) {
    const token = tokens[i]!;
    if (i === tokens.length - 1) {
      addParagraphs(token);
      break;
    }
    const cut = token.lastIndexOf('\n');
    addParagraphs(token.slice(0, cut + 1));
    const first = token.slice(cut + 1);
    // Width: the header's cells up to the row end mark (the first empty token).
    let n = 1;
    while (i + n < tokens.length && tokens[i + n] !== '') n++;
    if (i + n >= tokens.length) {
      addParagraphs(tokens.slice(i).join(' '));
      break;
    }
    table++;
    const t = table;
    const rows: TableRow[] = [];
    const row = (cells: string[]) => rows.push({ cells: cells.map((text) => ({ text: text.trim() })), at: { label: `表格${t}第${rows.length + 1}行`, table: t, row: rows.length + 1 } });
    row([first, ...tokens.slice(i + 1, i + n)]);
    i += n + 1;
    while (i < tokens.length - 1) {
      if (tokens[i + n] === '') {
        row(tokens.slice(i, i + n));
        i += n + 1;
        continue;
      }
      let k = 1;
      while (k < n && tokens[i + k] !== '') k++;
      if (k >= n || tokens[i + k] !== '') break;
      row(tokens.slice(i, i + k));
      i += k + 1;
    }
    blocks.push({ kind: 'table', rows, at: { label: `表格${t}`, table: t } });
  }
  return blocks;
}

export const docReader: Reader = {
  format: 'doc',
  async read(bytes, file) {
    let body: string;
    try {
      const doc = await extractor.extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      body = doc.getBody({ filterUnicode: false });
    } catch (e) {
      throw new ReaderError(file, undefined, `无法读取这个 Word 97–2003（.doc）文件（${String((e as Error).message ?? e).slice(0, 120)}）：文件可能已损坏或加密，请重新下载原件，或用 Word/WPS 打开后另存为 .docx。`);
    }
    const blocks = blocksFromWordText(body);
    if (blocks.length === 0) throw new ReaderError(file, undefined, '这个 .doc 文件没有正文文字：请确认原件不是扫描图片。');
    return { format: 'doc', blocks, meta: {}, notes: [] } satisfies ReadDocument;
  },
};
