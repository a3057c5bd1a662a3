import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import { sanitize, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { toText } from 'hast-util-to-text';
import type { Element, Nodes, Root, RootContent } from 'hast';
import type { RichText } from '../schema';
import { escapeHtml } from '~/lib/markup';
import { cleanProse, removeCjkSpaces, type SpaceJoin } from './text';

/**
 * What source markup may reach a page. Anything else (script, img, iframe, style, attributes, links) is
 * dropped by the sanitiser, never escaped-and-passed-through by hand.
 */
export const CELL_SCHEMA: Schema = {
  tagNames: ['b', 'strong', 'sup', 'sub', 'p', 'br'],
  attributes: {},
  protocols: {},
  ancestors: {},
  clobber: [],
  clobberPrefix: '',
  strip: ['script', 'style', 'iframe', 'object', 'embed', 'template', 'noscript', 'svg', 'math'],
};

const parser = unified().use(rehypeParse, { fragment: true });
const HTML_TAG = /<\/?[a-zA-Z][\w-]*(?:\s[^<>]*)?\/?>|<!--/;

/** Parse and sanitise a cell's markup; text nodes get the PDF-space clean-up. */
function sanitizeCell(raw: string, fixSpaces = true, join?: SpaceJoin): Root {
  // Multi-line cells without markup (000) become paragraphs so line structure survives.
  // Anything that looks like a tag sends the cell through the HTML parser and the sanitiser, so markup
  // nobody meant to run is removed, never shown or passed through as text.
  const source = HTML_TAG.test(raw) ? raw.replace(/\n+/g, ' ') : toParagraphs(raw);
  const tree = sanitize(parser.parse(source), CELL_SCHEMA) as Root;
  if (fixSpaces) visitText(tree, (value) => removeCjkSpaces(value.replace(/[ \t\u00A0]+/g, ' '), join));
  return tree;
}

function toParagraphs(raw: string): string {
  const paras = raw.split(/\n\s*\n|\n/).map((p) => p.trim()).filter(Boolean);
  return paras.length > 1 ? paras.map((p) => `<p>${escapeHtml(p)}</p>`).join('') : escapeHtml(paras[0] ?? '');
}

function visitText(node: Nodes, fix: (value: string) => string): void {
  if (node.type === 'text') {
    node.value = fix(node.value);
    return;
  }
  if ('children' in node) for (const child of node.children) visitText(child as Nodes, fix);
}

/** A cell as RichText: plain text (paragraphs on their own lines), sanitised HTML, labelled sub-items. */
export function toRichText(raw: string, join?: SpaceJoin): RichText {
  const tree = sanitizeCell(raw, true, join);
  const html = toHtml(tree).trim();
  const text = cleanProse(blockText(tree), join);
  const items = labelledItems(tree);
  return items.length > 0 ? { text, html, items } : { text, html };
}

function blockText(tree: Root): string {
  const blocks: string[] = [];
  let inline = '';
  for (const child of tree.children) {
    if (child.type === 'element' && child.tagName === 'p') {
      if (inline.trim()) blocks.push(inline);
      inline = '';
      blocks.push(toText(child));
    } else {
      inline += toText(child as RootContent as Element);
    }
  }
  if (inline.trim()) blocks.push(inline);
  return blocks.join('\n');
}

/** `<b>智能装备产业园：</b>基础设施…<b>大数据产业园：</b>…` → [{label, text}]. */
function labelledItems(tree: Root): { label: string; text: string }[] {
  const flat: RootContent[] = [];
  for (const child of tree.children) {
    if (child.type === 'element' && child.tagName === 'p') flat.push(...child.children, { type: 'text', value: '\n' });
    else flat.push(child);
  }
  const items: { label: string; text: string }[] = [];
  let current: { label: string; text: string } | null = null;
  for (const node of flat) {
    const isLabel =
      node.type === 'element' && (node.tagName === 'b' || node.tagName === 'strong') && /[：:]\s*$/.test(toText(node));
    if (isLabel) {
      if (current) items.push(current);
      current = { label: toText(node as Element).trim().replace(/[：:]\s*$/, ''), text: '' };
    } else if (current) {
      current.text += node.type === 'text' ? node.value : toText(node as Element);
    }
  }
  if (current) items.push(current);
  return items.length >= 1 ? items.map((i) => ({ label: cleanProse(i.label), text: cleanProse(i.text).replace(/\n/g, ' ') })) : [];
}

/**
 * Plain text of a cell (markup removed, spaces collapsed but kept) — for unit and leader cells, where a
 * space separates two names and the name splitter decides which spaces are PDF damage.
 */
export function cellPlainText(raw: string): string {
  return toText(sanitizeCell(raw.replace(/\n/g, '<br>'), false) as Root).replace(/[ \t\u00A0]+/g, ' ').trim();
}
