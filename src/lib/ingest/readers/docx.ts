import { escapeHtml } from '~/lib/markup';
import { Numbering } from './docx-numbering';
import { attr, child, find, kids, parseXml, readZipParts, tagOf, textOf, type XNode } from './ooxml';
import { ReaderError, type Block, type ReadDocument, type Reader, type TableCell, type TableRow } from './types';

// Word 2007+ (.docx): the body's paragraphs and tables in document order, read from word/document.xml.
// gridSpan gives a cell several grid columns; vMerge (continue) takes the value of the cell above, so every
// row a merged cell covers has it. mammoth is not used because its HTML output drops vMerge.

interface Run {
  text: string;
  bold: boolean;
}

const isOn = (n: XNode | undefined) => n !== undefined && !['0', 'false', 'off'].includes(attr(n, 'w:val') ?? '');

/** The runs of a paragraph in order (its list number first): text, tabs and line breaks; deleted text and field codes left out. */
function runsOf(p: XNode, numbering: Numbering): Run[] {
  const label = numbering.labelOf(p);
  const runs: Run[] = label ? [{ text: label, bold: false }] : [];
  const walk = (nodes: XNode[], bold: boolean) => {
    for (const n of nodes) {
      const tag = tagOf(n);
      switch (tag) {
        case 'w:r': {
          const rPr = child(n, 'w:rPr');
          walk(kids(n), rPr ? isOn(child(rPr, 'w:b')) : false);
          break;
        }
        case 'w:t':
          runs.push({ text: kids(n).map(textOf).join(''), bold });
          break;
        case 'w:tab':
          runs.push({ text: '\t', bold: false });
          break;
        case 'w:br':
          if (attr(n, 'w:type') !== 'page' && attr(n, 'w:type') !== 'column') runs.push({ text: '\n', bold: false });
          break;
        case 'w:cr':
          runs.push({ text: '\n', bold: false });
          break;
        case 'w:noBreakHyphen':
          runs.push({ text: '-', bold });
          break;
        // Deleted revisions, field instructions, properties and the fallback copy of drawings are not text on the page.
        case 'w:del': case 'w:delText': case 'w:moveFrom': case 'w:instrText': case 'w:rPr': case 'w:pPr': case 'mc:Fallback': case 'w:footnoteReference':
          break;
        default:
          if (tag.startsWith('w:') || tag.startsWith('mc:') || tag.startsWith('wps:') || tag.startsWith('wp:') || tag.startsWith('a:')) walk(kids(n), bold);
      }
    }
  };
  walk(kids(p), false);
  return runs;
}

const WRAPPERS = new Set(['w:sdt', 'w:sdtContent', 'w:customXml']);

/**
 * The elements among `nodes` whose tag is one of `tags`, in document order, also those inside the content
 * controls and custom XML that Word wraps around paragraphs, tables, rows and cells.
 */
function unwrapped(nodes: XNode[], tags: readonly string[], found: XNode[] = []): XNode[] {
  for (const n of nodes) {
    const t = tagOf(n);
    if (tags.includes(t)) found.push(n);
    else if (WRAPPERS.has(t)) unwrapped(kids(n), tags, found);
  }
  return found;
}

const plain = (runs: Run[]) => runs.map((r) => r.text).join('');

/** A cell's paragraphs (and nested tables, row by row) as plain text, or as <b>/<br> markup when it has bold runs. */
function cellText(tc: XNode, numbering: Numbering): string {
  const paras: Run[][] = [];
  for (const n of unwrapped(kids(tc), ['w:p', 'w:tbl'])) {
    if (tagOf(n) === 'w:p') paras.push(runsOf(n, numbering));
    else for (const row of tableRows(n, numbering)) paras.push([{ text: row.map((c) => c.text.replace(/\n/g, ' ')).filter(Boolean).join(' '), bold: false }]);
  }
  const nonEmpty = paras.filter((runs) => plain(runs).trim() !== '');
  // Bold is kept only where it marks part of a cell (a label such as “智能装备产业园：”); a cell bold
  // throughout (a header, a group row) is emphasis of the whole, and its 序号 must stay a plain number.
  const runs = nonEmpty.flat().filter((r) => r.text.trim() !== '');
  const partlyBold = runs.some((r) => r.bold) && runs.some((r) => !r.bold);
  if (!partlyBold) return nonEmpty.map((runs) => plain(runs).trim()).join('\n');
  return nonEmpty
    .map((runs) => runs.map((r) => (r.bold && r.text.trim() ? `<b>${escapeHtml(r.text)}</b>` : escapeHtml(r.text))).join('').trim())
    .join('<br>');
}

/** The cells of each row with gridSpan as colSpan and vMerge continuations filled from the cell above. */
function tableRows(tbl: XNode, numbering: Numbering): TableCell[][] {
  const rows: TableCell[][] = [];
  // Text of the cell that started a vertical merge, by grid column.
  const mergeStart = new Map<number, string>();
  for (const tr of unwrapped(kids(tbl), ['w:tr'])) {
    const trPr = child(tr, 'w:trPr');
    const before = Number(attr(child(trPr ?? {}, 'w:gridBefore') ?? {}, 'w:val') ?? 0) || 0;
    const cells: TableCell[] = [];
    let col = 0;
    if (before > 0) {
      cells.push({ text: '', colSpan: before });
      col += before;
    }
    for (const tc of unwrapped(kids(tr), ['w:tc'])) {
      const tcPr = child(tc, 'w:tcPr');
      const span = Math.max(1, Number(attr(child(tcPr ?? {}, 'w:gridSpan') ?? {}, 'w:val') ?? 1) || 1);
      const vMerge = tcPr ? child(tcPr, 'w:vMerge') : undefined;
      const hMerge = tcPr ? child(tcPr, 'w:hMerge') : undefined;
      let cell: TableCell;
      if (hMerge && attr(hMerge, 'w:val') !== 'restart' && cells.length > 0) {
        // The legacy horizontal merge (files converted from Word 97–2003): a continuation takes the cell to its left.
        cell = { text: cells[cells.length - 1]!.text, mergedFrom: 'left' };
      } else if (vMerge && attr(vMerge, 'w:val') !== 'restart') {
        cell = { text: mergeStart.get(col) ?? '', mergedFrom: 'above' };
      } else {
        cell = { text: cellText(tc, numbering) };
        if (vMerge) mergeStart.set(col, cell.text);
        else mergeStart.delete(col);
      }
      if (span > 1) cell.colSpan = span;
      cells.push(cell);
      col += span;
    }
    rows.push(cells);
  }
  return rows;
}

export const docxReader: Reader = {
  format: 'docx',
  async read(bytes, file) {
    const parts = readZipParts(bytes, file, (name) => name === 'word/document.xml' || name === 'docProps/core.xml' || name === 'word/numbering.xml');
    const documentXml = parts['word/document.xml'];
    if (!documentXml) throw new ReaderError({ file, message: '这个 .docx 里没有 word/document.xml（正文）：文件不完整', hint: '请重新下载原件。' });
    const tree = parseXml(documentXml, file, 'word/document.xml');
    const body = find(tree, 'w:body');
    if (!body) throw new ReaderError({ file, part: 'word/document.xml', message: '正文中没有 w:body：文件已损坏', hint: '请重新下载原件。' });
    const numberingXml = parts['word/numbering.xml'];
    const numbering = new Numbering(numberingXml ? parseXml(numberingXml, file, 'word/numbering.xml') : undefined);
    const blocks: Block[] = [];
    let paragraph = 0;
    let table = 0;
    for (const n of unwrapped(kids(body), ['w:p', 'w:tbl'])) {
      if (tagOf(n) === 'w:p') {
        const text = plain(runsOf(n, numbering)).replace(/\t/g, ' ').trim();
        if (text === '') continue;
        paragraph++;
        blocks.push({ kind: 'paragraph', text, at: { label: `第${paragraph}段`, paragraph } });
      } else {
        table++;
        const t = table;
        const rows: TableRow[] = tableRows(n, numbering).map((cells, i) => ({ cells, at: { label: `表格${t}第${i + 1}行`, table: t, row: i + 1 } }));
        blocks.push({ kind: 'table', rows, at: { label: `表格${t}`, table: t } });
      }
    }
    return { format: 'docx', blocks, meta: coreMeta(parts['docProps/core.xml'], file), notes: [] } satisfies ReadDocument;
  },
};

function coreMeta(core: Uint8Array | undefined, file: string): ReadDocument['meta'] {
  if (!core) return {};
  try {
    const title = find(parseXml(core, file, 'docProps/core.xml'), 'dc:title');
    const text = title ? kids(title).map(textOf).join('').trim() : '';
    return text ? { title: text } : {};
  } catch {
    return {};
  }
}
