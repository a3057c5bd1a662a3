// A work report is prose printed as loose Markdown: headings (#…####, used inconsistently), paragraphs,
// inline <sub>/<sup>. remark-parse gives us the blocks with their source lines; we keep, per source
// line, the plain text and the sanitised HTML it contributes, so a phrase found later can cite its line.
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import type { Root, RootContent, PhrasingContent } from 'mdast';
import { escapeHtml } from '~/lib/markup';
import { cleanText } from '../targets/clean-text';
import { ANNEX_HEADING, DATELINE, TABLE_ROW, isChrome, isTitle } from './chrome';

/** The text one source line contributes to a block. */
export interface LinePiece {
  line: number;
  text: string;
  html: string;
}

export interface Block {
  type: 'heading' | 'paragraph';
  /** Markdown heading depth (1–6), 0 for a paragraph. */
  depth: number;
  pieces: LinePiece[];
}

const ALLOWED_TAG = /^<\/?(sub|sup|b|strong)>$/i;

/** Walk the inline nodes, appending raw text/html to the piece of each source line. */
function collect(nodes: PhrasingContent[], acc: Map<number, { text: string; html: string }>): void {
  const add = (line: number, text: string, html: string) => {
    const cur = acc.get(line) ?? { text: '', html: '' };
    cur.text += text;
    cur.html += html;
    acc.set(line, cur);
  };
  for (const node of nodes) {
    const line = node.position?.start.line ?? 0;
    if (node.type === 'text' || node.type === 'inlineCode') {
      node.value.split('\n').forEach((part, i) => add(line + i, part, escapeHtml(part)));
    } else if (node.type === 'html') {
      // Only the allowlisted tags survive (PM<sub>10</sub>, AA<sup>+</sup>); anything else is dropped.
      const tag = node.value.trim();
      if (ALLOWED_TAG.test(tag)) add(line, '', tag.toLowerCase());
    } else if ('children' in node) {
      collect(node.children as PhrasingContent[], acc);
    }
  }
}

function toBlock(node: RootContent): Block | undefined {
  if (node.type !== 'heading' && node.type !== 'paragraph') return undefined;
  const acc = new Map<number, { text: string; html: string }>();
  collect(node.children, acc);
  const pieces = [...acc.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([line, p]) => ({ line, text: cleanText(p.text), html: cleanHtml(p.html) }))
    .filter((p) => p.text || p.html);
  return { type: node.type, depth: node.type === 'heading' ? node.depth : 0, pieces };
}

/** Same space rule as cleanText, applied outside tags. */
function cleanHtml(html: string): string {
  return html
    .split(/(<[^>]+>)/)
    .map((part, i) => (i % 2 === 1 ? part : cleanText(part)))
    .join('');
}

/**
 * A report is prose, not Markdown: the constructs that would swallow its text are turned off (an indented
 * paragraph is not code, `1. 项目` is not a list, a line starting with <div> is not an HTML block).
 */
function proseOnly(this: Processor) {
  const data = this.data() as { micromarkExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push({ disable: { null: ['codeIndented', 'list', 'blockQuote', 'htmlFlow', 'definition', 'setextUnderline'] } });
}

// A line that ends a sentence ends its paragraph: web pages and Word copies put one paragraph per line
// with no blank line between. A line that is a numbered heading stands alone too.
const LINE_ENDS_PARAGRAPH = /[。！？!?：:][”」』）)]?$/;
const HEADING_LINE = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])[^。；]{1,40}$/;

/** A line that begins a paragraph whatever ends the line above: 各位代表, or a numbered item (一、 （一） 1.). */
const STARTS_PARAGRAPH = /^(?:各位代表|现在，我代表|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.、．](?!\d))/;

/** A line that is a block of its own: a numbered heading, the title, the dateline, page chrome. */
const standsAlone = (t: string) => HEADING_LINE.test(t) || isTitle(t) || DATELINE.test(t) || isChrome(t) || TABLE_ROW.test(t) || (t.length <= 40 && ANNEX_HEADING.test(t));

/**
 * Text wrapped at a fixed width (copied from a PDF) has lines of one length: there a line ending in 。 is
 * not a paragraph's end, an indented line is a paragraph's start.
 */
function hardWrapped(pieces: LinePiece[]): boolean {
  const lengths = pieces.slice(0, -1).map((p) => p.text.length).sort((a, b) => a - b);
  if (lengths.length < 3) return false;
  const median = lengths[lengths.length >> 1]!;
  return median >= 15 && lengths.filter((n) => Math.abs(n - median) <= 2).length >= lengths.length * 0.8;
}

/** Cut `pieces` after each index where `cut(piece, next)` holds. */
function cutWhere(pieces: LinePiece[], cut: (p: LinePiece, next: LinePiece | undefined) => boolean): LinePiece[][] {
  const out: LinePiece[][] = [];
  let cur: LinePiece[] = [];
  pieces.forEach((p, i) => {
    cur.push(p);
    if (cut(p, pieces[i + 1])) {
      out.push(cur);
      cur = [];
    }
  });
  if (cur.length) out.push(cur);
  return out;
}

function splitAtLineEnds(block: Block, indented: (line: number) => boolean): Block[] {
  if (block.type !== 'paragraph' || block.pieces.length < 2) return [block];
  // First the lines that stand alone or surely start a paragraph; then, within each stretch between them,
  // sentence ends (one paragraph per line) or indents (text wrapped at a fixed width).
  const stretches = cutWhere(block.pieces, (p, next) => standsAlone(p.text) || (next !== undefined && (standsAlone(next.text) || STARTS_PARAGRAPH.test(next.text))));
  return stretches.flatMap((stretch) => {
    const wrapped = hardWrapped(stretch);
    return cutWhere(stretch, (p, next) => (wrapped ? next !== undefined && indented(next.line) : LINE_ENDS_PARAGRAPH.test(p.text))).map((pieces) => ({ ...block, pieces }));
  });
}

/** Headings and paragraphs of a Markdown-ish text, in order, with their per-line pieces. */
export function markdownBlocks(lines: readonly string[]): Block[] {
  // Leading spaces (ASCII or U+3000, the indent of every paragraph in a Word copy) carry no meaning.
  const text = lines.map((l) => l.replace(/^[\s\u3000]+/, '')).join('\n');
  const tree = unified().use(remarkParse).use(proseOnly).parse(text) as Root;
  const out: Block[] = [];
  for (const node of tree.children) {
    const block = toBlock(node);
    if (block && block.pieces.length > 0) out.push(...splitAtLineEnds(block, (line) => /^[\s\u3000]{2,}/.test(lines[line - 1] ?? '')));
  }
  return out;
}

export const blockText = (b: { pieces: LinePiece[] }): string => b.pieces.map((p) => p.text).join('');
export const blockHtml = (b: { pieces: LinePiece[] }): string => b.pieces.map((p) => p.html).join('');
export const blockLines = (b: { pieces: LinePiece[] }): [number, number] => [b.pieces[0]!.line, b.pieces[b.pieces.length - 1]!.line];

/** The source line holding character `offset` of the block's plain text. */
export function lineAt(b: { pieces: LinePiece[] }, offset: number): number {
  let pos = 0;
  for (const p of b.pieces) {
    pos += p.text.length;
    if (offset < pos) return p.line;
  }
  return b.pieces[b.pieces.length - 1]!.line;
}
