// Build time only (Node): the lexicon and readings files the query side uses to find what people type.
//   lexicon.json  — groups of equivalent names (the reviewed synonym table, each unit's and leader's
//                   printed forms) and a traditional → simplified map for the characters the index holds.
//   sounds.json   — readings (toneless pinyin) of unit/leader names, the table's
//                   everyday terms and the documents' frequent words; initials of names.
//   readings.json — toneless syllable → the common characters (GB 2312 level 1 and every character of
//                   the documents) read that way, so a sound-alike typo can be read in the browser.
// pinyin-pro and opencc-js stay here: the browser gets only these small tables.
import { pinyin } from 'pinyin-pro';
import * as OpenCC from 'opencc-js';
import iconv from 'iconv-lite';
import type { IndexLexicon, IndexReadings, IndexSounds } from './index-format';
import { normalizeText } from './normalize';
import type { SynonymsFile } from './synonyms-file';

export interface LexiconInput {
  synonyms: SynonymsFile;
  units: { name: string; aliases: string[]; variants?: string[] }[];
  leaders: { name: string; variants: string[] }[];
  /** Normalised document texts (for the frequent words and the characters the index holds). */
  texts: readonly string[];
}

const HAN = /^[\u4e00-\u9fff]+$/u;
/** Frequent words: two-character runs in at least this many documents, at most this many of them. */
const WORD_MIN_DOCS = 4;
const WORD_MAX = 2500;

/** Toneless pinyin of a Han word, no separators (财政 → caizheng); '' if it is not all Han. */
function readingOf(word: string): string {
  if (!HAN.test(word)) return '';
  return pinyin(word, { toneType: 'none', type: 'array', v: true }).join('');
}

function initialsOf(word: string): string {
  if (!HAN.test(word)) return '';
  return pinyin(word, { pattern: 'first', toneType: 'none', type: 'array', v: true }).join('');
}

const sorted = <T>(xs: Iterable<T>) => [...xs].sort();

/**
 * Memoised normalisation for names and forms: at 100× the seeds the same few hundred names come back
 * thousands of times (every district has a 区财政局), and normalising is the costly part.
 */
function normalizer(): (s: string) => string {
  const done = new Map<string, string>();
  return (s) => {
    let n = done.get(s);
    if (n === undefined) done.set(s, (n = normalizeText(s).trim()));
    return n;
  };
}

/**
 * Each unit's forms that name it alone: its name, and every alias or variant in which no other unit's
 * name occurs. A printed variant that glues two units together (闻韶街道办事处稷下街道办事处) names neither alone.
 * "No other unit's name occurs in f" is answered from an index of the normalised names (how many
 * units bear each) by looking up f's substrings of the lengths names have, not by scanning every unit
 * for every form: the scan cost units² (5,464 units at 100× the seeds: most of the index build).
 * Equal names count per unit, as the scan did: with two units named 区财政局, a form of one that
 * contains 区财政局 contains the other's name.
 */
export function soleForms(units: readonly { name: string; aliases: string[]; variants?: string[] }[], norm: (s: string) => string = normalizer()): string[][] {
  const bearers = new Map<string, number>();
  for (const u of new Set(units)) bearers.set(norm(u.name), (bearers.get(norm(u.name)) ?? 0) + 1);
  const lengths = [...new Set([...bearers.keys()].map((n) => n.length))].sort((a, b) => a - b);
  // Whether some other unit's name is a substring (in UTF-16 units, as String.includes) of `form`.
  const gluesAnother = (form: string, own: string): boolean => {
    for (const len of lengths) {
      if (len > form.length) break;
      for (let i = 0; i + len <= form.length; i++) {
        const s = form.slice(i, i + len);
        const n = bearers.get(s);
        if (n !== undefined && n - (s === own ? 1 : 0) > 0) return true;
        if (len === 0) break; // '' occurs once is enough to know
      }
    }
    return false;
  };
  // The answer depends only on the normalised form and the unit's own normalised name: at 100× the
  // same pairs recur in every district.
  const known = new Map<string, boolean>();
  return units.map((u) => {
    const own = norm(u.name);
    return [u.name, ...u.aliases, ...(u.variants ?? [])].filter((f) => {
      if (f === u.name) return true;
      const key = `${own}\u0000${norm(f)}`;
      let glued = known.get(key);
      if (glued === undefined) known.set(key, (glued = gluesAnother(norm(f), own)));
      return !glued;
    });
  });
}

export function buildLexicon(input: LexiconInput): { lexicon: IndexLexicon; sounds: IndexSounds } {
  const norm = normalizer();
  const groups: string[][] = [];
  const seenGroup = new Set<string>();
  const addGroup = (forms: string[]) => {
    const g = [...new Set(forms.map(norm).filter((f) => f.length >= 2))];
    if (g.length < 2) return;
    const key = sorted(g).join('|');
    if (seenGroup.has(key)) return;
    seenGroup.add(key);
    groups.push(g);
  };
  for (const e of [...input.synonyms.bodies, ...input.synonyms.abbreviations]) addGroup(e.forms);
  const unitNames = new Set<string>();
  const sole = soleForms(input.units, norm);
  input.units.forEach((u, i) => {
    addGroup(sole[i]!);
    unitNames.add(norm(u.name));
    for (const a of u.aliases) unitNames.add(norm(a));
  });
  const leaderNames = new Set<string>();
  for (const l of input.leaders) {
    addGroup([l.name, ...l.variants]);
    leaderNames.add(norm(l.name));
  }

  // Words whose reading a query can resolve: names, the table's forms and terms, frequent words.
  const words = new Set<string>([...unitNames, ...leaderNames, ...groups.flat(), ...input.synonyms.terms.map(norm)]);
  for (const w of frequentWords(input.texts)) words.add(w);

  const py = new Map<string, Set<string>>();
  const add = (m: Map<string, Set<string>>, k: string, w: string) => {
    if (!k) return;
    const s = m.get(k) ?? new Set<string>();
    s.add(w);
    m.set(k, s);
  };
  for (const w of words) add(py, readingOf(w), w);
  const ini = new Map<string, Set<string>>();
  for (const w of [...unitNames, ...leaderNames]) {
    const i = initialsOf(w);
    if (i.length >= 2) add(ini, i, w);
  }
  const asRecord = (m: Map<string, Set<string>>) => Object.fromEntries(sorted(m.keys()).map((k) => [k, sorted(m.get(k)!).join('|')]));
  return { lexicon: { groups, t2s: traditionalPairs(input.texts) }, sounds: { py: asRecord(py), ini: asRecord(ini) } };
}

/**
 * Two-character Han words in at least WORD_MIN_DOCS documents, the WORD_MAX most frequent (ties by
 * code point order). One pass over the texts' UTF-16 units (the range is in the BMP, so a unit is a
 * character); a word is counted under a number (no string per occurrence) and once per document, by
 * remembering the last document that counted it.
 */
function frequentWords(texts: readonly string[]): string[] {
  const HAN_SPAN = 0x9fff - 0x4e00 + 1;
  const slot = new Map<number, number>();
  const counts: number[] = [];
  const lasts: number[] = [];
  texts.forEach((t, d) => {
    let prev = -1;
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i) - 0x4e00;
      if (c < 0 || c >= HAN_SPAN) {
        prev = -1;
        continue;
      }
      if (prev >= 0) {
        const w = prev * HAN_SPAN + c;
        const k = slot.get(w);
        if (k === undefined) {
          slot.set(w, counts.length);
          counts.push(1);
          lasts.push(d);
        } else if (lasts[k] !== d) {
          counts[k]!++;
          lasts[k] = d;
        }
      }
      prev = c;
    }
  });
  const frequent: [string, number][] = [];
  for (const [w, k] of slot) {
    if (counts[k]! >= WORD_MIN_DOCS) frequent.push([String.fromCharCode(0x4e00 + Math.floor(w / HAN_SPAN), 0x4e00 + (w % HAN_SPAN)), counts[k]!]);
  }
  return frequent
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, WORD_MAX)
    .map(([w]) => w);
}

/**
 * Every code point of the texts, once (each text is tens of kilobytes at most, the whole set tens of
 * megabytes: read by UTF-16 unit, not by a string iterator). Kept while the texts array lives, as
 * both the t2s pairs and the readings need it.
 */
function charsOf(texts: readonly string[]): ReadonlySet<string> {
  const known = charsKnown.get(texts);
  if (known) return known;
  const bmp = new Uint8Array(0x10000);
  const chars = new Set<string>();
  for (const t of texts) {
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < t.length) {
        const d = t.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          chars.add(t.slice(i, i + 2));
          i++;
          continue;
        }
      }
      bmp[c] = 1;
    }
  }
  for (let c = 0; c < bmp.length; c++) if (bmp[c]) chars.add(String.fromCharCode(c));
  charsKnown.set(texts, chars);
  return chars;
}
const charsKnown = new WeakMap<readonly string[], ReadonlySet<string>>();

/** Characters of a legacy double-byte code page, by decoding its byte range with iconv-lite. */
function codePageChars(encoding: string, rows: [number, number], cols: [number, number]): string[] {
  const out: string[] = [];
  for (let hi = rows[0]; hi <= rows[1]; hi++) {
    for (let lo = cols[0]; lo <= cols[1]; lo++) {
      const ch = iconv.decode(Buffer.from([hi, lo]), encoding);
      if (HAN.test(ch)) out.push(ch);
    }
  }
  return out;
}

/** Traditional → simplified pairs (OpenCC), only where the simplified character occurs in the index. */
export function traditionalPairs(texts: readonly string[]): string {
  const held = charsOf(texts);
  const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
  // Big5 covers the traditional characters a reader in Taiwan or Hong Kong types.
  const big5 = [...codePageChars('big5', [0xa4, 0xc6], [0x40, 0x7e]), ...codePageChars('big5', [0xa4, 0xc6], [0xa1, 0xfe]), ...codePageChars('big5', [0xc9, 0xf9], [0x40, 0x7e]), ...codePageChars('big5', [0xc9, 0xf9], [0xa1, 0xfe])];
  let pairs = '';
  for (const t of sorted(new Set(big5))) {
    const s = toSimplified(t);
    if (s !== t && Array.from(s).length === 1 && held.has(s)) pairs += t + s;
  }
  return pairs;
}

/** syllable → characters: GB 2312 level 1 (what an input method offers first) plus every held character. */
export function buildReadings(texts: readonly string[]): IndexReadings {
  const chars = new Set(codePageChars('gb2312', [0xb0, 0xd7], [0xa1, 0xfe]));
  for (const ch of charsOf(texts)) if (HAN.test(ch)) chars.add(ch);
  const bySyllable = new Map<string, string>();
  for (const ch of sorted(chars)) {
    const all = pinyin(ch, { multiple: true, toneType: 'none', type: 'array', v: true });
    for (const s of new Set(all)) if (/^[a-z]+$/.test(s)) bySyllable.set(s, (bySyllable.get(s) ?? '') + ch);
  }
  return Object.fromEntries(sorted(bySyllable.keys()).map((k) => [k, bySyllable.get(k)!]));
}
