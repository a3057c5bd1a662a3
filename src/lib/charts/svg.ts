// Tiny helpers to write SVG markup as strings. Charts are pure functions returning markup, so the
// fixture tests can compare the exact (rounded) output, as d3-shape's own tests do.

/** Escape text for XML attribute values and text nodes. */
export function esc(s: string | number): string {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Round to 2 decimals and drop trailing zeros, so output is stable across platforms. */
export function r(n: number): string {
  const v = Math.round(n * 100) / 100;
  return String(Object.is(v, -0) ? 0 : v);
}

/** `<tag a="1" b="x">` from an attribute map; undefined values are skipped, numbers rounded. */
export function el(tag: string, attrs: Record<string, string | number | undefined>, children?: string): string {
  const a = Object.entries(attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? r(v) : esc(v as string)}"`)
    .join('');
  return children === undefined ? `<${tag}${a}/>` : `<${tag}${a}>${children}</${tag}>`;
}

/** Percentage with at most one decimal, for summaries and labels. */
export function pct(part: number, whole: number): string {
  if (whole <= 0) return '0%';
  return `${Math.round((part / whole) * 1000) / 10}%`;
}

/** A two-line axis label as one phrase, with the year as a word: "2023年9月", never "20239月". */
export function labelText(label: readonly [string, string]): string {
  return /^\d{4}$/.test(label[0]) ? `${label[0]}年${label[1]}` : label.filter(Boolean).join(' ');
}
