// Similar pledges in other years of the same district, by character-bigram similarity.
//
// Why bigrams: Chinese has no spaces, and two-character words carry most of the meaning
// (推进/改造/棚户), so the set of adjacent character pairs is a cheap, dependable fingerprint.
// Score: Dice coefficient 2·|A∩B| / (|A|+|B|) over the bigram sets.
// Threshold: SIMILARITY_THRESHOLD (0.25), read off the seeds' score distribution: at or above it
// pairs are recognisably the same pledge or the same project (启动市民文化中心建设 0.67; 打通学府路、
// 天齐路 0.29; 办好齐文化节 0.27); below ~0.22 they mostly share boilerplate (推进, 加快, 力争).
// The about page prints this value; tests/pages-similar.test.ts checks it against brute force.
//
// Never all pairs: an inverted index (bigram → tasks) per district gives each task only the
// candidates that share a bigram; bigrams found in more than MAX_SHARE of a district's pledges
// (boilerplate) do not nominate candidates, so the work per task stays bounded as data grows.

export const SIMILARITY_THRESHOLD = 0.25;
export const MAX_SIMILAR = 5;
/** A bigram in more than this share of a district's pledges nominates no candidates… */
export const MAX_SHARE = 0.2;
/** …nor one in more than this many (keeps the work per pledge bounded however long a district's record grows). */
export const MAX_POSTINGS = 40;
/** How many best candidates (by shared rare bigrams) get an exact score. */
const MAX_CANDIDATES = 15;

export interface SimilarDoc {
  id: string;
  district: string;
  year: number;
  text: string;
}

export interface SimilarHit {
  id: string;
  score: number;
}

/** The characters bigrams() pairs: letters, digits and CJK characters after NFKC folding. */
const pairedChars = (text: string): string[] => text.normalize('NFKC').match(/[\p{L}\p{N}]/gu) ?? [];

/** Bigrams of the letters, digits and CJK characters of a text (punctuation and spaces dropped). */
export function bigrams(text: string): Set<string> {
  const chars = pairedChars(text);
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return out;
}

export function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const g of small) if (large.has(g)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/**
 * A group's bigram sets as sorted arrays of small integers (one id per distinct bigram in the group):
 * the same sets as bigrams() gives, but intersected by a merge instead of hashing strings.
 */
function bigramIds(texts: readonly string[]): Int32Array[] {
  const ids = new Map<string, number>();
  return texts.map((text) => {
    const chars = pairedChars(text);
    const own = new Set<number>();
    for (let i = 0; i + 1 < chars.length; i++) {
      const g = chars[i]! + chars[i + 1]!;
      let id = ids.get(g);
      if (id === undefined) ids.set(g, (id = ids.size));
      own.add(id);
    }
    return Int32Array.from(own).sort();
  });
}

/** dice() over two bigramIds() sets. */
function diceIds(a: Int32Array, b: Int32Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      shared++;
      i++;
      j++;
    }
  }
  return (2 * shared) / (a.length + b.length);
}

/** For every doc, its similar docs of the same district in other years, best first. */
export function similarPledges(
  docs: SimilarDoc[],
  threshold = SIMILARITY_THRESHOLD,
  limit = MAX_SIMILAR,
  /** Optional counter of exact scorings, so tests can show the work is not all pairs. */
  stats?: { scored: number },
): Map<string, SimilarHit[]> {
  const byDistrict = new Map<string, SimilarDoc[]>();
  for (const d of docs) {
    const list = byDistrict.get(d.district);
    if (list) list.push(d);
    else byDistrict.set(d.district, [d]);
  }
  const result = new Map<string, SimilarHit[]>();
  for (const group of byDistrict.values()) {
    const grams = bigramIds(group.map((d) => d.text));
    const years = Int32Array.from(group, (d) => d.year);
    const postings: number[][] = [];
    grams.forEach((gs, i) => {
      for (const g of gs) (postings[g] ??= []).push(i);
    });
    const maxDf = Math.min(MAX_POSTINGS, Math.max(3, Math.floor(group.length * MAX_SHARE)));
    // Shared-bigram counts in a typed array, reset through the list of touched slots (no per-doc Map).
    const counts = new Int32Array(group.length);
    const touched: number[] = [];
    // The MAX_CANDIDATES best candidates (most shared rare bigrams, then first in the group), kept in
    // order by insertion: the same ones a sort of every candidate would put first, without the sort.
    const bestJ = new Int32Array(MAX_CANDIDATES);
    const bestN = new Int32Array(MAX_CANDIDATES);
    group.forEach((doc, i) => {
      touched.length = 0;
      const year = years[i]!;
      for (const g of grams[i]!) {
        const list = postings[g]!;
        if (list.length > maxDf) continue;
        for (const j of list) {
          if (years[j] === year) continue;
          if (counts[j]!++ === 0) touched.push(j);
        }
      }
      let nBest = 0;
      for (const j of touched) {
        const n = counts[j]!;
        counts[j] = 0;
        const last = nBest - 1;
        if (nBest === MAX_CANDIDATES && !(n > bestN[last]! || (n === bestN[last]! && j < bestJ[last]!))) continue;
        let at = nBest < MAX_CANDIDATES ? nBest++ : last;
        while (at > 0 && (n > bestN[at - 1]! || (n === bestN[at - 1]! && j < bestJ[at - 1]!))) {
          bestN[at] = bestN[at - 1]!;
          bestJ[at] = bestJ[at - 1]!;
          at--;
        }
        bestN[at] = n;
        bestJ[at] = j;
      }
      if (stats) stats.scored += nBest;
      const scored: SimilarHit[] = [];
      for (let k = 0; k < nBest; k++) {
        const j = bestJ[k]!;
        const score = diceIds(grams[i]!, grams[j]!);
        if (score >= threshold) scored.push({ id: group[j]!.id, score });
      }
      result.set(doc.id, scored.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).slice(0, limit));
    });
  }
  return result;
}

/** Similar pledges of every task, by its pledge text: what task pages list. */
export function similarTasks(tasks: readonly { id: string; district: string; year: number; pledge: { text: string } }[]): Map<string, SimilarHit[]> {
  return similarPledges(tasks.map((t) => ({ id: t.id, district: t.district, year: t.year, text: t.pledge.text })));
}
