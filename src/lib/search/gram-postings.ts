// Posting lists of every 1-, 2- and 3-gram (the same grams as normalize.ts `gramsOf`) and unit key:
// the index build's hot loop, so built for speed at 100,000 documents. Grams are nodes of a trie,
// (prefix gram id, code point) → gram id, in an open-addressing hash table of typed arrays: the loop
// never builds or hashes a string (string-keyed Maps were the build's hot spot); a gram's string
// is made once, when first seen. Two passes over the texts, count then fill, put every list in one
// Int32Array (pushing ~14 million numbers onto 60,000 growing arrays cost ten times the hashing).
import { unitKey } from './index-format';

const SPACE = 0x20;
const NEWLINE = 0x0a; // FIELD_SEPARATOR

export interface Postings {
  /** Key of posting list i: a gram or a unitKey. */
  keys: string[];
  /** Ascending document numbers of key i. */
  lists: Int32Array[];
}

/** Gram ids of texts: `grams` lists every gram occurrence (repeats included) in text order. */
class GramTrie {
  readonly keys: string[] = [];
  /** 1-gram id per code point, -1 if not seen (direct lookup: every character needs one). */
  private uni = new Int32Array(0x110000).fill(-1);
  // Hash table slots: prefix gram id + 1 (0 = empty slot), code point, gram id.
  private slotPrefix = new Int32Array(1 << 16);
  private slotCp = new Int32Array(1 << 16);
  private slotId = new Int32Array(1 << 16);
  private used = 0;
  private units = new Map<number, number>();

  private static slot(key: number, cp: number, mask: number): number {
    return (Math.imul(key, 0x9e3779b1) ^ Math.imul(cp, 0x85ebca6b)) & mask;
  }

  private grow(): void {
    const [p, c, v] = [this.slotPrefix, this.slotCp, this.slotId];
    const size = p.length * 2;
    const mask = size - 1;
    this.slotPrefix = new Int32Array(size);
    this.slotCp = new Int32Array(size);
    this.slotId = new Int32Array(size);
    for (let i = 0; i < p.length; i++) {
      if (p[i] === 0) continue;
      let s = GramTrie.slot(p[i]!, c[i]!, mask);
      while (this.slotPrefix[s] !== 0) s = (s + 1) & mask;
      this.slotPrefix[s] = p[i]!;
      this.slotCp[s] = c[i]!;
      this.slotId[s] = v[i]!;
    }
  }

  /** The gram `prefix` followed by code point cp, whose own 1-gram is `tail`. */
  private extend(prefix: number, cp: number, tail: number): number {
    const key = prefix + 1;
    const mask = this.slotPrefix.length - 1;
    let s = GramTrie.slot(key, cp, mask);
    for (;;) {
      const k = this.slotPrefix[s]!;
      if (k === 0) break;
      if (k === key && this.slotCp[s] === cp) return this.slotId[s]!;
      s = (s + 1) & mask;
    }
    const id = this.keys.push(this.keys[prefix]! + this.keys[tail]!) - 1;
    this.slotPrefix[s] = key;
    this.slotCp[s] = cp;
    this.slotId[s] = id;
    if (++this.used * 2 > this.slotPrefix.length) this.grow();
    return id;
  }

  /** Ids of every gram occurrence of a text, in `out` (a reused buffer) up to the count returned. */
  out = new Int32Array(1 << 12);

  grams(normalized: string): number {
    if (this.out.length < normalized.length * 3) this.out = new Int32Array(normalized.length * 3);
    const out = this.out;
    let k = 0;
    let prevUni = -1; // 1-gram id of the previous character, -1 after a gap
    let prevBi = -1; // id of the 2-gram ending at the previous character, -1 if none
    const n = normalized.length;
    for (let i = 0; i < n; i++) {
      let cp = normalized.charCodeAt(i);
      if (cp === SPACE || cp === NEWLINE) {
        prevUni = prevBi = -1;
        continue;
      }
      // A surrogate pair is one character (as `for…of` in gramsOf); a lone surrogate is its own.
      if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < n) {
        const lo = normalized.charCodeAt(i + 1);
        if (lo >= 0xdc00 && lo <= 0xdfff) {
          cp = (cp - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
          i++;
        }
      }
      let u = this.uni[cp]!;
      if (u < 0) this.uni[cp] = u = this.keys.push(String.fromCodePoint(cp)) - 1;
      out[k++] = u;
      let b = -1;
      if (prevUni >= 0) {
        out[k++] = b = this.extend(prevUni, cp, u);
        if (prevBi >= 0) out[k++] = this.extend(prevBi, cp, u);
      }
      prevUni = u;
      prevBi = b;
    }
    return k;
  }

  unit(unitIndex: number): number {
    let id = this.units.get(unitIndex);
    if (id === undefined) this.units.set(unitIndex, (id = this.keys.push(unitKey(unitIndex)) - 1));
    return id;
  }
}

/** Postings of document n = text `texts[n]` (normalised) and unit indexes `units[n]`. */
export function gramPostings(texts: readonly string[], units: readonly (readonly number[])[]): Postings {
  const trie = new GramTrie();
  let counts = new Int32Array(1 << 16);
  let last = new Int32Array(1 << 16).fill(-1);
  const grow = (need: number) => {
    let size = counts.length;
    while (size < need) size *= 2;
    const c = new Int32Array(size);
    c.set(counts);
    counts = c;
    const l = new Int32Array(size).fill(-1);
    l.set(last);
    last = l;
  };
  // Pass 1: create the grams, count the documents of each (a document counts once per gram).
  for (let doc = 0; doc < texts.length; doc++) {
    const k = trie.grams(texts[doc]!);
    if (trie.keys.length > counts.length) grow(trie.keys.length);
    for (let i = 0; i < k; i++) {
      const id = trie.out[i]!;
      if (last[id] !== doc) {
        last[id] = doc;
        counts[id]!++;
      }
    }
    for (const u of units[doc]!) {
      const id = trie.unit(u);
      if (id >= counts.length) grow(id + 1);
      if (last[id] !== doc) {
        last[id] = doc;
        counts[id]!++;
      }
    }
  }
  // Pass 2: the same walk finds every gram already made; write each list into its slice of one pool.
  const grams = trie.keys.length;
  const start = new Int32Array(grams + 1);
  for (let i = 0; i < grams; i++) start[i + 1] = start[i]! + counts[i]!;
  const pool = new Int32Array(start[grams]!);
  const cursor = start.slice(0, grams);
  last.fill(-1);
  for (let doc = 0; doc < texts.length; doc++) {
    const k = trie.grams(texts[doc]!);
    const ids = trie.out;
    for (let i = 0; i < k; i++) {
      const id = ids[i]!;
      if (last[id] !== doc) {
        last[id] = doc;
        pool[cursor[id]!++] = doc;
      }
    }
    for (const u of units[doc]!) {
      const id = trie.unit(u);
      if (last[id] !== doc) {
        last[id] = doc;
        pool[cursor[id]!++] = doc;
      }
    }
  }
  const lists = new Array<Int32Array>(grams);
  for (let i = 0; i < grams; i++) lists[i] = pool.subarray(start[i]!, start[i + 1]!);
  return { keys: trie.keys, lists };
}
