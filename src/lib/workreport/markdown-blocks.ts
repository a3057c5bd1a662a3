// A work report is prose printed as loose Markdown: headings (#…####, used inconsistently), paragraphs,
// inline <sub>/<sup>. remark-parse gives us the blocks with their source lines; we keep, per source
// line, the plain text and the sanitised HTML it contributes, so a phrase found later can cite its line.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Root, RootContent, PhrasingContent } from 'mdast';
import { escapeHtml } from '~/lib/markup';
import { cleanText } from '../targets/clean-text';

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

/** Headings and paragraphs of a Markdown-ish text, in order, with their per-line pieces. */
export function markdownBlocks(lines: readonly string[]): Block[] {
  const tree = unified().use(remarkParse).parse(lines.join('\n')) as Root;
  const out: Block[] = [];
  for (const node of tree.children) {
    const block = toBlock(node);
    if (block && block.pieces.length > 0) out.push(block);
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
