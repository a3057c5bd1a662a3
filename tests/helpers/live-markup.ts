// What counts as live markup from content in a built file. Parsed with a real HTML parser (parse5 via
// hast-util-from-html), so what is found is what a browser would build, not what a regex guesses.
import { fromHtml } from 'hast-util-from-html';
import type { Element, Nodes } from 'hast';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse as parseCsv } from 'csv-parse/sync';

/** Elements the portal itself never writes into a page body from data. */
const FORBIDDEN = new Set(['iframe', 'object', 'embed', 'img', 'frame', 'frameset', 'applet', 'base', 'foreignobject', 'template', 'video', 'audio', 'portal']);
/** Off-site links written by the portal's own templates (not from content). */
const TEMPLATE_LINKS = ['https://specs.frictionlessdata.io/', 'https://www.w3.org/', 'http://www.w3.org/'];
const URL_ATTRS = ['href', 'src', 'action', 'formAction', 'xLinkHref', 'data', 'poster', 'srcSet'];

function elements(node: Nodes, out: Element[] = []): Element[] {
  if (node.type === 'element') out.push(node);
  if ('children' in node) for (const c of node.children) elements(c as Nodes, out);
  if (node.type === 'element' && node.tagName === 'template' && node.content) elements(node.content, out);
  return out;
}

/** Elements of a tree by tag name and, optionally, class. */
export function elementsIn(tree: Nodes, tag: string, className?: string): Element[] {
  return elements(tree).filter((e) => e.tagName === tag && (!className || ([e.properties?.className ?? []].flat() as string[]).includes(className)));
}

/**
 * Live markup in an HTML page that did not come from the portal's own templates: scripts other than the
 * bundled /_astro/ modules, a meta http-equiv other than the CSP, event-handler attributes, javascript:
 * URLs, links or sources to another site, and elements the portal never writes (iframe, img, object…).
 */
export function liveMarkupInHtml(html: string, ownOrigin = 'https://example.org/'): string[] {
  const found: string[] = [];
  const tree = fromHtml(html);
  for (const el of elements(tree)) {
    const p = el.properties ?? {};
    const name = el.tagName.toLowerCase();
    const show = () => `<${name} ${JSON.stringify(p).slice(0, 120)}>`;
    // The templates' own exceptions: a page's share card (an <img> of a PNG under share/) and the 长辈版 script file.
    const ownCard = name === 'img' && typeof p.src === 'string' && /^\/(?:[^/]+\/)*share\/[a-z0-9/_-]+\.png$/.test(p.src);
    if (FORBIDDEN.has(name) && !ownCard) found.push(show());
    const ownScript = typeof p.src === 'string' && (p.src.startsWith('/_astro/') || /^\/(?:[^/]+\/)*elder-mode\.js$/.test(p.src)) && el.children.length === 0;
    if (name === 'script' && !ownScript) found.push(show());
    if (name === 'meta' && p.httpEquiv !== undefined && String(p.httpEquiv).toLowerCase() !== 'content-security-policy') found.push(show());
    for (const k of Object.keys(p)) if (/^on/i.test(k)) found.push(show());
    for (const k of URL_ATTRS) {
      const v = p[k];
      if (v === undefined) continue;
      const s = String(v).trim();
      const offSite = (/^[a-z]+:/i.test(s) && !s.startsWith(ownOrigin)) || s.startsWith('//');
      // The portal's own absolute links start with the site root; its templates link to a few specifications.
      if (/^\s*(javascript|vbscript|data):/i.test(s) || (offSite && !(name === 'a' && TEMPLATE_LINKS.some((t) => s.startsWith(t))))) found.push(show());
    }
  }
  return found;
}

/** A standalone SVG file: any script, handler or foreign link. */
export const liveMarkupInSvg = (svg: string): string[] => liveMarkupInHtml(`<!doctype html><html><body>${svg}</body></html>`);

/** Does a piece of text, read as HTML (as RSS readers read title and description), hold any element? */
export function elementsInHtmlText(text: string): string[] {
  const tree = fromHtml(text, { fragment: true });
  return elements(tree).map((e) => e.tagName);
}

/** An RSS feed: well-formed XML, and its titles, descriptions and categories are text even when read as HTML. */
export function liveMarkupInFeed(xml: string): string[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return [`not well-formed XML: ${JSON.stringify(valid).slice(0, 200)}`];
  const doc = new XMLParser({ ignoreAttributes: false, processEntities: true, htmlEntities: false }).parse(xml);
  const channel = doc.rss.channel;
  const items = Array.isArray(channel.item) ? channel.item : channel.item ? [channel.item] : [];
  const texts = [channel.title, channel.description, ...items.flatMap((i: Record<string, unknown>) => [i.title, i.description, ...[i.category ?? []].flat()])];
  return texts.flatMap((t) => elementsInHtmlText(String(t ?? '')).map((e) => `<${e}> in ${String(t).slice(0, 80)}`));
}

const PLAIN_NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$/;
/** CSV cells a spreadsheet would run as a formula (OWASP: = + - @ tab CR, also after leading spaces/quotes). */
export function formulaCells(csv: string): string[] {
  const rows: string[][] = parseCsv(csv.replace(/^\uFEFF/, ''), { relax_column_count: true });
  return rows.flat().filter((c) => !PLAIN_NUMBER.test(c) && /^[\s\u00A0\u3000"'“”‘’]*[=+\-@\t\r\0]/.test(c) && !c.startsWith("'"));
}
