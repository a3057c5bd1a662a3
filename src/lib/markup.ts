// Where text meets markup that is not written by Astro's own templates (which escape every expression):
// the build-time SVG charts, the sanitised cell HTML assembled into bulletin cells, the work-report
// pieces and the embed snippet. Escaping is by construction: a plain string is always text and is
// escaped; only a `Markup` value (made by `el`, `frag`, or `trusted` for the sanitiser's output and our
// own constants) is written as markup. Forgetting to wrap gives visibly escaped text, never live markup.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** The one escape for text and attribute values in HTML, SVG and XML: & < > " ' all become entities. */
export function escapeHtml(s: string | number): string {
  return String(s).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** A piece of markup known to be safe: built by the helpers below, or explicitly trusted. */
export class Markup {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

export type Child = Markup | string | number | false | null | undefined | readonly Child[];

/**
 * Markup that is trusted as it is: the sanitiser's output (hast-util-sanitize, src/lib/ingest/rich-text.ts)
 * and constant markup written in this repository. Never call it on text from a source file.
 */
export function trusted(html: string): Markup {
  return new Markup(html);
}

function write(child: Child): string {
  if (child === false || child === null || child === undefined) return '';
  if (child instanceof Markup) return child.html;
  if (Array.isArray(child)) return (child as readonly Child[]).map(write).join('');
  return escapeHtml(child as string | number);
}

/** Children side by side; every plain string among them is escaped. */
export function frag(...children: Child[]): Markup {
  return new Markup(children.map(write).join(''));
}

/** Round to 2 decimals and drop trailing zeros, so numbers in markup are stable across platforms. */
function round2(n: number): string {
  const v = Math.round(n * 100) / 100;
  return String(Object.is(v, -0) ? 0 : v);
}

const NAME = /^[a-zA-Z][\w:-]*$/;

/**
 * `<tag a="1" b="x">children</tag>`: attribute values and text children are escaped, numbers rounded,
 * undefined attributes skipped. With no children the element is self-closed (SVG).
 */
export function el(tag: string, attrs: Record<string, string | number | undefined>, ...children: Child[]): Markup {
  if (!NAME.test(tag)) throw new Error(`el(): “${tag}” is not an element name`);
  const a = Object.entries(attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => {
      if (!NAME.test(k) || /^on/i.test(k)) throw new Error(`el(): “${k}” is not an allowed attribute name`);
      return ` ${k}="${typeof v === 'number' ? round2(v) : escapeHtml(v as string)}"`;
    })
    .join('');
  return new Markup(children.length === 0 ? `<${tag}${a}/>` : `<${tag}${a}>${children.map(write).join('')}</${tag}>`);
}
