// Highlighting: ranges found in normalised text are mapped back to the text as printed through the
// offset map, so a highlight never splits a surrogate pair or lands one character off after a
// non-BMP character, a dropped zero-width space or a full-width letter.
import { normalizeWithMap } from './normalize';

export interface Segment {
  text: string;
  hit: boolean;
}

/** [start, end) ranges in normalised text where any term occurs. */
function termRanges(normalized: string, terms: readonly string[]): [number, number][] {
  const out: [number, number][] = [];
  for (const t of terms) {
    if (!t) continue;
    for (let i = normalized.indexOf(t); i !== -1; i = normalized.indexOf(t, i + t.length)) out.push([i, i + t.length]);
  }
  return out;
}

/** Merge overlapping [start, end) ranges. */
function mergeRanges(ranges: [number, number][]): [number, number][] {
  const sorted = ranges.slice().sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** Map normalised ranges to ranges of the original text. */
export function mapRanges(map: readonly number[], ranges: [number, number][]): [number, number][] {
  return mergeRanges(ranges.map(([s, e]) => [map[s]!, e >= map.length ? map[map.length - 1]! : map[e]!]));
}

/** Split the original text into plain and highlighted segments. */
export function toSegments(original: string, ranges: [number, number][]): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const [s, e] of ranges) {
    if (s > at) out.push({ text: original.slice(at, s), hit: false });
    if (e > s) out.push({ text: original.slice(s, e), hit: true });
    at = Math.max(at, e);
  }
  if (at < original.length) out.push({ text: original.slice(at), hit: false });
  return out;
}

/** Highlight every occurrence of the (normalised) terms in a field as printed. */
export function highlight(original: string, terms: readonly string[]): { segments: Segment[]; hits: number } {
  const { text, map } = normalizeWithMap(original);
  const ranges = mapRanges(map, termRanges(text, terms));
  return { segments: toSegments(original, ranges), hits: ranges.length };
}

/** Keep a surrogate pair whole when cutting at `i`. */
function safeCut(s: string, i: number): number {
  if (i <= 0 || i >= s.length) return Math.max(0, Math.min(i, s.length));
  const c = s.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff ? i - 1 : i;
}

/** Shorten segments to about `context` characters around the first hit, marking cuts with …. */
export function window(segments: Segment[], context = 60): Segment[] {
  const full = segments.map((s) => s.text).join('');
  if (full.length <= context * 2 + 20) return segments;
  let pos = 0;
  let first = -1;
  for (const s of segments) {
    if (s.hit) {
      first = pos;
      break;
    }
    pos += s.text.length;
  }
  const start = safeCut(full, Math.max(0, (first < 0 ? 0 : first) - context));
  const end = safeCut(full, Math.min(full.length, start + context * 2 + 20));
  const out: Segment[] = [];
  if (start > 0) out.push({ text: '…', hit: false });
  pos = 0;
  for (const s of segments) {
    const a = Math.max(start, pos);
    const b = Math.min(end, pos + s.text.length);
    if (b > a) out.push({ text: s.text.slice(a - pos, b - pos), hit: s.hit });
    pos += s.text.length;
  }
  if (end < full.length) out.push({ text: '…', hit: false });
  return out;
}
