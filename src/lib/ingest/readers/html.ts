import type { Element, ElementContent, Root, RootContent } from 'hast';
import { sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import iconv from 'iconv-lite';
import { unified } from 'unified';
import { CELL_SCHEMA } from '~/lib/ingest/rich-text';
import { isChromeElement, isChromeText } from './html-chrome';
import { ReaderError, type Block, type ReadDocument, type Reader, type TableCell, type TableRow } from './types';
import { MAX_HTML_BYTES } from '~/lib/limits';

// A saved 政府网站 page (.html/.htm): the article's paragraphs and data tables in order, the site's chrome
// left out (html-chrome.ts). Cells keep p/br/b/strong/sup/sub as rich text through the same sanitiser as
// every cell; rowspan/colspan are kept as spans for the canonical rendering to expand.

const parser = unified().use(rehypeParse);
const BLOCK = new Set(['p', 'div', 'section', 'article', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'center', 'tr', 'td', 'th', 'tbody', 'thead', 'tfoot', 'table', 'caption', 'body', 'hr', 'address', 'figure', 'figcaption', 'font']);
/** Pages nested deeper than this are refused rather than walked (a hostile file, never a real bulletin). */
const MAX_DEPTH = 400;

const isEl = (n: RootContent | ElementContent | Root): n is Element => n.type === 'element';
const elements = (n: Element | Root): Element[] => (n.children as (RootContent | ElementContent)[]).filter(isEl);
const collapse = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').trim();

/** A layout table holds other tables; a data table holds none. */
function hasTable(el: Element): boolean {
  const stack = [...elements(el)];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.tagName === 'table') return true;
    stack.push(...elements(n));
  }
  return false;
}

/** A data table: rows of several cells and no table inside. A one-column box or a table of tables is layout. */
function isDataTable(el: Element): boolean {
  if (el.tagName !== 'table' || hasTable(el)) return false;
  const rows = rowsOf(el);
  return rows.length >= 2 && rows.some((tr) => elements(tr).filter((c) => c.tagName === 'td' || c.tagName === 'th').length >= 2);
}

/** Text not inside links, counted without walking chrome: how much of the page an element holds. */
function contentLength(root: Element, cache: Map<Element, number>): number {
  const order: Element[] = [];
  const stack = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (cache.has(n)) continue;
    order.push(n);
    for (const c of elements(n)) if (!isChromeElement(c) && c.tagName !== 'a') stack.push(c);
  }
  for (const n of order.reverse()) {
    let len = 0;
    for (const c of n.children) {
      if (c.type === 'text') len += collapse(c.value).length;
      else if (isEl(c) && !isChromeElement(c) && c.tagName !== 'a') len += cache.get(c) ?? 0;
    }
    cache.set(n, len);
  }
  return cache.get(root) ?? 0;
}

/** The smallest element that still holds nearly all of the page's own text: the article. */
function articleRoot(body: Element): Element {
  const cache = new Map<Element, number>();
  const total = contentLength(body, cache);
  let root = body;
  for (;;) {
    const next = elements(root).filter((c) => !isChromeElement(c)).find((c) => (cache.get(c) ?? 0) >= 0.85 * total);
    if (!next || isDataTable(next)) break;
    root = next;
  }
  return root;
}

/** Whether some of the cell's text is inside one of these tags and some is not. */
function partly(tree: Root, tags: string[]): boolean {
  let inside = 0;
  let outside = 0;
  const stack: { node: Root | ElementContent; within: boolean }[] = [{ node: tree, within: false }];
  while (stack.length) {
    const { node, within } = stack.pop()!;
    if (node.type === 'text') {
      if (node.value.trim()) within ? inside++ : outside++;
    } else if (node.type === 'element' || node.type === 'root') {
      const w = within || (node.type === 'element' && tags.includes(node.tagName));
      for (const c of node.children) stack.push({ node: c as ElementContent, within: w });
    }
  }
  return inside > 0 && outside > 0;
}

/**
 * A cell as plain text with its line breaks, unless inline markup marks part of it (a bold label, a
 * superscript): then sanitised markup. A cell wrapped in one <p> or bold throughout reads as its text, so a
 * 序号 stays a number and the same cell from Word or a web page renders alike.
 */
function cellOf(el: Element): TableCell {
  const tree = sanitize({ type: 'root', children: el.children }, CELL_SCHEMA) as Root;
  const marked = partly(tree, ['b', 'strong']) || partly(tree, ['sup', 'sub']) || /<(sup|sub)\b/.test(toHtml(tree));
  const text = marked
    ? collapse(toHtml(tree))
    : toText(tree).split(/\n+/).map(collapse).filter(Boolean).join('\n');
  const cell: TableCell = { text };
  const colSpan = Number(el.properties?.colSpan ?? 1);
  const rowSpan = Number(el.properties?.rowSpan ?? 1);
  if (colSpan > 1) cell.colSpan = Math.min(colSpan, 100);
  if (rowSpan > 1) cell.rowSpan = Math.min(rowSpan, 10_000);
  return cell;
}

function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  for (const c of elements(table)) {
    if (c.tagName === 'tr') rows.push(c);
    else if (c.tagName === 'thead' || c.tagName === 'tbody' || c.tagName === 'tfoot') rows.push(...elements(c).filter((r) => r.tagName === 'tr'));
  }
  return rows;
}

/** Walk the article in document order without recursion: text between block boundaries is a paragraph. */
function blocksOf(root: Element): Block[] {
  const blocks: Block[] = [];
  let text = '';
  let paragraph = 0;
  let table = 0;
  const flush = () => {
    const t = collapse(text);
    text = '';
    if (!t || isChromeText(t)) return;
    paragraph++;
    blocks.push({ kind: 'paragraph', text: t, at: { label: `第${paragraph}段`, paragraph } });
  };
  type Step = { node: ElementContent; depth: number } | { end: true };
  const stack: Step[] = [...root.children].reverse().map((node) => ({ node, depth: 1 }));
  while (stack.length) {
    const step = stack.pop()!;
    if ('end' in step) {
      flush();
      continue;
    }
    const { node, depth } = step;
    if (depth > MAX_DEPTH) throw new Error('too deep');
    if (node.type === 'text') {
      text += node.value;
      continue;
    }
    if (!isEl(node) || isChromeElement(node)) continue;
    if (node.tagName === 'br') {
      flush();
      continue;
    }
    if (isDataTable(node)) {
      flush();
      table++;
      const t = table;
      const rows: TableRow[] = rowsOf(node)
        .map((tr, i) => ({ cells: elements(tr).filter((c) => c.tagName === 'td' || c.tagName === 'th').map(cellOf), at: { label: `表格${t}第${i + 1}行`, table: t, row: i + 1 } }))
        .filter((r) => r.cells.length > 0);
      if (rows.length > 0) blocks.push({ kind: 'table', rows, at: { label: `表格${t}`, table: t } });
      continue;
    }
    const block = BLOCK.has(node.tagName);
    if (block) {
      flush();
      stack.push({ end: true });
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i]!, depth: depth + 1 });
  }
  flush();
  return blocks;
}

function metaContent(head: Element | undefined, names: string[]): string | undefined {
  for (const m of head ? elements(head).filter((e) => e.tagName === 'meta') : []) {
    const name = String(m.properties?.name ?? m.properties?.property ?? '').toLowerCase();
    if (names.includes(name) && typeof m.properties?.content === 'string' && m.properties.content.trim()) return m.properties.content.trim();
  }
  return undefined;
}

const DATE = /(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/;
const iso = (m: RegExpExecArray) => `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;

/** The page's title and 发布日期: the site's own meta tags first, then what the page prints. */
function metaOf(html: Element, pageText: string): ReadDocument['meta'] {
  const head = elements(html).find((e) => e.tagName === 'head');
  const meta: ReadDocument['meta'] = {};
  const titleEl = head ? elements(head).find((e) => e.tagName === 'title') : undefined;
  const pageTitle = titleEl ? collapse(toText(titleEl)).split(/\s*[_|｜]\s*|\s+-\s+/)[0] : undefined;
  const title = metaContent(head, ['articletitle', 'title', 'og:title']) ?? pageTitle;
  if (title) meta.title = title;
  const printed = /(?:发布日期|发布时间|发文日期|成文日期|日期)\s*[:：]\s*/.exec(pageText);
  const fromText = printed ? DATE.exec(pageText.slice(printed.index, printed.index + printed[0].length + 24)) : null;
  const fromMeta = DATE.exec(metaContent(head, ['pubdate', 'publishdate', 'firstpublishedtime', 'article:published_time']) ?? '');
  const date = fromMeta ?? fromText;
  if (date) meta.date = iso(date);
  return meta;
}

/** UTF-8 when the bytes are; else the charset the page declares (gb2312/gbk are read as their superset gb18030). */
function decodeHtml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff || bytes[0] === 0xfe) return new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
    const declared = /charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase() ?? 'gb18030';
    const charset = /^(gb2312|gbk|gb18030|x-gbk|cp936)$/.test(declared) || !iconv.encodingExists(declared) ? 'gb18030' : declared;
    return iconv.decode(Buffer.from(bytes), charset);
  }
}

export const htmlReader: Reader = {
  format: 'html',
  async read(bytes, file) {
    if (bytes.length > MAX_HTML_BYTES) throw new ReaderError({ file, message: `网页文件有 ${Math.round(bytes.length / 1048576)} MB，超过上限 ${MAX_HTML_BYTES / 1048576} MB（通报网页通常不到 5 MB）`, hint: '请确认保存的是通报所在的网页，或另存为 .docx 后导入。' });
    const source = decodeHtml(bytes);
    try {
      const tree = parser.parse(source) as Root;
      const html = elements(tree).find((e) => e.tagName === 'html');
      const body = html && elements(html).find((e) => e.tagName === 'body');
      if (!html || !body) throw new ReaderError({ file, message: '网页没有 <body>', hint: '请确认保存的是完整的网页（“网页，全部”或“网页，仅 HTML”）。' });
      const blocks = blocksOf(articleRoot(body));
      const meta = metaOf(html, blocks.filter((b) => b.kind === 'paragraph').map((b) => b.text).join('\n') + '\n' + collapse(toText(body)).slice(0, 4000));
      // The title and date often sit outside the article element: keep them at the top so the parser reads them.
      const lead: Block[] = [];
      if (meta.title && !blocks.some((b) => b.kind === 'paragraph' && b.text.includes(meta.title!))) lead.push({ kind: 'paragraph', text: meta.title, at: { label: '网页标题' } });
      if (meta.date && !blocks.some((b) => b.kind === 'paragraph' && /发布(日期|时间)/.test(b.text))) lead.push({ kind: 'paragraph', text: `发布日期：${meta.date}`, at: { label: '网页发布日期' } });
      const all = [...lead, ...blocks];
      if (!all.some((b) => b.kind === 'table' || b.text.length > 0)) throw new ReaderError({ file, message: '网页正文是空的（没有段落也没有表格）', hint: '请确认保存的是通报正文所在的网页。' });
      return { format: 'html', blocks: all, meta, notes: [] } satisfies ReadDocument;
    } catch (e) {
      if (e instanceof ReaderError) throw e;
      if (e instanceof RangeError || (e as Error).message === 'too deep') throw new ReaderError({ file, message: `网页的标签嵌套超过 ${MAX_DEPTH} 层，无法读取（不像正常的网页）`, hint: '请确认原件。' });
      throw e;
    }
  },
};
