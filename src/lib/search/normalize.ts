// Text normalisation shared by the index build and the query side. Both must agree byte for byte, so
// every rule lives here and works one code point at a time: that keeps a map from each normalised
// UTF-16 unit back to the original text, which is what highlight offsets need (also for characters
// outside the BMP, which are two units long).

/** Zero-width and formatting characters that PDF/Word extraction leaves inside words. */
const INVISIBLE = /[\u00AD\u200B-\u200F\u2028\u2029\u202A-\u202E\u2060-\u2064\uFEFF]/u;
const SPACE = /\s/u;

/** Separator between fields of one document: never produced by a query, so no term spans two fields. */
export const FIELD_SEPARATOR = '\n';

/** Normalise one code point: drop invisibles, any space (incl. U+3000) → ' ', NFKC, lower case. */
function normalizeCodePoint(cp: string): string {
  // Fast path for what most of the text is: CJK ideographs (NFKC-stable) and lower-case ASCII/digits.
  const c = cp.charCodeAt(0);
  if (cp.length === 1 && ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39))) return cp;
  // Everything else (punctuation, full-width forms, …) once per distinct code point: the index build
  // normalises millions of characters, and the regular expressions and NFKC are the slow part.
  let out = normalized.get(cp);
  if (out === undefined) normalized.set(cp, (out = normalizeSlow(cp)));
  return out;
}

const normalized = new Map<string, string>();

function normalizeSlow(cp: string): string {
  if (INVISIBLE.test(cp)) return '';
  if (cp === FIELD_SEPARATOR) return FIELD_SEPARATOR;
  if (SPACE.test(cp)) return ' ';
  return cp.normalize('NFKC').toLowerCase();
}

export interface MappedText {
  /** The normalised text. */
  text: string;
  /** map[i] = UTF-16 offset in the original of normalised unit i; map[text.length] = original length. */
  map: number[];
}

/** Han ideographs (the common blocks): a space between two of them is extraction damage, not a word break. */
function isHan(cp: string): boolean {
  const c = cp.codePointAt(0)!;
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x20000 && c <= 0x2ffff) || (c >= 0xf900 && c <= 0xfaff);
}

/**
 * Normalise and keep the offset map. Runs of spaces collapse to one; a space between two Han
 * characters is dropped (区投资促进 中心, 崔 赞: PDF/OCR damage, and Chinese has no word spaces), so
 * unbroken queries find broken names. A query gets the same rule, so a pasted broken name still matches.
 */
export function normalizeWithMap(original: string): MappedText {
  let text = '';
  const map: number[] = [];
  let offset = 0;
  let gap = false; // the text so far ends with a space or a field separator
  let pending = -1; // offset of a held-back space (emitted unless a Han character follows a Han character)
  let prevHan = false;
  for (const cp of original) {
    let out = normalizeCodePoint(cp);
    if (out === ' ') {
      if (!gap && pending < 0) pending = offset;
      offset += cp.length;
      continue;
    }
    if (out && pending >= 0) {
      if (!(prevHan && isHan(out))) {
        map.push(pending);
        text += ' ';
        gap = true;
      }
      pending = -1;
    }
    for (let k = 0; k < out.length; k++) map.push(offset);
    if (out) {
      gap = endsWithGap(out);
      prevHan = isHan(out);
    }
    text += out;
    offset += cp.length;
  }
  if (pending >= 0) {
    map.push(pending);
    text += ' ';
  }
  map.push(offset);
  return { text, map };
}

/**
 * Normalise text for indexing and matching (same result as normalizeWithMap(s).text). `joinHan`
 * false keeps every space (the query parser splits on them before a phrase is normalised).
 */
export function normalizeText(original: string, joinHan = true): string {
  let text = '';
  let gap = false;
  let pending = false;
  let prevHan = false;
  for (const cp of original) {
    const out = normalizeCodePoint(cp);
    if (out === ' ') {
      if (!gap) pending = true;
      continue;
    }
    if (out && pending) {
      if (!(joinHan && prevHan && isHan(out))) {
        text += ' ';
        gap = true;
      }
      pending = false;
    }
    if (out) {
      gap = endsWithGap(out);
      prevHan = isHan(out);
    }
    text += out;
  }
  if (pending) text += ' ';
  return text;
}

/** Tracked as the text grows: `endsWith` on a string built by `+=` is slow. */
function endsWithGap(s: string): boolean {
  const last = s.charCodeAt(s.length - 1);
  return last === 0x20 || last === 0x0a;
}

/** Code points of a string (so a non-BMP character counts as one). */
function codePoints(s: string): string[] {
  return Array.from(s);
}

/** True for characters that never take part in an n-gram: spaces and the field separator. */
function isGap(cp: string): boolean {
  return cp === ' ' || cp === FIELD_SEPARATOR;
}

/** Longest n-gram the index stores: terms up to this many characters are answered exactly by it. */
// Exported (though used only here) so the bundler inlines it into the search client: the built bytes stay as they were.
export const MAX_GRAM = 3;

/** Every distinct 1-, 2- and 3-gram of normalised text (never spanning a space or a field). */
export function gramsOf(normalized: string): Set<string> {
  const grams = new Set<string>();
  let p1 = '';
  let p2 = '';
  for (const cp of normalized) {
    if (isGap(cp)) {
      p1 = p2 = '';
      continue;
    }
    grams.add(cp);
    if (p1) grams.add(p1 + cp);
    if (p2) grams.add(p2 + p1 + cp);
    p2 = p1;
    p1 = cp;
  }
  return grams;
}

/** The n-grams of a string's code points (n ≤ length). */
export function ngrams(s: string, n: number): string[] {
  const cps = codePoints(s);
  const out: string[] = [];
  for (let i = 0; i + n <= cps.length; i++) out.push(cps.slice(i, i + n).join(''));
  return out;
}

/**
 * The grams a document containing `term` must have: the term itself up to three characters
 * (then the posting list is the exact answer), else its trigrams. A term with a space in it (a
 * quoted phrase) contributes the grams of each part. Long terms use at most `limit` trigrams,
 * spread over the term, to bound what a query fetches; the candidates are then a superset and the
 * text check makes the page exact.
 */
export function gramsForTerm(term: string, limit = 4): string[] {
  const out: string[] = [];
  for (const part of term.split(/[ \n]+/)) {
    const cps = codePoints(part);
    if (cps.length === 0) continue;
    if (cps.length <= MAX_GRAM) {
      out.push(part);
      continue;
    }
    const grams = ngrams(part, MAX_GRAM);
    if (grams.length <= limit) out.push(...grams);
    else for (let k = 0; k < limit; k++) out.push(grams[Math.round((k * (grams.length - 1)) / (limit - 1))]!);
  }
  return [...new Set(out)];
}

/** True when the gram index alone answers the term exactly (no space, at most MAX_GRAM characters). */
export function exactByGrams(term: string): boolean {
  return !/[ \n]/.test(term) && codePoints(term).length <= MAX_GRAM;
}
