// Charts are pure functions returning markup, so the fixture tests can compare the exact (rounded)
// output, as d3-shape's own tests do. Markup is built only with `el`/`frag` (~/lib/markup): every label
// from a source file is a text child and is escaped by construction.
export { el, frag, type Child } from '~/lib/markup';

/** Percentage with at most one decimal, for summaries and labels. */
export function pct(part: number, whole: number): string {
  if (whole <= 0) return '0%';
  return `${Math.round((part / whole) * 1000) / 10}%`;
}

/** A two-line axis label as one phrase, with the year as a word: "2023年9月", never "20239月". */
export function labelText(label: readonly [string, string]): string {
  return /^\d{4}$/.test(label[0]) ? `${label[0]}年${label[1]}` : label.filter(Boolean).join(' ');
}
