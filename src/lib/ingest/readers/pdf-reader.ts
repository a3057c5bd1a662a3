import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { MAX_PDF_PAGES, PDF_TIMEOUT_MS } from '~/lib/limits';
import { layoutPage, type PageBlock, type PageTableRow } from './pdf-layout';
import { joinText, type PageLine, type TextRun } from './pdf-lines';
import { extractRulings, type OpCodes } from './pdf-rulings';
import { ReaderError, type Block, type ReadDocument, type Reader, type SourceLocation, type TableRow } from './types';
import { checkReadable } from './file-size';

// PDF through pdf.js (legacy build for Node; its fake worker runs in this thread; character maps and standard
// fonts come from the installed package, nothing is fetched). Text with positions becomes lines, tables (see
// pdf-layout.ts) and paragraphs; a table that goes on over several pages with its header repeated is one
// table; page numbers and running heads/footers are left out and listed as notes. Scanned pages have no text
// to read: this reader does no OCR and says so.

const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

const pdfLabel = (page: number, line: number) => `第${page}页第${line}行`;
const at = (page: number, line: number): SourceLocation => ({ label: pdfLabel(page, line), page, line });

/**
 * Fonts whose character map sends CJK glyphs to radicals (⽬ for 目, ⻓ for 长) give text that looks right and
 * matches nothing. Kangxi radicals have compatibility mappings (NFKC); the supplement's simplified forms do not.
 */
const RADICAL_SUPPLEMENT: Record<string, string> = {
  '⺟': '母', '⺠': '民', '⻄': '西', '⻅': '见', '⻆': '角', '⻋': '车', '⻉': '贝', '⻓': '长', '⻔': '门', '⻘': '青',
  '⻚': '页', '⻛': '风', '⻜': '飞', '⻝': '食', '⻢': '马', '⻣': '骨', '⻤': '鬼', '⻥': '鱼', '⻦': '鸟', '⻩': '黄',
  '⻬': '齐', '⻮': '齿', '⻰': '龙', '⻳': '龟', '⻨': '麦', '⻙': '韦', '⻗': '雨', '⻟': '饣', '⻖': '阝', '⻏': '阝',
};
/**
 * Other glyphs such fonts share between two code points, mapped to the one a simplified-Chinese text uses
 * (⼾ is the radical whose compatibility form is 戶, drawn as 户 in a simplified-Chinese font).
 */
const SHARED_GLYPH: Record<string, string> = { '戶': '户', '\u2329': '〈', '\u232a': '〉', '\u2015': '—' };
const RADICALS = /[\u2e80-\u2eff\u2f00-\u2fdf]/gu;
const SHARED = /[戶\u2329\u232a\u2015]/gu;
const normalise = (s: string) => s.replace(RADICALS, (ch) => RADICAL_SUPPLEMENT[ch] ?? ch.normalize('NFKC')).replace(SHARED, (ch) => SHARED_GLYPH[ch]!);

/** 第 1 页 共 20 页 · 1/20 · - 3 - · Page 2 of 9 · a bare number. */
const PAGE_NUMBER = /^[\s\-—–－]*(第\s*\d+\s*页(\s*[,，/／]?\s*共\s*\d+\s*页)?|\d+\s*[/／]\s*\d+|\d{1,4}|page\s*\d+(\s*of\s*\d+)?)[\s\-—–－]*$/iu;

/** A line that opens a numbered item or a note: 一、 （二） (3) 4. 5、 注： — but not a number such as 30.3. */
const NUMBERED = /^\s*([（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+[、.．](?!\d)|注[：:])/u;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsPromise: Promise<PdfJs> | undefined;
const loadPdfJs = () => (pdfjsPromise ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

interface Page {
  number: number;
  blocks: PageBlock[];
  top: number;
  bottom: number;
  hasText: boolean;
  /** Pieces of text drawn at an angle (watermarks, stamps), left out. */
  rotated: number;
}

async function readPages(bytes: Uint8Array, file: string): Promise<{ pages: Page[]; title?: string }> {
  const pdfjs = await loadPdfJs();
  let doc: Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
  try {
    doc = await pdfjs.getDocument({
      data: bytes.slice(), // pdf.js takes ownership of the buffer it is given
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      useWorkerFetch: false,
      stopAtErrors: false,
      verbosity: 0,
      cMapUrl: `${join(PDFJS_DIR, 'cmaps')}/`, // read from disk by pdf.js's Node reader
      cMapPacked: true,
      standardFontDataUrl: `${join(PDFJS_DIR, 'standard_fonts')}/`,
    }).promise;
  } catch (e) {
    const name = (e as { name?: string }).name;
    if (name === 'PasswordException') {
      throw new ReaderError({ file, message: 'PDF 有打开密码（已加密）', hint: '请用密码打开后另存（或打印）为不加密的 PDF，再放入；只限制打印/复制而无需密码即可打开的 PDF 能直接读取。' });
    }
    throw new ReaderError({ file, message: `PDF 文件无法打开（${name === 'InvalidPDFException' ? '不是有效的 PDF，或文件不完整' : String((e as Error).message ?? e).slice(0, 120)}）`, hint: '请重新下载原件。' });
  }
  try {
    if (doc.numPages > MAX_PDF_PAGES) {
      throw new ReaderError({ file, message: `PDF 有 ${doc.numPages} 页，超过可读取的上限 ${MAX_PDF_PAGES} 页`, hint: '请只保留通报表所在的页。' });
    }
    const OPS = pdfjs.OPS as unknown as OpCodes;
    const pages: Page[] = [];
    const started = performance.now();
    for (let p = 1; p <= doc.numPages; p++) {
      if (performance.now() - started > PDF_TIMEOUT_MS) {
        throw new ReaderError({ file, part: `第${p}页`, message: `读取 PDF 超过 ${PDF_TIMEOUT_MS / 1000} 秒仍未读完（已读 ${p - 1} 页），已停止`, hint: '请只保留通报表所在的页，或向发布单位索取 Word/Excel 原件。' });
      }
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const runs: TextRun[] = [];
      let rotated = 0;
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const [a, b, c, , x, y] = item.transform as number[];
        if (item.str.trim() === '') {
          // A space the PDF draws: remembered on the run before it (the item itself can be as wide as a cell gap).
          const last = runs.at(-1);
          if (last && item.str !== '' && Math.abs(last.y - y!) < 1) last.spaceAfter = true;
          continue;
        }
        if (Math.abs(b!) > 1e-3 || Math.abs(c!) > 1e-3) {
          rotated++; // a watermark or a stamp drawn at an angle: not part of the rows
          continue;
        }
        runs.push({ text: normalise(item.str), x: x!, y: y!, w: item.width, size: Math.hypot(a!, b!) || item.height || 10 });
      }
      if (rotated > runs.length) {
        // Most of the page is set at an angle (a landscape table drawn turned on a portrait page): its rows
        // cannot be rebuilt from upright positions, and reading it as upright would scramble them.
        throw new ReaderError({ file, part: `第${p}页`, message: '这一页的文字整体是旋转排版的，本工具暂不能还原这种版面', hint: '请在 PDF 阅读器中把页面转正后另存（或打印为 PDF），或向发布单位索取 Word/Excel 原件。' });
      }
      const ops = await page.getOperatorList();
      const rulings = extractRulings(ops.fnArray, ops.argsArray, OPS);
      const [, y0, , y1] = page.view as [number, number, number, number];
      pages.push({ number: p, blocks: layoutPage(runs, rulings), top: y1, bottom: y0, hasText: runs.length > 0, rotated });
      page.cleanup();
    }
    const info = (await doc.getMetadata().catch(() => undefined))?.info as { Title?: string } | undefined;
    const title = info?.Title?.trim();
    // Printers fill Title with the page's address or a placeholder when the document has none.
    return { pages, title: title && !/^(about:blank|untitled|无标题|[a-z]+:\/\/\S*|\S+\.(docx?|xlsx?|html?|pdf))$/i.test(title) ? title : undefined };
  } finally {
    await doc.destroy();
  }
}

/** Lines in the top or bottom tenth of a page that are page numbers or repeat on other pages: not content. */
function furniture(pages: Page[]): Map<PageLine, 'page-number' | 'running'> {
  const key = (l: PageLine) => l.text.replace(/\d+/g, '#').replace(/\s+/g, '');
  const edge = (p: Page) => p.blocks.filter((b): b is { kind: 'line'; line: PageLine } => b.kind === 'line' && (b.line.y > p.top - 0.1 * (p.top - p.bottom) || b.line.y < p.bottom + 0.1 * (p.top - p.bottom)));
  const seen = new Map<string, number>();
  for (const p of pages) for (const k of new Set(edge(p).map((b) => key(b.line)))) seen.set(k, (seen.get(k) ?? 0) + 1);
  const out = new Map<PageLine, 'page-number' | 'running'>();
  for (const p of pages) {
    for (const { line } of edge(p)) {
      if (PAGE_NUMBER.test(line.text)) out.set(line, 'page-number');
      else if (pages.length >= 2 && (seen.get(key(line)) ?? 0) >= 2) out.set(line, 'running');
    }
  }
  return out;
}

const rowKey = (r: PageTableRow | TableRow) => r.cells.map((c) => c.text.replace(/\s+/g, '')).join('\u0001');

export const pdfReader: Reader = {
  format: 'pdf',
  async read(bytes, file): Promise<ReadDocument> {
    checkReadable(bytes, file);
    const { pages, title } = await readPages(bytes, file);
    if (!pages.some((p) => p.hasText)) {
      throw new ReaderError({ file, message: `PDF 没有文字层（${pages.length} 页都只是图像，可能是扫描件）：本工具不做文字识别（OCR）`, hint: '请向发布单位索取可复制文字的 PDF 或 Word/Excel 原件，或自行识别后核对成文本再放入。' });
    }
    const notes: ReadDocument['notes'] = [];
    const skipped = furniture(pages);
    const blocks: Block[] = [];
    let lastTable: { block: Extract<Block, { kind: 'table' }>; page: number; width: number; openBottom?: boolean } | undefined;
    let paragraph: { block: Extract<Block, { kind: 'paragraph' }>; line: PageLine; page: number } | undefined;
    const pageNumbers: SourceLocation[] = [];
    const running = new Map<string, SourceLocation[]>();
    for (const page of pages) {
      if (!page.hasText) notes.push({ at: { label: `第${page.number}页`, page: page.number }, message: `第${page.number}页没有文字层（只是图像，可能是扫描页）：此页未读取，本工具不做文字识别（OCR）。` });
      if (page.rotated) notes.push({ at: { label: `第${page.number}页`, page: page.number }, message: `第${page.number}页有 ${page.rotated} 段斜排或竖排的文字（如水印、印章），未作为正文读取。` });
      // The text's left and right edges on this page (running heads and page numbers sit elsewhere).
      const body = page.blocks.flatMap((b) => (b.kind === 'line' && !skipped.has(b.line) ? [b.line] : []));
      const tablesOnPage = page.blocks.filter((b) => b.kind === 'table');
      const right = Math.max(0, ...body.map((l) => l.x2), ...tablesOnPage.map((t) => t.x2));
      const left = Math.min(Infinity, ...body.map((l) => l.x1), ...tablesOnPage.map((t) => t.x1));
      for (const b of page.blocks) {
        if (b.kind === 'line') {
          const kind = skipped.get(b.line);
          if (kind === 'page-number') {
            pageNumbers.push(at(page.number, b.line.n));
            continue;
          }
          if (kind === 'running') {
            running.set(b.line.text, [...(running.get(b.line.text) ?? []), at(page.number, b.line.n)]);
            continue;
          }
          // A line that ran to the right edge of the text goes on in the next line of the same paragraph, on
          // this page or, for the first line of a page, from the last line of the page before.
          const sameBlock = blocks.at(-1) === paragraph?.block;
          const samePage = paragraph?.page === page.number;
          const overleaf = paragraph?.page === page.number - 1 && b.line === body[0];
          const prev = paragraph && sameBlock && (samePage || overleaf) ? paragraph.line : undefined;
          // An indented line or a numbered one (一、 1. （二）注：) starts a new paragraph.
          const indented = prev !== undefined && b.line.x1 > left + prev.size;
          const centred = prev !== undefined && prev.x1 > left + 3 * prev.size; // a title: a paragraph of its own
          const close = overleaf || (prev !== undefined && prev.y - b.line.y < 2 * prev.size);
          if (prev && paragraph && !indented && !centred && close && prev.x2 >= right - 3 * prev.size && !NUMBERED.test(b.line.text)) {
            paragraph.block.text = joinText(paragraph.block.text, b.line.text, 'wrap');
            Object.assign(paragraph, { line: b.line, page: page.number });
            continue;
          }
          const block: Block = { kind: 'paragraph', text: b.line.text.trim(), at: at(page.number, b.line.n) };
          blocks.push(block);
          paragraph = { block, line: b.line, page: page.number };
          continue;
        }
        let rows: TableRow[] = b.rows.map((r) => ({ cells: r.cells, at: at(page.number, r.line) }));
        // The same table going on from the previous page: one table; its repeated header row is dropped.
        if (lastTable && blocks.at(-1) === lastTable.block && lastTable.page === page.number - 1 && lastTable.width === b.width) {
          if (rows[0] && lastTable.block.rows[0] && rowKey(rows[0]) === rowKey(lastTable.block.rows[0])) rows = rows.slice(1);
          // A row the page break cut goes on at the top of this page: its pieces are one row.
          const last = lastTable.block.rows.at(-1);
          if (lastTable.openBottom && last && rows[0] && rows[0].cells[0]?.text === '' && rows[0].cells.length === last.cells.length) {
            last.cells = last.cells.map((c, j) => ({ ...c, text: joinText(c.text, rows[0]!.cells[j]!.text, 'wrap') }));
            rows = rows.slice(1);
          }
          lastTable.block.rows.push(...rows);
          Object.assign(lastTable, { page: page.number, openBottom: b.openBottom });
          continue;
        }
        const block: Block = { kind: 'table', rows, at: rows[0]!.at };
        blocks.push(block);
        lastTable = { block, page: page.number, width: b.width, openBottom: b.openBottom };
      }
    }
    if (blocks.length === 0) {
      throw new ReaderError({ file, message: 'PDF 除页码和页眉页脚外没有文字（正文只是图像，可能是扫描件）：本工具不做文字识别（OCR）', hint: '请向发布单位索取可复制文字的 PDF 或 Word/Excel 原件，或自行识别后核对成文本再放入。' });
    }
    if (pageNumbers.length) notes.push({ at: pageNumbers[0]!, message: `页码（${pageNumbers.length} 处）未作为正文读取。` });
    for (const [text, where] of running) notes.push({ at: where[0]!, message: `每页重复的页眉/页脚“${text}”（${where.length} 处）未作为正文读取。` });
    return { format: 'pdf', blocks, meta: title ? { title } : {}, notes };
  },
};
