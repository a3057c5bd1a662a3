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

export function buildLexicon(input: LexiconInput): { lexicon: IndexLexicon; sounds: IndexSounds } {
  const norm = (s: string) => normalizeText(s).trim();
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
  for (const u of input.units) {
    const forms = [u.name, ...u.aliases, ...(u.variants ?? [])];
    // A printed variant that glues two units together (闻韶街道办事处稷下街道办事处) names neither alone.
    addGroup(forms.filter((f) => f === u.name || !input.units.some((o) => o !== u && norm(f).includes(norm(o.name)))));
    unitNames.add(norm(u.name));
    for (const a of u.aliases) unitNames.add(norm(a));
  }
  const leaderNames = new Set<string>();
  for (const l of input.leaders) {
    addGroup([l.name, ...l.variants]);
    leaderNames.add(norm(l.name));
  }

  // Words whose reading a query can resolve: names, the table's forms and terms, frequent words.
  const words = new Set<string>([...unitNames, ...leaderNames, ...groups.flat(), ...input.synonyms.terms.map(norm)]);
  const docFreq = new Map<string, number>();
  for (const t of input.texts) {
    const seen = new Set<string>();
    for (const run of t.match(/[\u4e00-\u9fff]{2,}/gu) ?? []) {
      const cps = Array.from(run);
      for (let i = 0; i + 2 <= cps.length; i++) seen.add(cps[i]! + cps[i + 1]!);
    }
    for (const w of seen) docFreq.set(w, (docFreq.get(w) ?? 0) + 1);
  }
  [...docFreq]
    .filter(([, n]) => n >= WORD_MIN_DOCS)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, WORD_MAX)
    .forEach(([w]) => words.add(w));

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
function traditionalPairs(texts: readonly string[]): string {
  const held = new Set<string>();
  for (const t of texts) for (const ch of t) held.add(ch);
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
  for (const t of texts) for (const ch of t) if (HAN.test(ch)) chars.add(ch);
  const bySyllable = new Map<string, string>();
  for (const ch of sorted(chars)) {
    const all = pinyin(ch, { multiple: true, toneType: 'none', type: 'array', v: true });
    for (const s of new Set(all)) if (/^[a-z]+$/.test(s)) bySyllable.set(s, (bySyllable.get(s) ?? '') + ch);
  }
  return Object.fromEntries(sorted(bySyllable.keys()).map((k) => [k, bySyllable.get(k)!]));
}
